from __future__ import annotations

import time
from decimal import Decimal

import pytest

from actions.plan import ActionNextSection, ValidateReviewForm
from bot.answers.trackers import run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService
from tests.support.plans import VERIFIED, complete_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


async def test_a_new_conversation_is_welcomed_and_asked_who_they_are(demo) -> None:
    out = await run(ActionNextSection(), tracker(text="hello", intent="greet"))
    assert out.responses == ["utter_welcome", "utter_data_use"]
    assert out.slots["current_section"] == "identity"
    assert out.slots["person_reference"] is None


async def test_the_budget_is_said_before_anything_is_asked(demo) -> None:
    out = await run(ActionNextSection(), tracker(VERIFIED, latest_action="identity_form"))
    assert out.responses[0] == "utter_budget"
    assert out.said("utter_budget")["weekly"] == "£250.00"
    assert out.said("utter_budget")["annual"] == "£13,000.00"
    assert out.slots["plan_reference"].startswith("SP-")
    assert out.slots["current_section"] == "important"


async def test_a_saved_plan_resumes_at_its_first_unfinished_section(demo) -> None:
    plan = service.open_plan("PB-100234", "self", "rest", "old-conversation", BudgetFigures.of(Decimal("250"), "week"))
    service.set_important_to_me(plan.plan_reference, "My garden")
    service.add_outcome(plan.plan_reference, "Get to the shops")
    out = await run(ActionNextSection(), tracker(VERIFIED, latest_action="identity_form"))
    assert out.slots["plan_reference"] == plan.plan_reference
    assert "utter_resume" in out.responses
    assert out.slots["current_section"] == "outcomes"
    assert out.slots["outcome_count"] == 1
    assert out.said("utter_outcomes_so_far")["item_list"] == "1. Get to the shops."


async def test_a_locked_conversation_is_not_asked_for_details(demo) -> None:
    out = await run(
        ActionNextSection(), tracker({"welcomed": True, "identity_locked_until": time.time() + 600}, text="PB-100234")
    )
    assert out.responses == ["utter_identity_locked"]
    assert out.slots["current_section"] == "locked"


async def test_stop_outside_a_form_pauses(demo) -> None:
    out = await run(ActionNextSection(), tracker(VERIFIED, text="stop", intent="save_for_later", confidence=0.95))
    assert out.responses == ["utter_paused"]
    assert out.slots["current_section"] == "paused"


async def test_a_complete_plan_is_read_back_then_submitted_when_confirmed(demo) -> None:
    ref = complete_plan()
    out = await run(ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, latest_action="contingency_form"))
    assert out.slots["current_section"] == "review"
    assert out.said("utter_summary_services")["total"] == "£90.00"
    assert out.said("utter_summary_services")["remaining"] == "£160.00"
    assert out.said("utter_summary_management")["management_words"] == "a prepaid payment card"

    out = await run(
        ActionNextSection(),
        tracker({**VERIFIED, "plan_reference": ref, "plan_confirmed": "yes"}, latest_action="review_form"),
    )
    assert out.slots["current_section"] == "copy"  # after "submitted": how they want their copy
    assert out.said("utter_plan_submitted")["plan_reference"] == ref
    assert service.get_plan(ref).status == "submitted"


async def test_the_summary_says_nothing_of_information_or_payee_the_plan_does_not_need(demo) -> None:
    """Paid to the person, and the usual way of getting information is fine: nothing more is said."""
    ref = complete_plan()
    out = await run(ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, latest_action="contingency_form"))
    assert "utter_summary_contingency" in out.responses
    assert "utter_summary_communication" not in out.responses
    assert "utter_summary_paid_to" not in out.responses


@pytest.mark.parametrize(
    "management, payee, words",
    [
        ("third_party", "nominated", "a nominated person: someone chosen to get the money and pay for the support"),
        ("direct_payment", "authorised", "an authorised person: someone who can make decisions, like an attorney"),
    ],
)
async def test_the_summary_says_how_information_is_wanted_and_who_gets_the_money(
    demo, management: str, payee: str, words: str
) -> None:
    """As the plan holds them (not the slots): the catalogue's labels for the communication needs,
    with the language named, and who receives the money when it is not the person."""
    ref = complete_plan()
    service.set_management(ref, management)
    service.set_paid_to(ref, payee)
    service.set_communication_needs(ref, ["large_print", "easy_read", "other_language"], "Polish")
    out = await run(ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, latest_action="contingency_form"))
    assert out.said("utter_summary_paid_to")["payee_words"] == words
    assert out.responses.index("utter_summary_management") + 1 == out.responses.index("utter_summary_paid_to")
    said = out.said("utter_summary_communication")["communication_words"]
    assert said == "large print, easy read and another language (Polish)"
    assert out.responses.index("utter_summary_communication") > out.responses.index("utter_summary_contingency")


