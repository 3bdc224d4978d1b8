"""No question is asked more than three times in a row (issue 14): every question of every form,
answered with something unusable again and again, stops being asked by the third failure, with
the person offered to come back to it, skip it where allowed, or talk to a person."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple, Type

import pytest
from rasa_sdk import Action

from actions.identity import ValidateIdentityForm
from actions.management import ValidateContingencyForm, ValidateManagementForm
from actions.outcomes import ValidateImportantForm, ValidateOutcomesForm
from actions.plan import ValidateReviewForm
from actions.plan_copy import ValidateCopyForm
from actions.review import REVIEW_QUESTIONS
from actions.services import FINISHED, ValidateServicesForm
from bot.answers.trackers import domain, run, tracker
from bot.plans import service
from bot.safety import detector
from bot.slot_names import SERVICE_ID

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

UNUSABLE = "hm"
#: a message the risk model is unsure of (a check-in), and what the model made of it
UNSURE = "I am so tired lately"
_UNSURE_PARSE = {
    "intent": {"name": "inform", "confidence": 0.9},
    "intent_ranking": [{"name": "inform", "confidence": 0.9}],
    "entities": [],
    "risk_probability": detector.CHECK_IN_INSIDE,
}
_PA = {"service_category": "personal_assistant", "service_description": "help to get up"}
_TAXI = {"service_category": "transport", "service_description": "a taxi to the day centre"}
_RECORDED = {**_TAXI, "service_cost": "20", "service_cost_period": "week", SERVICE_ID: 1}
#: questions asked only of a plan whose budget came with the assessment
ASSESSED = ("service_needs", "unmet_need")
#: what the plan holds before a question that is asked only then
PLAN_BEFORE: Dict[str, Callable[[str], None]] = {
    "communication_language": lambda ref: service.set_communication_needs(ref, ["other_language"]),
}
#: (form, question, what is known when it is asked)
QUESTIONS: List[Tuple[Type[Action], str, Dict[str, Any]]] = [
    (ValidateIdentityForm, "planned_by", {}),
    (ValidateIdentityForm, "person_reference", {"planned_by": "self"}),
    (ValidateIdentityForm, "date_of_birth", {"planned_by": "self", "person_reference": "PB-100234"}),
    (ValidateImportantForm, "important_to_me", {}),
    (ValidateOutcomesForm, "outcome_text", {}),
    (ValidateServicesForm, "service_category", {}),
    (ValidateServicesForm, "service_description", {"service_category": "transport"}),
    (ValidateServicesForm, "service_hours", _PA),
    (ValidateServicesForm, "service_rate", {**_PA, "service_hours": "6"}),
    (ValidateServicesForm, "service_cost", _TAXI),
    (ValidateServicesForm, "service_cost_period", {**_TAXI, "service_cost": "40"}),
    (ValidateServicesForm, "service_visits_per_week", {**_TAXI, "service_cost": "40", "service_cost_period": "visit"}),
    (
        ValidateServicesForm,
        "service_weeks_a_year",
        {**_TAXI, "service_cost": "40", "service_cost_period": "week", "service_part_of_year": True},
    ),
    (ValidateServicesForm, "payee_lives_with", {**_RECORDED, "payee_relation": "daughter"}),
    (ValidateServicesForm, "service_outcomes", {**_TAXI, SERVICE_ID: 1}),
    (ValidateServicesForm, "service_needs", {**_RECORDED, "service_outcomes": "1"}),
    (ValidateServicesForm, "add_another_service", {**_TAXI, SERVICE_ID: 1}),
    (ValidateServicesForm, "unmet_need", {"add_another_service": FINISHED, "unmet_needs_left": ["personal_hygiene"]}),
    (ValidateManagementForm, "management_option", {}),
    (ValidateManagementForm, "paid_to", {"management_option": "direct_payment"}),
    (ValidateContingencyForm, "contingency", {}),
    (ValidateContingencyForm, "helper_details", {"planned_by": "supporter", "contingency": "call my son"}),
    (ValidateContingencyForm, "communication_needs", {"contingency": "call my son"}),
    (ValidateContingencyForm, "communication_language", {"contingency": "call my son", "communication_needs": "x"}),
    (ValidateContingencyForm, "advocacy_wanted", {"advocacy_offer": True}),
    (ValidateReviewForm, "plan_confirmed", {}),
    (ValidateCopyForm, "copy_route", {}),
]
FORM_OF = {form: name.removeprefix("validate_") for form in {q[0] for q in QUESTIONS} for name in [form().name()]}


def test_every_question_of_every_form_is_driven() -> None:
    driven = {question for _, question, _ in QUESTIONS}
    # the review's own questions are driven in tests/reviews/test_review_conversation.py; its
    # cost questions are the services form's, driven here
    review_own = set(REVIEW_QUESTIONS)
    in_the_domain = {slot for form in domain()["forms"].values() for slot in form["required_slots"]}
    assert driven == in_the_domain - review_own


async def _asked_in_a_row(
    request: pytest.FixtureRequest, form: Type[Action], question: str, known: Dict[str, Any], check_ins: bool
) -> Tuple[int, List[str]]:
    """How many times in a row `question` is asked when every answer is unusable (with
    `check_ins`, every other one is a message the risk model is unsure of, from the first), and
    what was said at the last answer."""
    plan_ref = request.getfixturevalue("assessed_plan_ref" if question in ASSESSED else "plan_ref")
    PLAN_BEFORE.get(question, lambda ref: None)(plan_ref)
    slots: Dict[str, Any] = {"plan_reference": plan_ref, "verified": True, **known}
    asked = 1  # the question was asked once before the first answer
    for turn in range(6):
        unsure = check_ins and turn % 2 == 0
        text, parse = (UNSURE, _UNSURE_PARSE) if unsure else (UNUSABLE, None)
        out = await run(form(), tracker(slots, text, filled=question, active_loop=FORM_OF[form], parse_data=parse))
        assert out.slots.get(question) is None, f"{text!r} was taken as an answer to {question}"
        if unsure:
            assert "utter_safety_check_in" in out.responses, out.responses
        stopped = out.slots.get("requested_slot", question) is None or out.slots.get("paused") is True
        if stopped:
            break
        asked += 1
        slots["failed_attempts"] = out.slots.get("failed_attempts")
        slots.update({k: v for k, v in out.slots.items() if k in ("identity_failures",)})
    return asked, out.responses


@pytest.mark.parametrize("form, question, known", QUESTIONS, ids=[q[1] for q in QUESTIONS])
async def test_no_question_is_asked_a_fourth_time_in_a_row(
    request: pytest.FixtureRequest, demo: str, form: Type[Action], question: str, known: Dict[str, Any]
) -> None:
    asked, said = await _asked_in_a_row(request, form, question, known, check_ins=False)
    assert asked <= 3, f"{question} was asked {asked} times in a row"
    last = " ".join(r or "" for r in said)
    assert "utter_stuck" in last or "utter_identity" in last, said


@pytest.mark.parametrize("form, question, known", QUESTIONS, ids=[q[1] for q in QUESTIONS])
async def test_check_ins_between_unusable_answers_do_not_make_a_fourth_time(
    request: pytest.FixtureRequest, demo: str, form: Type[Action], question: str, known: Dict[str, Any]
) -> None:
    """A check-in asks the question again too, so it counts: check-in, unusable, check-in stops."""
    asked, said = await _asked_in_a_row(request, form, question, known, check_ins=True)
    assert asked <= 3, f"{question} was asked {asked} times in a row"
    assert said[0] == "utter_safety_check_in" and said[-1].startswith("utter_leave_for_now"), said
