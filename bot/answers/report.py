"""How the assistant reads answers to its own questions, measured on the held-out set
(`tests/heldout/answers.csv`: written by someone given only the questions, never shown the
training data or code; never train or tune on it). `make answers-report`.

Each answer goes through what the assistant really does: the newest trained model parses it,
then the form's validation action runs on a tracker where that question is open, against a
scratch SQLite database holding the demo people and a draft plan. Each answer is then:

- right: read as expected (for an unclear answer, `ask`, that means the question was asked again);
- confirmed: the reading was put back to the person as a question before being used;
- asked again: the question was asked again (or its choices listed) for a clear answer;
- wrong: something else was recorded, or an unclear answer was taken as something.

The table ends with the money recorded wrong without confirmation (a weekly cost, or the hours an
hourly cost is made of); then the
safety detector's figures on the held-out safety messages (`tests/heldout/safety.csv`).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import logging
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Collection, Dict, List, Optional, Tuple

from rasa_sdk import Action
from sqlalchemy import delete, update

from actions.forms.change_checks import CHANGE
from actions.identity import ValidateIdentityForm
from actions.management import ValidateContingencyForm, ValidateManagementForm
from actions.plan import ValidateReviewForm
from actions.plan_copy import WEB_CHANNEL, ValidateCopyForm
from actions.review_form import ValidateReviewConversationForm
from actions.services import FINISHED, ValidateServicesForm, weekly_cost
from bot.answers.trackers import Outcome, run, tracker
from bot.budgets.importer import import_budgets
from bot.budgets.source import BudgetFigures
from bot.config import PROJECT_ROOT
from bot.db.migrate import upgrade
from bot.db.models import Plan, ReviewOutcome
from bot.db.session import session_scope, use_database
from bot.parsing.numbers import to_places
from bot.plans import costing, service
from bot.plans.described import DESCRIBED
from bot.plans.service import NewService
from bot.reviews import record
from bot.slot_names import (
    ADD_ANOTHER_SERVICE,
    CHOICE_CHECK,
    COMMUNICATION_NEEDS,
    CONTINGENCY,
    COPY_ROUTE,
    FAILED_ATTEMPTS,
    MANAGEMENT_OPTION,
    PAID_TO,
    PAYEE_LIVES_WITH,
    PAYEE_RELATION,
    PLAN_CONFIRMED,
    PLAN_REFERENCE,
    PLANNED_BY,
    REVIEW_ID,
    REVIEW_RATING,
    REVIEW_STEP,
    SERVICE_CATEGORY,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_DESCRIPTION,
    SERVICE_HOURS,
    SERVICE_ID,
    SERVICE_NEEDS,
    SERVICE_OUTCOMES,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
)

HELD_OUT = PROJECT_ROOT / "tests" / "heldout" / "answers.csv"
HELD_OUT_SAFETY = PROJECT_ROOT / "tests" / "heldout" / "safety.csv"
#: the questions whose answers are recorded as money (a weekly cost, or hours at an hourly rate)
MONEY_QUESTIONS = ("service_cost", "service_hours")
DEMO_CSV = PROJECT_ROOT / "bot" / "demo" / "demo_people.csv"
PERSON = "PB-100234"
OUTCOMES = ("Get to the shops on my own", "See my grandchildren more", "Sleep better at night")
#: a demo person whose budget came with the assessment, for the questions about needs and paying family
ASSESSED_PERSON = "PB-100242"
#: a demo person whose agreed plan is being reviewed, for how an outcome is going
REVIEWED_PERSON = "PB-100235"
#: that assessment's needs, in the order the set numbers them
ASSESSED_NEEDS = ("personal_hygiene", "nutrition", "community")
#: the cost the period question follows in the report
COST_BEFORE_PERIOD = Decimal("120")
RIGHT, CONFIRMED, ASKED_AGAIN, WRONG = "right", "confirmed", "asked again", "wrong"
#: the held-out set's period labels, as bot/plans/costing.py names them (visit and day need the times a week)
_COSTING_PERIOD = {
    "week": "week",
    "fortnight": "fortnight",
    "four_weeks": "4 weeks",
    "4 weeks": "4 weeks",
    "month": "month",
    "year": "year",
    "once": "one-off",
    "one-off": "one-off",
}
#: the sets' other names for a period (sets A and B say four_weeks and once, set C as the bot does)
_SAME_PERIOD = {"four_weeks": "4 weeks", "once": "one-off"}

Reading = Optional[str]


@dataclass(frozen=True)
class Question:
    """One of the plan's questions: the form that validates it, the slot it fills, what is
    already known when it is asked, and how the action's outcome reads as the set's label."""

    form: Callable[[], Action]
    slot: str
    known: Dict[str, Any]
    #: reads the slots after validation (what was known, updated by the action) and the responses
    read: Callable[[Outcome], Reading]
    #: asked on the assessed person's plan (direct payment, a daughter paid as a PA) instead of the draft
    assessed: bool = False
    #: the channel the answer comes on (the copy question offers a download on the chat page only)
    channel: Optional[str] = None

    @property
    def form_name(self) -> str:
        return self.form().name().removeprefix("validate_")


def _slot(name: str) -> Callable[[Outcome], Reading]:
    return lambda out: out.slots.get(name) or None


def _yes_no(out: Outcome) -> Reading:
    if out.slots.get(ADD_ANOTHER_SERVICE) == FINISHED:
        return "no"
    if FAILED_ATTEMPTS in out.slots or out.slots.get(SERVICE_CATEGORY) is not None:
        return None
    return "yes"  # every question of the service cleared, for the next one


def _outcomes(out: Outcome) -> Reading:
    chosen = out.slots.get(SERVICE_OUTCOMES)
    if not chosen:
        return None
    if chosen == "none":
        return "none"
    numbers = sorted(int(n) for n in chosen.split(","))
    return "all" if numbers == list(range(1, len(OUTCOMES) + 1)) else "+".join(map(str, numbers))


def _hours(out: Outcome) -> Reading:
    hours = out.slots.get(SERVICE_HOURS)
    return f"hours={to_places(hours)}" if hours else None


def _period(out: Outcome) -> Reading:
    per = out.slots.get(SERVICE_COST_PERIOD)
    if per == "visit":
        visits = out.slots.get(SERVICE_VISITS_PER_WEEK)
        return "fortnight" if visits is not None and Fraction(visits) == Fraction(1, 2) else "visit"
    return per or None


def _cost(out: Outcome) -> Reading:
    """'weekly=…' once the cost is complete; 'each=…' when the times a week come next; 'amount=…'
    when the period comes next."""
    slots = out.slots
    if slots.get(SERVICE_COST) is None:
        return None
    if slots.get(SERVICE_COST_PERIOD) is None:
        return f"amount={Decimal(slots[SERVICE_COST]):.2f}"  # the period is asked next
    if slots.get(SERVICE_COST_PERIOD) == "visit" and slots.get(SERVICE_VISITS_PER_WEEK) is None:
        return f"each={Decimal(slots[SERVICE_COST]):.2f}"
    weekly = weekly_cost(slots)
    return f"weekly={weekly:.2f}" if weekly is not None else None


def _joined(name: str) -> Callable[[Outcome], Reading]:
    """Several codes kept as 'a,b', read as the set writes them ('a+b')."""
    return lambda out: (out.slots.get(name) or "").replace(",", "+") or None


def _rating(out: Outcome) -> Reading:
    """The rating put back to the person, or the one the review recorded for its first outcome."""
    if out.slots.get(REVIEW_RATING):
        return str(out.slots[REVIEW_RATING])
    return record.get_review(int(out.slots[REVIEW_ID])).outcome_ratings[0].rating


def _needs(out: Outcome) -> Reading:
    chosen = out.slots.get(SERVICE_NEEDS)
    if not chosen or chosen == "none":
        return chosen or None
    numbers = sorted(ASSESSED_NEEDS.index(code) + 1 for code in chosen.split(","))
    return "all" if len(numbers) == len(ASSESSED_NEEDS) else "+".join(map(str, numbers))


def _section(out: Outcome) -> Reading:
    chosen = out.slots.get(PLAN_CONFIRMED) or ""
    return chosen.removeprefix("change ") if chosen.startswith("change ") else None


_SERVICE = {SERVICE_CATEGORY: "transport", SERVICE_DESCRIPTION: "a taxi to the day centre"}
#: the service's questions answered before the needs it meets
_ASKED_BEFORE_NEEDS = {SERVICE_ID: 1, PAYEE_RELATION: "daughter", PAYEE_LIVES_WITH: "no", SERVICE_OUTCOMES: "none"}
_PAID_DAUGHTER = {
    SERVICE_CATEGORY: "personal_assistant",
    SERVICE_DESCRIPTION: "my daughter Grace as my PA",
    SERVICE_HOURS: "10",
    SERVICE_RATE: "13",
}
QUESTIONS: Dict[str, Question] = {
    "planned_by": Question(ValidateIdentityForm, PLANNED_BY, {}, _slot(PLANNED_BY)),
    "service_category": Question(ValidateServicesForm, SERVICE_CATEGORY, {}, _slot(SERVICE_CATEGORY)),
    "service_cost": Question(ValidateServicesForm, SERVICE_COST, _SERVICE, _cost),
    "service_cost_period": Question(
        ValidateServicesForm, SERVICE_COST_PERIOD, {**_SERVICE, SERVICE_COST: str(COST_BEFORE_PERIOD)}, _period
    ),
    "service_hours": Question(
        ValidateServicesForm,
        SERVICE_HOURS,
        {SERVICE_CATEGORY: "personal_assistant", SERVICE_DESCRIPTION: "help to get up"},
        _hours,
    ),
    "management_option": Question(ValidateManagementForm, MANAGEMENT_OPTION, {}, _slot(MANAGEMENT_OPTION)),
    "yes_no": Question(ValidateServicesForm, ADD_ANOTHER_SERVICE, {**_SERVICE, SERVICE_ID: 1}, _yes_no),
    "service_outcomes": Question(ValidateServicesForm, SERVICE_OUTCOMES, {**_SERVICE, SERVICE_ID: 1}, _outcomes),
    "which_section": Question(ValidateReviewForm, PLAN_CONFIRMED, {REVIEW_STEP: "choose"}, _section),
    "paid_to": Question(
        ValidateManagementForm, PAID_TO, {MANAGEMENT_OPTION: "direct_payment"}, _slot(PAID_TO), assessed=True
    ),
    "communication_needs": Question(
        ValidateContingencyForm, COMMUNICATION_NEEDS, {CONTINGENCY: "My son would ring"}, _joined(COMMUNICATION_NEEDS)
    ),
    "copy_route": Question(ValidateCopyForm, COPY_ROUTE, {}, _slot(COPY_ROUTE), channel=WEB_CHANNEL),
    "service_needs": Question(
        ValidateServicesForm, SERVICE_NEEDS, {**_PAID_DAUGHTER, **_ASKED_BEFORE_NEEDS}, _needs, True
    ),
    "lives_with": Question(
        ValidateServicesForm,
        PAYEE_LIVES_WITH,
        {**_PAID_DAUGHTER, SERVICE_ID: 1, PAYEE_RELATION: "daughter"},
        _slot(PAYEE_LIVES_WITH),
        assessed=True,
    ),
    "review_rating": Question(ValidateReviewConversationForm, REVIEW_RATING, {REVIEW_ID: None}, _rating),
}


def expected_cost(label: str) -> Reading:
    """The held-out label 'amount=120.00;period=once' as _cost reads a right answer."""
    fields = dict(part.split("=", 1) for part in label.split(";"))
    amount, period = Decimal(fields["amount"]), fields["period"]
    if not period:
        return f"amount={amount:.2f}"
    if period in ("visit", "day"):
        return f"each={amount:.2f}"
    return f"weekly={costing.per_period(amount, _COSTING_PERIOD[period])}"


def _same(question: str, reading: str, expected: str) -> bool:
    if question == "service_cost":
        return reading == expected_cost(expected)
    if question == "service_cost_period":
        return reading == ("visit" if expected == "day" else _SAME_PERIOD.get(expected, expected))
    if question == "communication_needs":  # several needs, in any order
        return set(reading.split("+")) == set(expected.split("+"))
    if question == "service_hours":
        try:
            return Decimal(reading.split("=")[1]) == Decimal(expected.split("=")[1])
        except (InvalidOperation, IndexError):
            return False
    return reading == expected


def judge(question: str, reading: Reading, expected: str, confirmed: bool) -> str:
    """A reading put back to the person before it is used counts as confirmed, right or not."""
    if confirmed:
        return CONFIRMED
    if expected == "ask":  # asking for the period of an amount said alone is asking
        return RIGHT if reading is None or (question == "service_cost" and reading.startswith("amount=")) else WRONG
    if reading is None:
        return ASKED_AGAIN
    if _same(question, reading, expected):
        return RIGHT
    if question == "service_cost" and reading == expected_cost(expected.split(";")[0] + ";period="):
        return ASKED_AGAIN  # the amount is right and its period is asked next
    return WRONG


class Scratch:
    """A scratch database with the demo people and one draft plan with three outcomes and a service."""

    def __init__(self, folder: Path) -> None:
        use_database(f"sqlite:///{folder / 'answers.db'}")
        upgrade()
        import_budgets(DEMO_CSV, actor="answers-report")
        self.plan = service.open_plan(
            PERSON, "self", "rest", "answers", BudgetFigures.of(Decimal(250), "week")
        ).plan_reference
        budget = BudgetFigures.of(Decimal(250), "week", eligible_needs=ASSESSED_NEEDS)
        self.assessed = service.open_plan(ASSESSED_PERSON, "self", "rest", "answers-assessed", budget).plan_reference
        service.set_management(self.assessed, "direct_payment")
        daughter = NewService(
            "personal_assistant",
            _PAID_DAUGHTER[SERVICE_DESCRIPTION],
            Decimal(_PAID_DAUGHTER[SERVICE_HOURS]),
            Decimal(_PAID_DAUGHTER[SERVICE_RATE]),
            None,
        )
        self.assessed_service_id = service.add_service(self.assessed, daughter).id
        self.review_id = self._review_under_way()
        self.tidy()

    @staticmethod
    def _review_under_way() -> int:
        """A review just started of an agreed plan with one outcome (its first question: how is it going?)."""
        reviewed = service.open_plan(
            REVIEWED_PERSON, "self", "rest", "answers-review", BudgetFigures.of(Decimal(250), "week")
        ).plan_reference
        service.set_important_to_me(reviewed, "My garden")
        service.add_outcome(reviewed, OUTCOMES[0])
        service.set_outcomes_complete(reviewed, True)
        service.add_service(reviewed, NewService("transport", "a taxi to the shops", None, None, Decimal(20), (1,)))
        service.set_services_complete(reviewed, True)
        service.set_management(reviewed, "council_managed")
        service.set_contingency(reviewed, "My son would ring")
        service.submit_plan(reviewed)
        service.mark_agreed(reviewed, "answers-report")
        return record.start_review(REVIEWED_PERSON, "rest").id

    def tidy(self) -> None:
        """Put the plan back as it was (three outcomes, the taxi), so each answer meets the same plan:
        an answer may add a service, and one at the summary may take an item out."""
        plan = service.get_plan(self.plan)
        if [o.text for o in plan.outcomes] != list(OUTCOMES):
            for outcome in plan.outcomes:
                service.remove_outcome(self.plan, outcome.id)
            for text in OUTCOMES:
                service.add_outcome(self.plan, text)
        for extra in plan.services[1:]:
            service.remove_service(self.plan, extra.id)
        if not plan.services:
            service.add_service(self.plan, NewService("transport", "a taxi to the day centre", None, None, Decimal(20)))
        self.service_id = service.get_plan(self.plan).services[0].id
        with session_scope() as session:  # not asked yet (the contingency form asks it only then)
            session.execute(update(Plan).where(Plan.plan_reference == self.plan).values(communication_needs=None))
            session.execute(delete(ReviewOutcome).where(ReviewOutcome.review_id == self.review_id))


async def read_answer(
    question: Question, text: str, parse_data: Dict[str, Any], scratch: Scratch, planned_by: str = "self"
) -> Tuple[Reading, bool]:
    """The reading of `text` with `question` open, and whether it was put back to the person;
    `planned_by`: who is making the plan (a helper's 'to me' is someone chosen, not the person)."""
    service_id = scratch.assessed_service_id if question.assessed else scratch.service_id
    known = {**question.known, **({SERVICE_ID: service_id} if SERVICE_ID in question.known else {})}
    if REVIEW_ID in question.known:
        known[REVIEW_ID] = scratch.review_id
    t = tracker(
        {PLAN_REFERENCE: scratch.assessed if question.assessed else scratch.plan, PLANNED_BY: planned_by, **known},
        text,
        filled=question.slot,
        active_loop=question.form_name,
        parse_data=parse_data,
        channel=question.channel,
    )
    out = await run(question.form(), t)
    check = out.slots.get(CHOICE_CHECK)
    # a reading put back to the person: read as if they said yes (figures said with a description
    # are put back too, but the answer itself, the kind of support, was read without a check)
    if check and check.get("code") not in (DESCRIBED, CHANGE):  # a change to another support: not read
        return question.read(Outcome({**known, **_checked(check)}, [], [])), True
    after = Outcome({**known, **out.slots}, out.responses, out.messages)
    confirmed = any((r or "").startswith("utter_confirm") for r in out.responses)
    return question.read(after), confirmed


def _checked(check: Dict[str, Any]) -> Dict[str, Any]:
    """The slots a checked reading fills once the person says yes (a cost is 'amount|period')."""
    if check["slot"] == SERVICE_COST:
        amount, period = check["code"].split("|")
        return {SERVICE_COST: amount, SERVICE_COST_PERIOD: period}
    return {check["slot"]: check["code"]}


def rows(path: Path = HELD_OUT) -> List[Dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


async def measure(
    parse: Callable[[str], Any], path: Path = HELD_OUT, questions: Optional[Collection[str]] = None
) -> Tuple[Dict[str, Counter], int, List[str]]:
    """Per question (all, or only `questions`), how many answers were right, confirmed, asked
    again or wrong; the number of wrong money figures recorded without confirmation; and the
    wrong readings, to look at."""
    counts: Dict[str, Counter] = defaultdict(Counter)
    wrong_money, wrong = 0, []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Scratch(Path(folder))
        for row in rows(path):
            if questions is not None and row["question"] not in questions:
                continue
            question, expected, text = row["question"], row["expected"], row["answer"]
            planned_by = row.get("planned_by") or "self"  # an optional column (our own dev sets have it)
            reading, confirmed = await read_answer(QUESTIONS[question], text, await parse(text), scratch, planned_by)
            scratch.tidy()
            verdict = judge(question, reading, expected, confirmed)
            counts[question][verdict] += 1
            if verdict in (WRONG, ASKED_AGAIN):
                wrong.append(f"{verdict}: {question}: {text!r} → {reading} (expected {expected})")
                wrong_money += _sets_money(question, reading)
    return counts, wrong_money, wrong


def _sets_money(question: str, reading: Reading) -> bool:
    """A wrong reading that is recorded as money: a weekly cost, or the hours an hourly cost is made of."""
    return (
        question in MONEY_QUESTIONS
        and reading is not None
        and (question != "service_cost" or reading.startswith("weekly="))
    )


def table(counts: Dict[str, Counter], wrong_money: int) -> str:
    lines = [
        f"| question | answers | {RIGHT} | {CONFIRMED} | {ASKED_AGAIN} | {WRONG} | right or confirmed |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    total: Counter = Counter()
    for question, c in counts.items():
        n = sum(c.values())
        total.update(c)
        lines.append(
            f"| {question} | {n} | {c[RIGHT]} | {c[CONFIRMED]} | {c[ASKED_AGAIN]} | {c[WRONG]} | "
            f"{(c[RIGHT] + c[CONFIRMED]) / n:.1%} |"
        )
    n = sum(total.values())
    lines.append(
        f"| all | {n} | {total[RIGHT]} | {total[CONFIRMED]} | {total[ASKED_AGAIN]} | {total[WRONG]} | "
        f"{(total[RIGHT] + total[CONFIRMED]) / n:.1%} |"
    )
    lines.append(f"\nwrong money figures without confirmation: {wrong_money}")
    return "\n".join(lines)


async def safety_figures(parse: Callable[[str], Any], path: Path = HELD_OUT_SAFETY) -> List[str]:
    """The safety detector (bot/safety/detector.py) on the held-out safety messages, inside and
    outside a form: recall on risk messages and false alarms on ordinary ones, a message counting
    as caught when it is signposted or checked on (how many of each in brackets)."""
    from bot.safety import detector

    texts = [(row.get("message") or row["text"], row["label"]) for row in rows(path)]
    scored = [(text, label == "risk", detector.risk_confidence(await parse(text))) for text, label in texts]
    lines = []
    for in_form in (True, False):
        said = [(risk, detector.assess(text, confidence, in_form)) for text, risk, confidence in scored]
        lines.append(
            f"safety {'inside' if in_form else 'outside'} a form: " + _caught(said, True) + ", " + _caught(said, False)
        )
    return lines


def _caught(said: List[Tuple[bool, Any]], risk: bool) -> str:
    """'recall 0.950 (95 of 100: 80 signposted, 15 checked on)' for the risk messages, or the
    false alarms on the ordinary ones."""
    from bot.safety.detector import Concern

    concerns = [concern for r, concern in said if r is risk]
    signposted = concerns.count(Concern.RISK)
    checked = concerns.count(Concern.CHECK_IN)
    caught, n = signposted + checked, len(concerns)
    figure = f"recall {caught / n:.3f}" if risk else f"false alarms {caught / n:.1%}"
    return f"{figure} ({caught} of {n}: {signposted} signposted, {checked} checked on)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show-wrong", action="store_true", help="list each wrong reading and each clear answer asked again"
    )
    parser.add_argument("--answers", type=Path, default=HELD_OUT, help="a held-out answers file (default: %(default)s)")
    parser.add_argument(
        "--safety", type=Path, default=HELD_OUT_SAFETY, help="a safety messages file (default: %(default)s)"
    )
    parser.add_argument("--no-safety", action="store_true", help="leave out the safety figures")
    args = parser.parse_args()
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    from bot.launcher import latest_model

    logging.basicConfig(level=logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(latest_model())
    counts, wrong_money, wrong = asyncio.run(measure(agent.parse_message, args.answers))
    print(table(counts, wrong_money))
    if not args.no_safety:
        print("\n".join(asyncio.run(safety_figures(agent.parse_message, args.safety))))
    if args.show_wrong:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
