"""The review conversation's actions (issue 16 item 2) against a real database: starting (after
identity, or kindly refused without an agreed plan), each question saved as it is answered,
uncertain readings confirmed, costs changed exactly as in planning with the figure confirmed,
services stopped and added, spending said without blame, the read-back and finishing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest

from actions.plan import ActionNextSection
from actions.review import REVIEW_QUESTIONS
from actions.review_form import (
    AskReviewCostOk,
    AskReviewCostSame,
    AskReviewHappening,
    AskReviewLifeChanges,
    AskReviewRating,
    ValidateReviewConversationForm,
)
from actions.services import ValidateServicesForm
from bot.answers.reading import READINGS
from bot.answers.trackers import Outcome, run, tracker
from bot.channels.keywords import Keyword, keyword
from bot.plans import service
from bot.reviews import record
from bot.reviews.questions import ADD, COST_SAME, HAPPENING, LIFE, RATING, STILL_RIGHT, WOULD, Question, next_question
from tests.support.plans import make_plan
from tests.support.reviews import spend

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "review_conversation_form"
D = Decimal


def state(person: str, review_id: int, **slots: Any) -> Dict[str, Any]:
    return {"person_reference": person, "verified": True, "welcomed": True, "review_id": review_id, **slots}


async def answer(person: str, review_id: int, slot: str, text: str, **slots: Any) -> Outcome:
    parse_data = slots.pop("parse_data", None)
    t = tracker(state(person, review_id, **slots), text, filled=slot, active_loop=FORM, parse_data=parse_data)
    return await run(ValidateReviewConversationForm(), t)


@pytest.fixture
def review_id(agreed: str, demo_person: str) -> int:
    return record.start_review(demo_person, "rest").id


# --- starting --------------------------------------------------------------------------------


async def test_asking_in_words_starts_a_review_of_the_agreed_plan(agreed: str, demo_person: str) -> None:
    t = tracker(
        {"person_reference": demo_person, "verified": True, "welcomed": True}, "can we look at how my support is going"
    )
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.93}
    out = await run(ActionNextSection(), t)
    assert out.slots["current_section"] == "reviewing"
    assert "utter_review_start" in out.responses
    review = record.get_review(out.slots["review_id"])
    assert review.plan_reference == agreed and review.status == "in_progress"


async def test_identity_is_checked_first_then_the_review_not_the_plan(agreed: str, demo_person: str) -> None:
    t = tracker({"welcomed": True}, "I want to review my plan")
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.9}
    out = await run(ActionNextSection(), t)
    assert out.slots["current_section"] == "identity" and out.slots["review_wanted"] is True
    assert record.latest_review(demo_person) is None
    # the identity form has closed: the router runs again (not after a message)
    after = tracker(
        {"person_reference": demo_person, "verified": True, "welcomed": True, "review_wanted": True},
        "12/03/1950",
        latest_action="identity_form",
    )
    out = await run(ActionNextSection(), after)
    assert out.slots["current_section"] == "reviewing"
    assert service.latest_plan(demo_person).plan_reference == agreed  # no new draft plan was opened


async def test_texting_review_starts_a_review(agreed: str, demo_person: str) -> None:
    assert keyword(" Review. ") is Keyword.REVIEW and keyword("review the taxi") is None
    t = tracker({"person_reference": demo_person, "verified": True, "welcomed": True}, "REVIEW", intent="inform")
    t.events[-1]["metadata"] = {"sms_keyword": "review"}
    out = await run(ActionNextSection(), t)
    assert out.slots["current_section"] == "reviewing"


async def test_without_an_agreed_plan_the_person_is_told_kindly(demo_person: str) -> None:
    t = tracker({"person_reference": demo_person, "verified": True, "welcomed": True}, "review my plan")
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.9}
    out = await run(ActionNextSection(), t)
    assert out.responses[-1] == "utter_review_no_plan"
    buttons = [b["payload"] for b in out.messages[-1].get("buttons") or []]
    assert out.slots["current_section"] == "reviewed" and out.slots["review_wanted"] is False
    assert buttons == [] or "talk to someone" in buttons  # the domain's buttons: carry on, or a person


async def test_a_plan_sent_but_not_agreed_is_named_not_offered_to_carry_on(demo_person: str) -> None:
    """'can i review my plan' after sending met 'I can't find a plan… carry on with your plan', and
    'Carry on' met 'Your plan has been sent' (a loop)."""
    ref = make_plan(demo_person, "c-sent", submit=True)
    t = tracker({"person_reference": demo_person, "verified": True, "welcomed": True}, "can i review my plan")
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.9}
    out = await run(ActionNextSection(), t)
    assert out.responses[-1] == "utter_review_plan_not_agreed_yet"
    assert out.said("utter_review_plan_not_agreed_yet")["plan_reference"] == ref


# --- the questions in order ------------------------------------------------------------------


def test_the_questions_follow_the_record(review_id: int) -> None:
    review = record.get_review(review_id)
    assert next_question(review, set()) == Question(RATING, 1)
    record.rate_outcome(review_id, 1, "much_better")
    assert next_question(record.get_review(review_id), {"rating:2"}) == Question(HAPPENING, 1)
    record.check_service(review_id, 1, happening=True)
    assert next_question(record.get_review(review_id), {"rating:2"}) == Question(STILL_RIGHT, 1)
    record.check_service(review_id, 1, still_right=True)
    assert next_question(record.get_review(review_id), {"rating:2"}) == Question(COST_SAME, 1)
    record.check_service(review_id, 2, happening=True, still_right=True, cost_same=True)
    record.check_service(review_id, 1, cost_same=True)
    assert next_question(record.get_review(review_id), {"rating:2"}) == Question(ADD)
    assert next_question(record.get_review(review_id), {"rating:2", "add"}) == Question(LIFE)
    assert next_question(record.get_review(review_id), {"rating:2", "add", "life"}) == Question(WOULD)
    assert next_question(record.get_review(review_id), {"rating:2", "add", "life", "would"}) is None


# --- outcomes --------------------------------------------------------------------------------


async def test_each_outcome_is_read_back_and_rated_with_the_persons_words(demo_person: str, review_id: int) -> None:
    asked = await run(AskReviewRating(), tracker(state(demo_person, review_id)))
    said = asked.said("utter_ask_review_rating")
    assert said["outcome"] == "Go swimming every week"
    out = await answer(demo_person, review_id, "review_rating", "loads better, I go every Tuesday now")
    assert out.slots["review_rating"] is None and out.slots["requested_slot"] == "review_rating"
    (first, second) = record.get_review(review_id).outcome_ratings
    assert (first.rating, first.words) == ("much_better", "loads better, I go every Tuesday now")
    assert second.rating is None
    await answer(demo_person, review_id, "review_rating", "2")  # a numbered choice, by SMS
    second = record.get_review(review_id).outcome_ratings[1]
    assert (second.rating, second.words) == ("a_bit_better", None)


async def test_an_uncertain_rating_is_confirmed_never_guessed(demo_person: str, review_id: int) -> None:
    readings = {READINGS: {"review_rating": [["worse", 0.62], ["no_change", 0.2]]}, "intent": {}, "entities": []}
    out = await answer(demo_person, review_id, "review_rating", "its been rough lately", parse_data=readings)
    assert out.slots["requested_slot"] == "choice_check"
    assert out.slots["choice_check"]["response"] == "utter_review_confirm_rating"
    assert out.slots["choice_check"]["args"] == {"rating_words": "worse"}
    assert record.get_review(review_id).outcome_ratings[0].rating is None


async def test_after_failures_choices_then_a_person_or_skipping(demo_person: str, review_id: int) -> None:
    out = await answer(demo_person, review_id, "review_rating", "purple")
    assert out.responses == ["utter_review_rating_not_understood"]
    out = await answer(demo_person, review_id, "review_rating", "purple", failed_attempts={"review_rating": 1})
    assert out.responses == ["utter_explain_review_rating", "utter_skip_or_person"]
    out = await answer(demo_person, review_id, "review_rating", "purple", failed_attempts={"review_rating": 2})
    assert out.responses == ["utter_stuck_skippable"] and out.slots["paused"] is True
    out = await answer(demo_person, review_id, "review_rating", "skip")
    assert out.slots["review_passed"] == ["rating:1"]


# --- services --------------------------------------------------------------------------------


async def rate_both(person: str, review_id: int) -> None:
    record.rate_outcome(review_id, 1, "a_bit_better")
    record.rate_outcome(review_id, 2, "no_change")


async def test_each_service_is_asked_about(demo_person: str, review_id: int) -> None:
    await rate_both(demo_person, review_id)
    asked = await run(AskReviewHappening(), tracker(state(demo_person, review_id)))
    assert asked.said("utter_ask_review_happening")["description"] == "A PA to help me cook"
    out = await answer(demo_person, review_id, "review_happening", "yes")
    assert out.slots["requested_slot"] == "review_still_right"
    await answer(demo_person, review_id, "review_still_right", "yes it's fine")
    asked = await run(AskReviewCostSame(), tracker(state(demo_person, review_id)))
    assert asked.said("utter_ask_review_cost_same")["weekly_cost"] == "£90.00"
    pa = record.get_review(review_id).services[0]
    assert (pa.happening, pa.still_right, pa.words) == (True, True, "yes it's fine")


async def test_a_changed_cost_is_costed_as_in_planning_confirmed_then_recorded(
    agreed: str, demo_person: str, review_id: int
) -> None:
    await rate_both(demo_person, review_id)
    record.check_service(review_id, 1, happening=True, still_right=True)
    out = await answer(demo_person, review_id, "review_cost_same", "no it's gone up")
    assert "utter_review_new_cost" in out.responses
    assert out.slots["service_category"] == "personal_assistant" and out.slots["requested_slot"] == "service_hours"
    known = dict(service_category="personal_assistant", service_description="A PA to help me cook")
    out = await answer(demo_person, review_id, "service_hours", "8 hours", **known)
    assert out.slots["service_hours"] == "8" and out.slots["requested_slot"] == "service_rate"
    known["service_hours"] = "8"
    out = await answer(demo_person, review_id, "service_rate", "£16 an hour", **known)
    assert out.slots["requested_slot"] == "review_cost_ok"
    assert record.get_review(review_id).new_plan_reference is None  # nothing recorded before the yes
    known["service_rate"] = "16"
    asked = await run(AskReviewCostOk(), tracker(state(demo_person, review_id, **known)))
    said = asked.said("utter_ask_review_cost_ok")
    assert said["working"] == "8 hours at £16.00 an hour is £128.00 a week."
    out = await answer(demo_person, review_id, "review_cost_ok", "no", **known)
    assert "utter_review_cost_try_again" in out.responses and out.slots["service_hours"] is None
    out = await answer(demo_person, review_id, "review_cost_ok", "yes", **known)
    assert out.said("utter_review_cost_changed")["weekly_cost"] == "£128.00"
    review = record.get_review(review_id)
    pa = review.services[0]
    assert (pa.change, pa.weekly_cost_before, pa.weekly_cost_after) == ("changed", D("90.00"), D("128.00"))
    new = service.get_plan(review.new_plan_reference)
    assert (new.version, new.replaces, new.services[0].hours_per_week) == (2, agreed, D("8"))
    assert service.get_plan(agreed).services[0].weekly_cost == D("90.00")  # the old version is kept


async def test_a_service_no_longer_right_can_be_stopped(demo_person: str, review_id: int) -> None:
    await rate_both(demo_person, review_id)
    record.check_service(review_id, 1, happening=True, still_right=True, cost_same=True)
    record.check_service(review_id, 2, happening=False)
    out = await answer(demo_person, review_id, "review_still_right", "no")
    assert out.slots["requested_slot"] == "review_stop"
    out = await answer(demo_person, review_id, "review_stop", "yes")
    assert out.said("utter_review_service_stopped")["description"] == "Swimming club"
    assert record.get_review(review_id).services[1].change == "stopped"
    assert out.slots["requested_slot"] == "review_add_service"


async def test_new_support_is_added_costed_the_same_way(demo_person: str, review_id: int) -> None:
    await rate_both(demo_person, review_id)
    record.check_service(review_id, 1, happening=True, still_right=True, cost_same=True)
    record.check_service(review_id, 2, happening=True, still_right=True, cost_same=True)
    out = await answer(demo_person, review_id, "review_add_service", "yes")
    assert out.slots["review_add_service"] == "yes" and out.slots["requested_slot"] == "service_category"
    known: Dict[str, Any] = dict(review_add_service="yes")
    out = await answer(demo_person, review_id, "service_category", "a taxi to the shops on Fridays", **known)
    assert out.slots["service_category"] == "transport"
    known.update(service_category="transport", service_description="a taxi to the shops on Fridays")
    out = await answer(demo_person, review_id, "service_cost", "£30 a week", **known)
    assert out.slots["requested_slot"] == "review_cost_ok"
    known.update(service_cost="30", service_cost_period="week")
    out = await answer(demo_person, review_id, "review_cost_ok", "yes", **known)
    assert out.said("utter_review_service_added")["weekly_cost"] == "£30.00"
    added = record.get_review(review_id).services[-1]
    assert (added.change, added.weekly_cost_after) == ("added", D("30.00"))
    assert out.slots["requested_slot"] == "review_add_service"  # anything else?
    out = await answer(demo_person, review_id, "review_add_service", "no")
    assert out.slots["review_passed"] == ["add"]


# --- spending, life, what they would change ------------------------------------------------------


async def test_spending_is_said_plainly_and_a_big_difference_goes_to_an_adviser(
    demo_person: str, review_id: int, today: Any
) -> None:
    spend(demo_person, [(today, 4000, "personal_assistant"), (today, 10000, "activities")])
    asked = await run(AskReviewLifeChanges(), tracker(state(demo_person, review_id, review_passed=["add"])))
    sentences = asked.said("utter_review_spending")["sentences"]
    assert "About £50 a week less than planned on a personal assistant." in sentences
    assert "council may" in asked.said("utter_review_unspent")["unspent_money"]
    assert "utter_review_spending_adviser" in asked.responses
    assert asked.responses[-1] == "utter_ask_review_life_changes"
    assert "spending" in asked.slots["review_passed"]
    assert record.get_review(review_id).needs_person is True
    again = await run(AskReviewLifeChanges(), tracker(state(demo_person, review_id, review_passed=["spending"])))
    assert again.responses == ["utter_ask_review_life_changes"]  # said once


async def test_no_spending_on_file_says_nothing_about_it(demo_person: str, review_id: int) -> None:
    asked = await run(AskReviewLifeChanges(), tracker(state(demo_person, review_id)))
    assert asked.responses == ["utter_ask_review_life_changes"]
    assert record.get_review(review_id).needs_person is False


async def test_life_changes_and_what_they_would_change(demo_person: str, review_id: int) -> None:
    passed = ["add", "rating:1", "rating:2", "happening:1", "happening:2"]
    for number in (1, 2):
        record.check_service(review_id, number, happening=True, still_right=True, cost_same=True)
    await rate_both(demo_person, review_id)
    out = await answer(demo_person, review_id, "review_life_changes", "no", review_passed=passed)
    assert record.get_review(review_id).life_changes is None and "life" in out.slots["review_passed"]
    passed = out.slots["review_passed"]
    out = await answer(
        demo_person, review_id, "review_would_change", "a PA in the evenings instead", review_passed=passed
    )
    assert record.get_review(review_id).would_change == "a PA in the evenings instead"
    assert out.slots["requested_slot"] is None  # every question asked: the form ends


# --- safety ----------------------------------------------------------------------------------


async def test_a_risk_message_gets_signposting_and_an_adviser(demo_person: str, review_id: int) -> None:
    out = await answer(demo_person, review_id, "review_rating", "I want to end my life", intent="safeguarding")
    assert "utter_safeguarding" in out.responses
    review = record.get_review(review_id)
    assert review.needs_person is True and review.outcome_ratings[0].rating is None


# --- finishing -------------------------------------------------------------------------------


async def test_the_end_reads_back_finishes_and_says_what_happens_next(demo_person: str, review_id: int) -> None:
    await rate_both(demo_person, review_id)
    record.check_service(review_id, 1, happening=True, still_right=True, cost_same=False)
    record.change_service_cost(review_id, 1, D("8"), D("15"))
    record.check_service(review_id, 2, happening=True, still_right=True, cost_same=True)
    passed = ["add", "life", "would"]
    t = tracker(state(demo_person, review_id, review_wanted=True, review_passed=passed), latest_action=FORM)
    out = await run(ActionNextSection(), t)
    lines = out.said("utter_review_read_back")["lines"]
    assert "Go swimming every week: a bit better." in lines and "A PA to help me cook: now £120.00 a week." in lines
    assert out.responses[1:3] == ["utter_review_done_new_version", "utter_review_next"]
    assert record.get_review(review_id).status == "done"
    assert out.slots["current_section"] == "reviewed" and out.slots["review_wanted"] is False


async def test_an_unfinished_review_resumes_where_it_left_off(demo_person: str, review_id: int) -> None:
    record.rate_outcome(review_id, 1, "worse")
    t = tracker({"person_reference": demo_person, "verified": True, "welcomed": True}, "review")
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.9}
    out = await run(ActionNextSection(), t)
    assert "utter_review_resume" in out.responses and out.slots["review_id"] == review_id
    asked = await run(AskReviewRating(), tracker(state(demo_person, review_id)))
    assert asked.said("utter_ask_review_rating")["outcome"] == "Cook my own meals"


# --- never trapped ---------------------------------------------------------------------------


def _at(review_id: int, slot: str) -> Dict[str, Any]:
    """Records the review up to `slot`'s question; the slots known when it is asked."""
    if slot == "review_rating":
        return {}
    record.rate_outcome(review_id, 1, "much_better")
    record.rate_outcome(review_id, 2, "no_change")
    if slot == "review_happening":
        return {}
    record.check_service(review_id, 1, happening=True)
    if slot == "review_still_right":
        return {}
    if slot == "review_stop":
        record.check_service(review_id, 1, still_right=False)
        return {}
    record.check_service(review_id, 1, still_right=True)
    if slot in ("review_cost_same", "review_cost_ok"):
        record.check_service(review_id, 1, cost_same=None if slot == "review_cost_same" else False)
        pa = dict(service_category="personal_assistant", service_description="A PA", service_hours="8")
        return {} if slot == "review_cost_same" else {**pa, "service_rate": "16"}
    for number in (1, 2):
        record.check_service(review_id, number, happening=True, still_right=True, cost_same=True)
    passed = {"review_add_service": [], "review_life_changes": ["add"], "review_would_change": ["add", "life"]}
    return {"review_passed": passed[slot]}