async def test_the_summary_names_one_way_of_getting_information_alone(demo) -> None:
    ref = complete_plan()
    service.set_communication_needs(ref, ["bsl"], None)
    out = await run(ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, latest_action="contingency_form"))
    assert out.said("utter_summary_communication")["communication_words"] == "British Sign Language (BSL)"


async def test_coming_back_after_a_pause_keeps_the_answers_so_far(demo) -> None:
    """Paused half way through costing a service (stopped on a question, or 'save for later'):
    the kind of support and what it is for are not asked again."""
    plan = service.open_plan("PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal("250"), "week"))
    service.set_important_to_me(plan.plan_reference, "My garden")
    service.add_outcome(plan.plan_reference, "Get to the shops")
    service.set_outcomes_complete(plan.plan_reference, True)
    half_done = {
        **VERIFIED,
        "plan_reference": plan.plan_reference,
        "paused": True,
        "current_section": "paused",
        "service_category": "personal_assistant",
        "service_description": "help with cooking",
    }
    out = await run(ActionNextSection(), tracker(half_done, text="hello again", intent="greet"))
    assert out.slots["current_section"] == "services" and "service_category" not in out.slots
    fresh = await run(ActionNextSection(), tracker({**half_done, "paused": False}, latest_action="services_form"))
    assert fresh.slots.get("service_category", "cleared") is None


def sent_plan() -> str:
    ref = complete_plan()
    service.submit_plan(ref)
    service.set_copy_route(ref, "post")
    return ref


async def test_coming_back_to_a_sent_plan_says_what_can_be_done(demo) -> None:
    sent_plan()
    out = await run(ActionNextSection(), tracker(VERIFIED, latest_action="identity_form"))
    assert "utter_resume" not in out.responses
    assert out.said("utter_plan_already_submitted")["council_phone"]
    assert out.slots["current_section"] == "submitted"


async def test_asking_to_change_a_sent_plan_says_how(demo) -> None:
    ref = sent_plan()
    out = await run(
        ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, "i wanted to change something in my plan")
    )
    assert out.responses == ["utter_change_after_sent"]
    assert out.said("utter_change_after_sent")["council_phone"]


@pytest.mark.parametrize(
    "text, sent", [("Oh never mind, just send it", True), ("don't send it yet", False), ("wait, not submit", False)]
)
async def test_send_at_which_part_to_change_sends_without_saying_it_was_not_followed(
    demo, text: str, sent: bool
) -> None:
    ref = complete_plan()
    slots = {**VERIFIED, "plan_reference": ref, "review_step": "choose"}
    said = tracker(slots, text, filled="plan_confirmed", active_loop="review_form")
    out = await run(ValidateReviewForm(), said)
    assert (out.slots.get("plan_confirmed") == "yes") is sent
    assert ("utter_review_not_understood" in out.responses) is not sent


@pytest.mark.parametrize("text", ["the thing", "How she gets information - large print only, not audio"])
async def test_which_part_to_change_says_one_thing_at_a_time(demo, text: str) -> None:
    """A reply to 'Which part would you like to change?' is answered once (it was said twice, and
    counted as two failures)."""
    ref = complete_plan()
    slots = {**VERIFIED, "plan_reference": ref, "review_step": "choose"}
    out = await run(ValidateReviewForm(), tracker(slots, text, filled="plan_confirmed", active_loop="review_form"))
    assert len(out.responses) == len(set(out.responses)), out.responses
    assert out.slots.get("failed_attempts", {}).get("plan_confirmed", 0) <= 1


async def test_no_at_which_part_to_change_goes_back_to_is_this_right(demo) -> None:
    ref = complete_plan()
    slots = {**VERIFIED, "plan_reference": ref, "review_step": "choose"}
    out = await run(ValidateReviewForm(), tracker(slots, "no", filled="plan_confirmed", active_loop="review_form"))
    assert out.slots["review_step"] is None and out.responses == []
