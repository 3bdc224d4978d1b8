"""Direct-payment checks said while planning (issue 15 item 4): a check newly raised by adding a
service, changing its cost or saying where a relative it pays lives is said once, kindly, and the
plan carries on; a relative (not a partner) named as the one paid is asked about in one yes/no
question."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest
import yaml
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from actions.paying_family import AskPayeeLivesWith
from actions.services import ValidateServicesForm
from bot.answers.trackers import domain, run, tracker
from bot.budgets.source import BudgetFigures
from bot.config import PROJECT_ROOT
from bot.plans import service
from bot.plans.service import NewService

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "services_form"


def answer(plan_ref: str, slot: str, text: str, **slots: Any):
    return tracker({"plan_reference": plan_ref, "planned_by": "self", **slots}, text, filled=slot, active_loop=FORM)


def pa(description: str, hours: str = "10") -> Dict[str, Any]:
    return {"service_category": "personal_assistant", "service_description": description, "service_hours": hours}


def checks_said(out: Any) -> list:
    return [m for m in out.messages if str(m.get("response")).startswith("utter_check_raised")]


# --- the living wage ----------------------------------------------------------------------


async def test_a_pa_below_the_living_wage_is_told_once_and_recorded(plan_ref: str) -> None:
    out = await run(ValidateServicesForm(), answer(plan_ref, "service_rate", "£11 an hour", **pa("a PA for mornings")))
    (said,) = checks_said(out)
    assert said["response"] == "utter_check_raised_living_wage"
    assert said["message"].startswith("£11.00 an hour is less than the National Living Wage")
    assert out.responses.index("utter_service_added") < out.responses.index("utter_check_raised_living_wage")
    assert out.slots["requested_slot"] == "service_outcomes"  # never blocks: the plan carries on
    (check,) = service.get_plan(plan_ref).checks
    assert (check.code, check.service_id) == ("living_wage", 2)


async def test_a_pa_at_the_living_wage_raises_nothing(plan_ref: str) -> None:
    out = await run(ValidateServicesForm(), answer(plan_ref, "service_rate", "£15 an hour", **pa("a PA for mornings")))
    assert checks_said(out) == []
    assert service.get_plan(plan_ref).checks == ()


def test_the_living_wage_check_offers_the_answer_about_being_an_employer() -> None:
    """The button asks a question the FAQ model was trained to answer with the employer's duties."""
    (variant,) = domain()["responses"]["utter_check_raised_living_wage"]
    (button,) = variant["buttons"]
    faq = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "faq.yml").read_text(encoding="utf-8"))["nlu"]
    (employer,) = [block for block in faq if block["intent"] == "faq/employ_personal_assistant"]
    assert f"- {button['payload']}" in employer["examples"].splitlines()
    answer_text = domain()["responses"]["utter_faq/employ_personal_assistant"][0]["text"]
    for duty in ("contract", "payroll", "holiday pay", "employer's liability insurance", "right to work", "pension"):
        assert duty in answer_text


async def test_a_cost_changed_below_the_living_wage_is_told_and_not_told_again(plan_ref: str) -> None:
    service.add_service(plan_ref, NewService("personal_assistant", "a PA for mornings", Decimal(10), Decimal(15), None))
    known = {**pa("a PA for mornings"), "service_rate": "15", "service_id": 2}
    out = await run(
        ValidateServicesForm(), answer(plan_ref, "service_outcomes", "actually make that £11 an hour", **known)
    )
    assert "utter_service_changed" in out.responses
    assert [m["response"] for m in checks_said(out)] == ["utter_check_raised_living_wage"]

    out = await run(
        ValidateServicesForm(), answer(plan_ref, "service_outcomes", "sorry, make that £11.50 an hour", **known)
    )
    assert "utter_service_changed" in out.responses
    assert checks_said(out) == []  # still below, already said
    assert [c.code for c in service.get_plan(plan_ref).checks] == ["living_wage"]


# --- paying family ------------------------------------------------------------------------


async def test_a_relative_paid_is_asked_about_where_they_live(plan_ref: str) -> None:
    out = await run(
        ValidateServicesForm(), answer(plan_ref, "service_rate", "£13", **pa("my daughter Jo to help me get up"))
    )
    assert out.slots["payee_relation"] == "daughter"
    assert out.slots["requested_slot"] == "payee_lives_with"
    assert checks_said(out) == []