#: the review form's own questions, answered with something unusable again and again


@pytest.mark.parametrize("slot", REVIEW_QUESTIONS)
async def test_no_review_question_is_asked_a_fourth_time_in_a_row(demo_person: str, review_id: int, slot: str) -> None:
    known = _at(review_id, slot)
    assert next_question(record.get_review(review_id), set(known.get("review_passed", []))) is not None
    asked = 1
    for _ in range(4):
        out = await answer(demo_person, review_id, slot, "hm", **known)
        if out.slots.get("paused") is True:
            break
        assert out.slots.get("requested_slot", slot) == slot, out.responses
        asked += 1
        known["failed_attempts"] = out.slots.get("failed_attempts")
    assert asked <= 3 and out.responses == ["utter_stuck_skippable"], (asked, out.responses)


@pytest.mark.parametrize("text", ["ok", "better", "not worse", "yes good"])
async def test_a_rating_that_does_not_say_how_much_is_put_back_never_recorded(
    demo_person: str, review_id: int, text: str
) -> None:
    readings = {READINGS: {"review_rating": [["a_bit_better", 0.97]]}, "intent": {}, "entities": []}
    out = await answer(demo_person, review_id, "review_rating", text, parse_data=readings)
    assert out.slots["requested_slot"] in ("choice_check", "review_rating")
    assert record.get_review(review_id).outcome_ratings[0].rating is None


