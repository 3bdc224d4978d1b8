from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest
from rasa_sdk import Tracker

from actions.management import ValidateManagementForm
from actions.outcomes import ValidateImportantForm, ValidateOutcomesForm
from actions.plan import ValidateReviewForm
from actions.services import ValidateServicesForm
from bot.answers.trackers import run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService
from bot.safety import detector
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(open_demo_plan)


async def test_outcomes_are_recorded_one_at_a_time_until_that_is_all(plan_ref: str) -> None:
    form = ValidateOutcomesForm()
    out = await run(
        form, tracker({"plan_reference": plan_ref}, "that's all", filled="outcome_text", active_loop="outcomes_form")
    )
    assert out.responses == ["utter_outcome_needed"]
    out = await run(
        form,
        tracker({"plan_reference": plan_ref}, "cook my own dinner", filled="outcome_text", active_loop="outcomes_form"),
    )
    assert out.slots["outcome_text"] is None and out.slots["outcome_count"] == 1
    out = await run(
        form,
        tracker(
            {"plan_reference": plan_ref, "outcome_count": 1},
            "that's all",
            filled="outcome_text",
            active_loop="outcomes_form",
        ),
    )
    assert out.slots["requested_slot"] is None
    plan = service.get_plan(plan_ref)
    assert plan.outcomes_complete and [o.domain for o in plan.outcomes] == ["nutrition"]


async def test_risk_inside_a_form_is_signposted_flagged_and_the_question_kept(plan_ref: str) -> None:
    text = "my carer shouts at me and takes my money"
    out = await run(
        ValidateImportantForm(),
        tracker({"plan_reference": plan_ref}, text, filled="important_to_me", active_loop="important_form"),
    )
    assert out.responses[0] == "utter_safeguarding"
    assert out.slots["important_to_me"] is None
    plan = service.get_plan(plan_ref)
    assert "safeguarding" in plan.flags and plan.important_to_me is None


def _important_said(plan_ref: str, text: str, risk_probability: float, after_a_check_in: bool = False) -> Tracker:
    """The answer to 'what is important to you?' with the risk model's probability; with
    `after_a_check_in`, the person's previous message was answered by a check-in and the question
    again."""
    intent = {"name": "inform", "confidence": 0.9}
    parse = {"intent": intent, "intent_ranking": [intent], "entities": [], "risk_probability": risk_probability}
    t = tracker(
        {"plan_reference": plan_ref}, text, filled="important_to_me", active_loop="important_form", parse_data=parse
    )
    if after_a_check_in:
        t.events[:0] = [
            {"event": "user", "text": "tired of all of it really"},
            {"event": "bot", "text": "That sounds hard.", "metadata": {"utter_action": "utter_safety_check_in"}},
            {
                "event": "bot",
                "text": "What is important to you?",
                "metadata": {"utter_action": "utter_ask_important_to_me"},
            },
        ]
    return t


async def test_a_message_the_risk_model_is_unsure_of_gets_a_check_in_and_the_question_kept(plan_ref: str) -> None:
    out = await run(
        ValidateImportantForm(), _important_said(plan_ref, "tired of all of it really", detector.CHECK_IN_INSIDE)
    )
    assert out.responses == ["utter_safety_check_in"]
    assert out.slots["important_to_me"] is None
    plan = service.get_plan(plan_ref)
    assert "safeguarding" not in plan.flags and plan.important_to_me is None


TEMPLE = (
    "Mum loves going to the temple on Sundays but she can't kneel down anymore and she misses cooking "
    "proper food, not microwave meals"
)


@pytest.mark.parametrize("probability", [detector.INSIDE_FORM, 0.9, detector.CHECK_IN_INSIDE])
async def test_a_long_answer_only_the_risk_model_hears_as_risk_is_checked_on_and_kept(
    plan_ref: str, probability: float
) -> None:
    """A life described at length met a safeguarding alert (the plan flagged, "Are you safe right
    now?") on the risk model alone, and what was said was lost: now a check-in, and the answer kept."""
    out = await run(ValidateImportantForm(), _important_said(plan_ref, TEMPLE, probability))
    assert out.responses[0] == "utter_safety_check_in" and "utter_safeguarding" not in out.responses
    plan = service.get_plan(plan_ref)
    assert "safeguarding" not in plan.flags and plan.important_to_me == TEMPLE


async def test_a_long_answer_with_a_risk_phrase_is_still_signposted(plan_ref: str) -> None:
    text = "What matters is my garden and my dog, but honestly some days I want to kill myself, it's all too much"
    out = await run(ValidateImportantForm(), _important_said(plan_ref, text, 0.9))
    assert out.responses[0] == "utter_safeguarding"
    assert "safeguarding" in service.get_plan(plan_ref).flags


