"""What cannot import the catalogue (bot/plans/catalogue) agrees with it: the domain's buttons and
slots, the rules, the migrations' CHECK constraints, the plan and console templates, and the
report's tables and labels. Python derives from the catalogue; its derived names are checked too."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Sequence

import pytest
import yaml

from actions.forms.skipping import wants_to_skip
from actions.plan import SECTION_SLOTS
from bot.budgets.source import BudgetFigures
from bot.choices import (
    CHECK_WORDS,
    COPY_ROUTE_CHOICES,
    MANAGEMENT_OPTIONS,
    PAYEE_CHOICES,
    PLANNED_BY,
    SERVICE_CATEGORIES,
    UNMET_NEED_CHOICES,
)
from bot.choices import COST_PERIODS as COST_PERIOD_WORDS
from bot.db.models import Budget, Plan, Review, ReviewOutcome, ReviewService
from bot.parsing.choices import match_choice
from bot.parsing.communication import WORDS as COMMUNICATION_WORDS
from bot.parsing.sections import section_named
from bot.plans import service
from bot.plans.catalogue import (
    ADVICE_TOPICS,
    BUDGET_PERIODS,
    CATEGORIES,
    CHECKS,
    COMMUNICATION_NEEDS,
    COPY_ROUTES,
    COST_PERIODS,
    FLAGS,
    INVOLVED_ROLES,
    MANAGEMENT,
    NEEDS,
    PAYEES,
    PAYMENT_FREQUENCIES,
    RATINGS,
    REVIEW_STATUSES,
    SECTIONS,
    SERVICE_CHANGES,
    STATUSES,
    WELLBEING_AREAS,
)
from bot.plans.documents import plan_to_html
from bot.plans.export import FILTERS, plan_to_text
from bot.plans.sections import REOPENABLE, section_done
from bot.plans.views import InvolvedView, OutcomeView, PlanView, ServiceView
from bot.reporting.labels import group_label
from bot.reporting.report import build_report
from bot.web.console_queries import STATUSES as CONSOLE_STATUSES

ROOT = Path(__file__).resolve().parent.parent
STEPS_BEFORE_SECTIONS = ("welcome", "identity", "budget")


def domain() -> Dict[str, Any]:
    """domain/*.yml merged one level deep (responses, slots, forms…)."""
    merged: Dict[str, Any] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text()) or {}).items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
    return merged


def payloads(response: str) -> List[str]:
    (variant,) = domain()["responses"][response]
    return [button["payload"] for button in variant["buttons"]]


# The domain's buttons: in catalogue order, so that a reply of '2' picks the second choice.


def test_every_management_option_has_its_button_in_order() -> None:
    assert [match_choice(payload, MANAGEMENT_OPTIONS) for payload in payloads("utter_ask_management_option")] == list(
        MANAGEMENT.codes
    )


def test_every_service_category_has_its_button_in_order() -> None:
    assert [match_choice(payload, SERVICE_CATEGORIES) for payload in payloads("utter_ask_service_category")] == list(
        CATEGORIES.codes
    )


def test_the_cost_period_buttons_are_the_first_cost_periods_in_order() -> None:
    read = [match_choice(payload, COST_PERIOD_WORDS) for payload in payloads("utter_ask_service_cost_period")]
    assert read == list(COST_PERIODS.codes[: len(read)])


def every_variants_payloads(response: str) -> List[List[str]]:
    """The buttons' payloads of each variant of `response` (one a condition, e.g. who is planning)."""
    return [[button["payload"] for button in variant["buttons"]] for variant in domain()["responses"][response]]


@pytest.mark.parametrize(
    "response, choices, codes",
    [
        ("utter_ask_paid_to", PAYEE_CHOICES, PAYEES.codes),
        ("utter_ask_communication_needs", COMMUNICATION_WORDS, COMMUNICATION_NEEDS.codes),
        ("utter_ask_copy_route_web", COPY_ROUTE_CHOICES, COPY_ROUTES.codes),
        ("utter_ask_copy_route", COPY_ROUTE_CHOICES, tuple(c for c in COPY_ROUTES.codes if c != "download")),
    ],
)
def test_the_sign_off_questions_buttons_are_the_catalogue_choices_in_order(
    response: str, choices: Any, codes: Sequence[str]
) -> None:
    for variant in every_variants_payloads(response):
        assert [match_choice(payload, choices) for payload in variant] == list(codes), response


def test_each_sign_off_choice_can_be_put_back_to_the_person() -> None:
    assert tuple(CHECK_WORDS["paid_to"]) == PAYEES.codes
    assert tuple(CHECK_WORDS["communication_needs"]) == COMMUNICATION_NEEDS.codes


def test_the_which_section_buttons_are_the_reopenable_sections_in_order() -> None:
    assert tuple(section_named(payload) for payload in payloads("utter_ask_which_section")) == REOPENABLE


def test_each_reopenable_section_is_read_back_from_its_own_words() -> None:
    for section in SECTIONS:
        if section.reopenable:
            assert section_named(f"change {section.label}") == section.code, section.code


def test_the_section_words_name_exactly_the_reopenable_sections() -> None:
    from bot.parsing.sections import _GUESS, _SECTION_WORDS

    assert {code for code, _ in _SECTION_WORDS} | {_GUESS[0]} == set(REOPENABLE)


def test_payment_frequencies_are_cost_periods_said_and_counted_by_the_catalogue() -> None:
    for frequency in PAYMENT_FREQUENCIES:
        assert COST_PERIODS[frequency].paid and COST_PERIODS[frequency].weeks in (1, 4), frequency


# The domain's slots and forms, and the rules that open each section's form.


def test_current_section_takes_the_sections_in_order() -> None:
    values = domain()["slots"]["current_section"]["values"]
    assert [value for value in values if value in SECTIONS] == list(SECTIONS.codes)


def test_every_section_has_a_form_and_a_rule_that_opens_it() -> None:
    forms = domain()["forms"]
    rules = yaml.safe_load((ROOT / "data" / "rules" / "sections.yml").read_text())["rules"]
    opened = {}
    for rule in rules:
        steps = rule["steps"]
        for before, after in zip(steps, steps[1:], strict=False):
            for slot in before.get("slot_was_set", []):
                if "current_section" in slot and str(after.get("action", "")).endswith("_form"):
                    opened[slot["current_section"]] = after["action"]
    for section in SECTIONS.codes:
        assert f"{section}_form" in forms, section
    assert {section: opened.get(section) for section in SECTIONS.codes} == {
        section: f"{section}_form" for section in SECTIONS.codes
    }


def test_the_router_and_the_plan_service_know_every_section() -> None:
    assert tuple(SECTION_SLOTS) == ("identity", *SECTIONS.codes)
    assert tuple(service._REOPEN) == REOPENABLE
    assert [section_done(whole_plan(), section) for section in SECTIONS.codes] == [True] * len(REOPENABLE) + [False]


def test_the_choice_examples_name_exactly_the_catalogue_codes() -> None:
    for question, vocabulary in (
        ("management_option", MANAGEMENT.codes),
        ("service_category", CATEGORIES.codes),
        ("service_cost_period", COST_PERIODS.codes),
        ("which_section", REOPENABLE),
        ("paid_to", PAYEES.codes),
        ("communication_needs", COMMUNICATION_NEEDS.codes),
    ):
        examples = yaml.safe_load((ROOT / "data" / "choices" / f"{question}.yml").read_text())["examples"]
        assert set(examples) - {"unclear"} == set(vocabulary), question


# The database: the migrations' CHECK constraints and the models allow exactly the catalogue's values.


def migration_checks() -> Dict[str, List[str]]:
    """Constraint name → the values of each `column IN (…)` CHECK written in the migrations."""
    found: Dict[str, List[str]] = {}
    pattern = re.compile(r'CheckConstraint\(\s*"\w+ IN \(([^)]*)\)",\s*name=op\.f\("(\w+)"\)')
    for path in sorted((ROOT / "bot" / "db" / "migrations" / "versions").glob("*.py")):
        for values, name in pattern.findall(path.read_text()):
            found[name] = re.findall(r"'([^']*)'", values)
    return found


def model_check(table: Any, name: str) -> List[str]:
    (constraint,) = [c for c in table.constraints if getattr(c, "name", None) == name]
    return re.findall(r"'([^']*)'", str(constraint.sqltext))


@pytest.mark.parametrize(
    "name, table, vocabulary",
    [
        ("ck_budgets_period", Budget.__table__, BUDGET_PERIODS),
        ("ck_plans_status", Plan.__table__, STATUSES),
        ("ck_reviews_status", Review.__table__, REVIEW_STATUSES),
        ("ck_review_outcomes_rating", ReviewOutcome.__table__, RATINGS),
        ("ck_review_services_change", ReviewService.__table__, SERVICE_CHANGES),
    ],
)
def test_the_check_constraints_allow_exactly_the_catalogue_values(name: str, table: Any, vocabulary: Any) -> None:
    assert migration_checks()[name] == list(vocabulary.codes)
    assert model_check(table, name) == list(vocabulary.codes)


# The plan documents (bot/templates) and the adviser console (bot/web/templates).


def whole_plan() -> PlanView:
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    services = tuple(
        ServiceView(number, category, f"Service {number}", (1,), None, None, Decimal(10))
        for number, category in enumerate(CATEGORIES.codes, start=1)
    )
    return PlanView(
        plan_reference="SP-TEST",
        person_reference="PB-1",
        given_name="Ann",
        status="submitted",
        planned_by="self",
        channel="rest",
        budget=BudgetFigures.of(Decimal(1000), "4 weeks"),
        important_to_me="My garden",
        outcomes=(OutcomeView(1, "Get out more", "community"),),
        services=services,
        total_weekly_cost=Decimal(90),
        remaining_weekly=Decimal(160),
        management="mixed",
        contingency="Call my son",
        flags=FLAGS.codes,
        outcomes_complete=True,
        services_complete=True,
        created_at=moment,
        updated_at=moment,
        submitted_at=moment,
    )


def headings_in_order(document: str, headings: Sequence[str]) -> bool:
    positions = [document.find(heading) for heading in headings]
    return -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("render, mark", [(plan_to_text, "\n{}\n"), (plan_to_html, ">{}<")])
def test_the_plan_documents_show_every_section_in_catalogue_order(render: Any, mark: str) -> None:
    document = render(whole_plan())
    assert all(section.heading for section in SECTIONS if section.reopenable)
    headings = [mark.format(section.heading) for section in SECTIONS if section.heading]
    assert headings_in_order(document, headings)


def test_the_document_words_cover_every_code() -> None:
    for name, vocabulary in (
        ("category", CATEGORIES),
        ("management", MANAGEMENT),
        ("flag", FLAGS),
        ("status", STATUSES),
        ("period", BUDGET_PERIODS),
        ("need", NEEDS),
        ("wellbeing", WELLBEING_AREAS),
        ("payee", PAYEES),
        ("communication", COMMUNICATION_NEEDS),
        ("copy_route", COPY_ROUTES),
        ("check", CHECKS),
    ):
        for code in vocabulary.codes:
            assert FILTERS[name](code), (name, code)
    for frequency in PAYMENT_FREQUENCIES:
        assert FILTERS["paid"](frequency), frequency
    for role in INVOLVED_ROLES:
        assert FILTERS["involved"](InvolvedView(role)), role
    for planned_by in PLANNED_BY:
        assert FILTERS["planned_by"](planned_by), planned_by


def inline_dicts(template: str) -> List[set]:
    """The key sets of the `{'code': 'words', …}` lookups written in a console template."""
    text = (ROOT / "bot" / "web" / "templates" / "console" / template).read_text()
    return [set(re.findall(r"'(\w+)':", body)) for body in re.findall(r"\{('\w+': '[^}]*)\}", text)]


@pytest.mark.parametrize("template", ["_plan_table.html", "plan.html", "plans.html"])
def test_the_console_templates_name_exactly_the_statuses_and_flags(template: str) -> None:
    lookups = inline_dicts(template)
    assert lookups
    for keys in lookups:
        assert keys in (set(STATUSES.codes), set(FLAGS.codes)), (template, keys)


def test_the_console_lists_every_status() -> None:
    assert sorted(CONSOLE_STATUSES) == sorted(STATUSES.codes)


# The report: its tables cover exactly the catalogue, and each code has its catalogue label.


def test_the_report_tables_and_labels_cover_exactly_the_catalogue(database: str) -> None:
    report: Dict[str, Any] = build_report()
    for table, key, vocabulary, label_of in (
        ("plans_by_status", "status", STATUSES, lambda status: status.report_label),
        ("management", "option", MANAGEMENT, lambda option: option.report_label),
        ("service_categories", "category", CATEGORIES, lambda category: category.report_label),
        ("checks", "check", CHECKS, lambda check: check.report_label),
    ):
        assert [row[key] for row in report[table]] == list(vocabulary.codes), table
        for term in vocabulary:
            assert group_label(table, term.code) == label_of(term), (table, term.code)
    stages = [row["stage"] for row in report["funnel"]]
    assert stages == [*STEPS_BEFORE_SECTIONS, *SECTIONS.codes, "submitted"]
    for section in SECTIONS:
        assert group_label("funnel", section.code) == section.stage


def test_the_unmet_need_buttons_are_its_choices_in_order_then_skip() -> None:
    for variant in domain()["responses"]["utter_ask_unmet_need"]:
        *choices, skip = [button["payload"] for button in variant["buttons"]]
        assert [match_choice(payload, UNMET_NEED_CHOICES) for payload in choices] == list(UNMET_NEED_CHOICES)
        assert wants_to_skip(skip)


# The advice kept on a plan: each answer in domain/faq.yml has its question's title in the catalogue.


def test_every_faq_answer_has_its_question_title_in_order() -> None:
    answers = [name.split("/", 1)[1] for name in domain()["responses"] if name.startswith("utter_faq/")]
    assert answers == list(ADVICE_TOPICS.codes)
    assert all(topic.label.endswith("?") for topic in ADVICE_TOPICS)