async def test_an_option_number_with_words_after_it_is_recorded_with_the_words(
    demo_person: str, review_id: int
) -> None:
    await answer(demo_person, review_id, "review_rating", "4. the carers keep changing")
    first = record.get_review(review_id).outcome_ratings[0]
    assert first.rating == "worse"


# --- after a review, and asking for one while planning --------------------------------------


async def test_after_a_finished_review_the_next_message_is_told_what_next_not_planning(
    demo_person: str, review_id: int
) -> None:
    record.finish_review(review_id)
    slots = state(demo_person, review_id, current_section="reviewed", review_wanted=False)
    out = await run(ActionNextSection(), tracker(slots, "ok what now"))
    assert out.responses == ["utter_review_finished_what_next"]
    assert out.slots["current_section"] == "reviewed"
    assert out.slots.get("plan_reference") is None  # no new plan was opened


async def test_finishing_keeps_which_review_was_finished(demo_person: str, review_id: int) -> None:
    await rate_both(demo_person, review_id)
    for number in (1, 2):
        record.check_service(review_id, number, happening=True, still_right=True, cost_same=True)
    passed = ["add", "life", "would"]
    t = tracker(state(demo_person, review_id, review_wanted=True, review_passed=passed), latest_action=FORM)
    out = await run(ActionNextSection(), t)
    assert record.get_review(review_id).status == "done"
    assert "review_id" not in out.slots and out.slots["current_section"] == "reviewed"  # not cleared