@pytest.mark.parametrize(
    "planned_by, question",
    [("self", "Does your daughter live with you?"), ("supporter", "Does Priya live with their daughter?")],
)
async def test_where_a_relative_lives_is_asked_in_the_planner_s_words(planned_by: str, question: str) -> None:
    rasa_domain = Domain.load(str(PROJECT_ROOT / "domain"))
    tracker_ = DialogueStateTracker.from_dict("c", [], rasa_domain.slots)
    for slot, value in {"planned_by": planned_by, "person_name": "Priya", "payee_relation": "daughter"}.items():
        tracker_.slots[slot].value = value
    said = await TemplatedNaturalLanguageGenerator(rasa_domain.responses).generate(
        "utter_ask_payee_lives_with", tracker_, "rest"
    )
    assert said is not None and said["text"] == question


async def test_a_relative_who_lives_with_the_person_raises_the_family_check(plan_ref: str) -> None:
    service.add_service(plan_ref, NewService("personal_assistant", "my daughter Jo", Decimal(10), Decimal(13), None))
    known = {**pa("my daughter Jo"), "service_rate": "13", "service_id": 2, "payee_relation": "daughter"}
    out = await run(ValidateServicesForm(), answer(plan_ref, "payee_lives_with", "yes she does", **known))
    assert out.slots["payee_lives_with"] == "yes"
    (said,) = checks_said(out)
    assert said["response"] == "utter_check_raised"
    assert "your daughter, who lives with you," in said["message"]
    assert out.slots["requested_slot"] == "service_outcomes"
    plan = service.get_plan(plan_ref)
    assert plan.services[1].payee_lives_with is True
    assert [(c.code, c.service_id) for c in plan.checks] == [("family_payment", 2)]


async def test_a_relative_who_lives_elsewhere_raises_nothing(plan_ref: str) -> None:
    service.add_service(plan_ref, NewService("personal_assistant", "my daughter Jo", Decimal(10), Decimal(13), None))
    known = {**pa("my daughter Jo"), "service_rate": "13", "service_id": 2, "payee_relation": "daughter"}
    out = await run(ValidateServicesForm(), answer(plan_ref, "payee_lives_with", "no, she lives in Leeds", **known))
    assert out.slots["payee_lives_with"] == "no"
    assert checks_said(out) == []
    plan = service.get_plan(plan_ref)
    assert plan.services[1].payee_lives_with is False and plan.checks == ()


@pytest.mark.parametrize("reply", ["hm", "maybe"])
async def test_an_unclear_answer_about_where_they_live_records_nothing(plan_ref: str, reply: str) -> None:
    service.add_service(plan_ref, NewService("personal_assistant", "my daughter Jo", Decimal(10), Decimal(13), None))
    known = {**pa("my daughter Jo"), "service_rate": "13", "service_id": 2, "payee_relation": "daughter"}
    out = await run(ValidateServicesForm(), answer(plan_ref, "payee_lives_with", reply, **known))
    assert out.slots["payee_lives_with"] is None
    assert service.get_plan(plan_ref).services[1].payee_lives_with is None


async def test_a_partner_is_never_asked_where_they_live_and_is_checked_at_once(plan_ref: str) -> None:
    out = await run(ValidateServicesForm(), answer(plan_ref, "service_rate", "£13", **pa("my wife to help me dress")))
    assert out.slots["payee_relation"] is None
    assert out.slots["requested_slot"] == "service_outcomes"
    (said,) = checks_said(out)
    assert "your wife" in said["message"]


# --- a helper's own partner paid ------------------------------------------------------------


def _helper_plan() -> str:
    budget = BudgetFigures.of(Decimal(250), "week")
    reference = service.open_plan("PB-100234", "supporter", "rest", "c", budget).plan_reference
    service.add_outcome(reference, "Get out to the shops")
    return reference


@pytest.fixture
def helper_plan(demo: Any, prepared: Any) -> str:
    """A draft plan a helper is making, with one outcome."""
    return prepared(_helper_plan)


