"""Direct-payment details (issue 15 item 5): a way that pays money out is told with its amount and
how often (net of the contribution; a mix is agreed with the council), then one question asks who
receives it; checks newly raised by the way chosen are told once; a way that pays nothing out asks
nothing more."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, Optional

import pytest

from actions.management import ValidateManagementForm, payee_choice
from bot.answers.trackers import Outcome, run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

CARD_CASH = "Cash can't be taken out with the payment card here"


def _pa_costed() -> str:
    reference = service.open_plan(
        "PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal(250), "week", Decimal(40))
    ).plan_reference
    service.add_outcome(reference, "Get out to the shops")
    service.add_service(reference, NewService("transport", "cash for taxis to the shops", None, None, Decimal(20)))
    return reference


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    """£250 a week, £40 of it the person's contribution; a PA costed; at the money question."""
    return prepared(_pa_costed)


def asks_next(out: Outcome) -> Optional[str]:
    """The form's next question: the one the validation names, or, when it names none because the
    questions are all the domain's, the first unanswered one there (Rasa's form asks it)."""
    return out.slots.get("requested_slot", "paid_to" if out.slots.get("paid_to") is None else None)


def answer(plan_ref: str, slot: str, text: str, **slots: Any):
    known: Dict[str, Any] = {"plan_reference": plan_ref, "planned_by": "self", "person_name": "Sam", **slots}
    return tracker(known, text, filled=slot, active_loop="management_form")


async def test_a_direct_payment_is_told_with_its_amount_net_of_the_contribution_then_who_gets_it(plan_ref) -> None:
    out = await run(ValidateManagementForm(), answer(plan_ref, "management_option", "a direct payment please"))

    assert out.responses == ["utter_management_noted", "utter_direct_payment_net"]
    said = out.said("utter_direct_payment_net")
    assert (said["amount"], said["frequency_words"], said["contribution_weekly"]) == (
        "£840.00",
        "every 4 weeks",
        "£40.00",
    )
    assert out.slots["management_option"] == "direct_payment"
    assert asks_next(out) == "paid_to"


async def test_who_receives_it_is_recorded(plan_ref) -> None:
    service.set_management(plan_ref, "direct_payment")

    out = await run(
        ValidateManagementForm(),
        answer(plan_ref, "paid_to", "someone I choose", management_option="direct_payment"),
    )

    assert out.responses == ["utter_paid_to_noted"]
    assert out.slots["paid_to"] == "nominated"
    assert asks_next(out) is None
    payment = service.get_plan(plan_ref).direct_payment
    assert payment is not None and (payment.amount, payment.frequency, payment.paid_to) == (
        Decimal(840),
        "4 weeks",
        "nominated",
    )


@pytest.mark.parametrize("text, payee", [("2", "nominated"), ("3", "authorised"), ("1", "person")])
async def test_a_number_picks_the_button(plan_ref, text: str, payee: str) -> None:
    service.set_management(plan_ref, "payment_card")

    out = await run(ValidateManagementForm(), answer(plan_ref, "paid_to", text, management_option="payment_card"))

    assert out.slots["paid_to"] == payee
    assert service.get_plan(plan_ref).direct_payment.paid_to == payee


@pytest.mark.parametrize(
    "text, payee",
    [
        ("my daughter will look after it", "nominated"),
        ("I have power of attorney for her", "authorised"),
        ("to me", "person"),
        ("someone else, my neighbour", "nominated"),
    ],
)
def test_who_receives_it_by_the_words(text: str, payee: str) -> None:
    assert payee_choice(text) == payee


async def test_an_answer_that_names_nobody_is_asked_again_kindly_and_nothing_is_lost(plan_ref) -> None:
    service.set_management(plan_ref, "direct_payment")

    out = await run(ValidateManagementForm(), answer(plan_ref, "paid_to", "hmm", management_option="direct_payment"))

    assert out.responses == ["utter_paid_to_not_understood"]
    assert out.slots["paid_to"] is None
    assert service.get_plan(plan_ref).management == "direct_payment"


async def test_a_mix_is_agreed_with_the_council(plan_ref) -> None:
    out = await run(ValidateManagementForm(), answer(plan_ref, "management_option", "a mix"))

    assert "utter_direct_payment_mixed" in out.responses
    assert asks_next(out) == "paid_to"


async def test_the_council_arranging_it_asks_nothing_more(plan_ref) -> None:
    out = await run(ValidateManagementForm(), answer(plan_ref, "management_option", "council managed"))

    assert out.responses == ["utter_management_noted"]
    assert asks_next(out) is None


async def test_a_check_the_way_raises_is_told_once(plan_ref) -> None:
    out = await run(ValidateManagementForm(), answer(plan_ref, "management_option", "payment card"))

    told = [m["text"] for m in out.messages if m.get("text")]
    assert len(told) == 1 and told[0].startswith(CARD_CASH)
    assert [c.code for c in service.get_plan(plan_ref).checks] == ["card_cash"]

    again = await run(ValidateManagementForm(), answer(plan_ref, "management_option", "payment card"))

    assert not [m for m in again.messages if m.get("text")]  # already raised: not said again


async def test_skipping_who_receives_it_leaves_it_for_the_council(plan_ref) -> None:
    service.set_management(plan_ref, "direct_payment")

    out = await run(ValidateManagementForm(), answer(plan_ref, "paid_to", "skip", management_option="direct_payment"))

    assert out.responses == ["utter_skipped"]
    assert out.slots["paid_to"] is not None
    assert service.get_plan(plan_ref).direct_payment.paid_to is None