async def test_the_answer_after_a_check_in_is_taken_not_checked_again(plan_ref: str) -> None:
    text = "seeing my grandchildren, honestly I'm just tired"
    out = await run(
        ValidateImportantForm(), _important_said(plan_ref, text, detector.CHECK_IN_INSIDE, after_a_check_in=True)
    )
    assert "utter_safety_check_in" not in out.responses
    assert service.get_plan(plan_ref).important_to_me == text


async def test_a_clear_sign_of_risk_after_a_check_in_is_signposted(plan_ref: str) -> None:
    text = "no I'm not ok, I've been saving my tablets"
    out = await run(
        ValidateImportantForm(), _important_said(plan_ref, text, detector.INSIDE_FORM, after_a_check_in=True)
    )
    assert out.responses[0] == "utter_safeguarding"
    assert "safeguarding" in service.get_plan(plan_ref).flags


async def test_a_sure_pick_from_the_questions_own_choices_needs_no_check_in(plan_ref: str) -> None:
    """'Which of your outcomes will this help with?' answered with an outcome the person already gave."""
    outcome = service.add_outcome(plan_ref, "Get out to the shops")
    taxi = service.add_service(plan_ref, NewService("transport", "a taxi to the shops", None, None, Decimal(20)))
    intent = {"name": "inform", "confidence": 0.9}
    parse = {"intent": intent, "intent_ranking": [intent], "entities": [], "risk_probability": detector.CHECK_IN_INSIDE}
    slots = {"plan_reference": plan_ref, "service_category": "transport", "service_description": taxi.description}
    slots.update(service_cost="20", service_cost_period="week", service_id=taxi.id)
    text = "getting out to the shops"
    out = await run(
        ValidateServicesForm(),
        tracker(slots, text, filled="service_outcomes", active_loop="services_form", parse_data=parse),
    )
    assert "utter_safety_check_in" not in out.responses
    assert out.slots["service_outcomes"] == str(outcome.id)


async def test_a_question_inside_a_form_is_answered_and_the_question_kept(plan_ref: str) -> None:
    selector = {"faq": {"response": {"intent_response_key": "faq/direct_payment", "responses": []}}}
    out = await run(
        ValidateImportantForm(),
        tracker(
            {"plan_reference": plan_ref},
            "what's a direct payment?",
            intent="faq",
            filled="important_to_me",
            active_loop="important_form",
            response_selector=selector,
        ),
    )
    assert out.responses == ["utter_faq/direct_payment"]
    assert out.slots["important_to_me"] is None


async def _unsure_faq(form: Any, known: Dict[str, Any], text: str, confidence: float, slot: str, selector: Any):
    """The form's run on `text` at `slot`, the intent model unsure it is a question (`confidence`)
    and the answer selector as given."""
    loop = form.name().removeprefix("validate_")
    said = tracker(
        known, text, intent="faq", confidence=confidence, filled=slot, active_loop=loop, response_selector=selector
    )
    return await run(form, said)


@pytest.mark.parametrize(
    "text, asked",
    [("what mean ISF? I not understand", True), ("whats an ISF", True), ("an ISF please", False)],
)
async def test_a_plain_question_about_a_choice_is_answered_though_the_model_is_unsure(
    plan_ref: str, text: str, asked: bool
) -> None:
    """Second-language grammar leaves the intent model unsure (0.4), but 'what … mean', 'not
    understand' ask; with a sure answer to give, the question is answered, not read as a choice."""
    selector = {
        "faq": {"response": {"intent_response_key": "faq/individual_service_fund", "confidence": 0.98, "responses": []}}
    }
    known = {"plan_reference": plan_ref, "planned_by": "self"}
    out = await _unsure_faq(ValidateManagementForm(), known, text, 0.42, "management_option", selector)
    assert (out.responses == ["utter_faq/individual_service_fund"]) is asked
    assert (out.slots["management_option"] is None) is asked


async def test_skipping_what_is_important_records_it_as_still_to_discuss(plan_ref: str) -> None:
    out = await run(
        ValidateImportantForm(),
        tracker(
            {"plan_reference": plan_ref}, "can we skip this", filled="important_to_me", active_loop="important_form"
        ),
    )
    assert out.responses == ["utter_skipped"]
    assert "talk about" in service.get_plan(plan_ref).important_to_me