@pytest.mark.parametrize(
    "description, relation",
    [("my husband Dave to help mum get up", "husband"), ("my wife as dad's PA", "wife"), ("my partner", "partner")],
)
async def test_a_helper_s_own_partner_paid_is_asked_where_they_live(
    helper_plan: str, description: str, relation: str
) -> None:
    """A helper's spouse is the person's relative by marriage (regulation 3's close relatives), so
    where they live decides the check, unlike the person's own partner."""
    t = tracker(
        {"plan_reference": helper_plan, "planned_by": "supporter", **pa(description)},
        "£13",
        filled="service_rate",
        active_loop=FORM,
    )
    out = await run(ValidateServicesForm(), t)
    assert out.slots["payee_relation"] == relation
    assert out.slots["requested_slot"] == "payee_lives_with"
    assert checks_said(out) == []
    assert service.get_plan(helper_plan).checks == ()


async def test_a_helper_s_partner_is_asked_about_in_the_helper_s_words(helper_plan: str) -> None:
    added = service.add_service(
        helper_plan, NewService("personal_assistant", "my husband Dave to help mum", Decimal(10), Decimal(13), None)
    )
    slots = {
        "plan_reference": helper_plan,
        "planned_by": "supporter",
        "service_id": added.id,
        "payee_relation": "husband",
    }
    out = await run(AskPayeeLivesWith(), tracker(slots))
    assert out.responses == ["utter_ask_helpers_relative_lives_with"]


async def test_a_helper_s_partner_who_lives_with_the_person_raises_the_check_in_the_helper_s_words(
    helper_plan: str,
) -> None:
    added = service.add_service(
        helper_plan, NewService("personal_assistant", "my husband Dave to help mum", Decimal(10), Decimal(13), None)
    )
    name = service.get_plan(helper_plan).given_name
    known = {
        **pa("my husband Dave to help mum"),
        "service_rate": "13",
        "service_id": added.id,
        "payee_relation": "husband",
    }
    t = tracker(
        {"plan_reference": helper_plan, "planned_by": "supporter", **known},
        "yes we all live together",
        filled="payee_lives_with",
        active_loop=FORM,
    )
    out = await run(ValidateServicesForm(), t)
    (said,) = checks_said(out)
    assert f"your husband, who lives with {name}," in said["message"]
    assert [c.code for c in service.get_plan(helper_plan).checks] == ["family_payment"]


async def test_a_helper_s_partner_living_elsewhere_raises_nothing(helper_plan: str) -> None:
    added = service.add_service(
        helper_plan, NewService("personal_assistant", "my wife to sit with dad", Decimal(10), Decimal(13), None)
    )
    assert service.get_plan(helper_plan).checks == ()  # where she lives is not known yet
    known = {**pa("my wife to sit with dad"), "service_rate": "13", "service_id": added.id, "payee_relation": "wife"}
    t = tracker(
        {"plan_reference": helper_plan, "planned_by": "supporter", **known},
        "no, we have our own house",
        filled="payee_lives_with",
        active_loop=FORM,
    )
    out = await run(ValidateServicesForm(), t)
    assert out.slots["payee_lives_with"] == "no"
    assert checks_said(out) == [] and service.get_plan(helper_plan).checks == ()


async def test_the_person_s_own_partner_named_by_a_helper_is_checked_at_once(helper_plan: str) -> None:
    t = tracker(
        {"plan_reference": helper_plan, "planned_by": "supporter", **pa("her husband Bill as her PA")},
        "£13",
        filled="service_rate",
        active_loop=FORM,
    )
    out = await run(ValidateServicesForm(), t)
    assert out.slots["payee_relation"] is None
    assert out.slots["requested_slot"] == "service_outcomes"
    (said,) = checks_said(out)
    assert "husband" in said["message"] and "who lives with" not in said["message"]


async def test_a_distance_in_minutes_is_where_they_live_not_a_new_figure(plan_ref: str) -> None:
    service.add_service(plan_ref, NewService("personal_assistant", "my daughter Jo", Decimal(10), Decimal(13), None))
    known = {**pa("my daughter Jo"), "service_rate": "13", "service_id": 2, "payee_relation": "daughter"}
    out = await run(ValidateServicesForm(), answer(plan_ref, "payee_lives_with", "no, she lives 10 mins away", **known))
    assert out.slots["payee_lives_with"] == "no"
    assert service.get_plan(plan_ref).services[1].hours_per_week == Decimal(10)