async def test_asking_for_a_review_again_after_one_finished_starts_a_new_one(demo_person: str, review_id: int) -> None:
    record.finish_review(review_id)
    t = tracker(state(demo_person, review_id, current_section="reviewed"), "I'd like to review my plan again")
    t.latest_message["intent"] = {"name": "start_review", "confidence": 0.95}
    out = await run(ActionNextSection(), t)
    assert out.slots["current_section"] == "reviewing" and out.slots["review_id"] != review_id


def planning(person: str, ref: str, text: str, intent: str, confidence: float) -> Any:
    known = {"person_reference": person, "verified": True, "welcomed": True, "plan_reference": ref}
    return tracker(known, text, intent, confidence, filled="service_category", active_loop="services_form")


async def test_asking_for_a_review_while_planning_goes_to_the_review(agreed: str, demo_person: str) -> None:
    draft = service.open_plan(demo_person, "self", "rest", "c-new", service.get_plan(agreed).budget).plan_reference
    out = await run(
        ValidateServicesForm(), planning(demo_person, draft, "can I look at how my plan is going", "start_review", 0.95)
    )
    assert "utter_review_instead_of_planning" in out.responses
    assert out.slots["review_wanted"] is True and out.slots["requested_slot"] is None
    t = tracker(
        {**state(demo_person, None), "review_wanted": True, "plan_reference": draft}, latest_action="services_form"
    )
    assert (await run(ActionNextSection(), t)).slots["current_section"] == "reviewing"


async def test_a_review_heard_with_little_confidence_is_an_answer(agreed: str, demo_person: str) -> None:
    draft = service.open_plan(demo_person, "self", "rest", "c-new", service.get_plan(agreed).budget).plan_reference
    out = await run(ValidateServicesForm(), planning(demo_person, draft, "review the gardening", "start_review", 0.6))
    assert "utter_review_instead_of_planning" not in out.responses
    assert not out.slots.get("review_wanted")


async def test_without_an_agreed_plan_asking_for_a_review_while_planning_is_an_answer(demo_person: str) -> None:
    draft = make_plan(demo_person, "c-draft")
    service.set_services_complete(draft, False)
    out = await run(ValidateServicesForm(), planning(demo_person, draft, "review my plan", "start_review", 0.95))
    assert "utter_review_instead_of_planning" not in out.responses
    assert not out.slots.get("review_wanted")