@pytest.mark.parametrize(
    "text, section",
    [
        ("change my outcomes", "outcomes"),
        ("can I change how the money is managed", "management"),
        ("the support is wrong", "services"),
    ],
)
async def test_a_change_from_the_summary_reopens_that_section(plan_ref: str, text: str, section: str) -> None:
    out = await run(
        ValidateReviewForm(),
        tracker({"plan_reference": plan_ref}, text, filled="plan_confirmed", active_loop="review_form"),
    )
    assert out.slots["requested_slot"] is None
    assert out.slots["plan_confirmed"] == f"change {section}"


@pytest.mark.parametrize(
    "said, kept",
    [
        ("and to have a bath safely", "to have a bath safely"),
        ("Also, see my friends", "see my friends"),
        ("Andy to visit more", "Andy to visit more"),
    ],
)
async def test_a_joining_word_is_not_part_of_the_outcome(plan_ref: str, said: str, kept: str) -> None:
    await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref, "outcome_count": 1}, said, filled="outcome_text", active_loop="outcomes_form"
        ),
    )
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == [kept]


@pytest.mark.parametrize(
    "text, signposted", [("Transport, I just said", False), ("transport, he hits me in the car", True)]
)
async def test_the_risk_model_alone_on_a_sure_pick_is_not_signposted(
    plan_ref: str, text: str, signposted: bool
) -> None:
    """'Transport, I just said' at 'What kind of support?': the choice model is sure of the answer
    and only the risk model heard risk, so it is an answer; a risk phrase is still signposted."""
    intent = {"name": "inform", "confidence": 0.9}
    parse = {
        "intent": intent,
        "intent_ranking": [intent],
        "entities": [],
        "risk_probability": 0.76,
        "choice_readings": {"service_category": [["transport", 0.98]]},
    }
    slots = {"plan_reference": plan_ref}
    out = await run(
        ValidateServicesForm(),
        tracker(slots, text, filled="service_category", active_loop="services_form", parse_data=parse),
    )
    assert ("utter_safeguarding" in out.responses) is signposted
    assert ("safeguarding" in service.get_plan(plan_ref).flags) is signposted


@pytest.mark.parametrize("text", ["wats an ISF?", "What's the difference between a direct payment and the card?"])
async def test_a_question_about_the_choices_is_not_taken_as_one(plan_ref: str, text: str) -> None:
    """'wats an ISF?' was recorded as choosing an individual service fund, and 'what's the
    difference between a direct payment and the card?' as a mix: the question is explained instead."""
    out = await run(
        ValidateManagementForm(),
        tracker({"plan_reference": plan_ref}, text, filled="management_option", active_loop="management_form"),
    )
    assert out.slots["management_option"] is None and not out.slots.get("choice_check")
    assert "utter_explain_management_option" in out.responses


@pytest.mark.parametrize(
    "text, asked",
    [
        ("PA then. could I pay my cousin Meena to be her PA?", True),
        ("Aisha's asking if she can pay her mum to be her PA? they live together", True),
        ("a PA, my cousin Meena", False),
    ],
)
async def test_a_question_whether_something_is_allowed_is_answered_though_the_model_is_unsure(
    plan_ref: str, text: str, asked: bool
) -> None:
    """'could I pay my cousin to be her PA?' beside an answer left the intent model unsure; the
    question went unanswered and became the support's name. With a sure answer to give, it is
    answered, and nothing is recorded from it."""
    selector = {
        "faq": {"response": {"intent_response_key": "faq/pay_family_member", "confidence": 0.97, "responses": []}}
    }
    known = {"plan_reference": plan_ref}
    out = await _unsure_faq(ValidateServicesForm(), known, text, 0.45, "service_category", selector)
    assert (out.responses == ["utter_faq/pay_family_member"]) is asked
    assert (out.slots.get("service_description") is None) is asked


@pytest.mark.parametrize(
    "text, kept", [("What is my contribution of £40 for?", False), ("What matters? Seeing my grandchildren.", True)]
)
async def test_a_question_alone_is_not_kept_as_what_matters(plan_ref: str, text: str, kept: bool) -> None:
    """'What is my contribution of £40 for?' was saved as what matters to the person."""
    said = tracker({"plan_reference": plan_ref}, text, filled="important_to_me", active_loop="important_form")
    out = await run(ValidateImportantForm(), said)
    assert (service.get_plan(plan_ref).important_to_me == text) is kept
    assert ("utter_question_not_answer" in out.responses) is not kept


def test_a_question_after_a_few_opening_words_is_still_only_a_question() -> None:
    from bot.answers.reading import only_a_question

    assert only_a_question("Before we begin, why must I pay £40 a week myself?")
    assert not only_a_question("My garden, why not?")
