"""After the back-up plan (issue 15 item 6): who took part, how the person needs information, and
an independent advocate offered (never forced) when the person, planning alone, says they find it
hard to understand, remember or decide."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest

from actions.management import ValidateContingencyForm
from bot.answers.trackers import Outcome, run, tracker
from bot.parsing.communication import languages_named, needs_named
from bot.parsing.people import finds_it_hard, helper_named
from bot.plans import service
from bot.plans.views import InvolvedView

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

BACK_UP = "ring my son Tom, his number is with the council"


QUESTIONS = ("advocacy_wanted", "contingency", "helper_details", "communication_needs", "communication_language")


def asks_next(out: Outcome, **known: Any) -> Optional[str]:
    """The form's next question: the one the validation names, or, when it names none because the
    questions are all the domain's, the first unanswered one there (Rasa's form asks it)."""
    if "requested_slot" in out.slots:
        return out.slots["requested_slot"]
    slots = {**known, **out.slots}
    return next((q for q in QUESTIONS if slots.get(q) is None), None)


def answer(plan_ref: str, slot: str, text: str, planned_by: str = "self", **slots: Any):
    known: Dict[str, Any] = {"plan_reference": plan_ref, "planned_by": planned_by, "person_name": "Sam", **slots}
    return tracker(known, text, filled=slot, active_loop="contingency_form")


async def test_planning_alone_the_person_is_recorded_then_asked_about_information(plan_ref) -> None:
    out = await run(ValidateContingencyForm(), answer(plan_ref, "contingency", BACK_UP))

    assert out.slots["contingency"] == BACK_UP
    assert asks_next(out, contingency=BACK_UP) == "communication_needs"
    assert service.get_plan(plan_ref).involved == (InvolvedView("person"),)


async def test_a_supporter_is_asked_once_for_their_name_and_how_they_know_the_person(plan_ref) -> None:
    out = await run(ValidateContingencyForm(), answer(plan_ref, "contingency", BACK_UP, planned_by="supporter"))
    assert asks_next(out) == "helper_details"

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "helper_details", "I'm Jo, his daughter", planned_by="supporter", contingency=BACK_UP),
    )

    assert out.responses == ["utter_helper_noted"]
    assert asks_next(out, contingency=BACK_UP) == "communication_needs"
    assert service.get_plan(plan_ref).involved == (
        InvolvedView("person"),
        InvolvedView("supporter", "Jo", "daughter"),
    )


async def test_an_adviser_is_recorded_without_being_asked(plan_ref) -> None:
    out = await run(ValidateContingencyForm(), answer(plan_ref, "contingency", BACK_UP, planned_by="adviser"))

    assert asks_next(out, contingency=BACK_UP) == "communication_needs"
    assert service.get_plan(plan_ref).involved == (InvolvedView("person"), InvolvedView("adviser"))


@pytest.mark.parametrize(
    "text, needs, detail",
    [
        ("easy read", ["easy_read"], None),
        ("3", ["easy_read"], None),
        ("no, this way is fine", [], None),
        ("large print and audio please", ["large_print", "audio"], None),
        ("Polish please", ["other_language"], "Polish"),
        ("an interpreter, she speaks Urdu", ["other_language"], "Urdu"),
        ("BSL", ["bsl"], None),
        ("easy read in Urdu please", ["easy_read", "other_language"], "Urdu"),
        ("no thanks, my son reads it all out for me", [], None),
    ],
)
async def test_communication_needs_are_recorded(plan_ref, text: str, needs, detail) -> None:
    service.set_contingency(plan_ref, BACK_UP)

    out = await run(ValidateContingencyForm(), answer(plan_ref, "communication_needs", text, contingency=BACK_UP))

    assert asks_next(out, contingency=BACK_UP) is None
    plan = service.get_plan(plan_ref)
    assert (list(plan.communication_needs or ()), plan.communication_detail) == (needs, detail)


async def another_language(plan_ref: str, text: str = "another language") -> Outcome:
    service.set_contingency(plan_ref, BACK_UP)
    return await run(ValidateContingencyForm(), answer(plan_ref, "communication_needs", text, contingency=BACK_UP))


async def test_another_language_with_none_named_asks_which(plan_ref) -> None:
    out = await another_language(plan_ref)

    assert asks_next(out, contingency=BACK_UP) == "communication_language"
    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_language", "she speaks polish", contingency=BACK_UP, communication_needs="x"),
    )
    assert out.responses == ["utter_communication_noted"]
    plan = service.get_plan(plan_ref)
    assert (plan.communication_needs, plan.communication_detail) == (("other_language",), "Polish")
    assert asks_next(out, contingency=BACK_UP, communication_needs="x") is None


async def test_a_language_not_in_the_list_is_checked_then_kept_as_said(plan_ref) -> None:
    await another_language(plan_ref)
    known = dict(contingency=BACK_UP, communication_needs="x")

    out = await run(ValidateContingencyForm(), answer(plan_ref, "communication_language", "krio", **known))

    assert out.slots["choice_check"]["code"] == "Krio"
    assert service.get_plan(plan_ref).communication_detail is None
    pending = {"plan_reference": plan_ref, **known, "choice_check": out.slots["choice_check"]}
    await run(
        ValidateContingencyForm(),
        tracker({**pending, "requested_slot": "choice_check"}, "yes", active_loop="contingency_form"),
    )
    assert service.get_plan(plan_ref).communication_detail == "Krio"


@pytest.mark.parametrize("text", ["hm", "not sure", "I don't know what to put"])
async def test_no_language_in_the_answer_is_asked_again(plan_ref, text: str) -> None:
    await another_language(plan_ref)

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_language", text, contingency=BACK_UP, communication_needs="x"),
    )

    assert out.responses == ["utter_communication_language_not_understood"]
    assert out.slots["communication_language"] is None
    assert service.get_plan(plan_ref).communication_needs == ("other_language",)


async def test_english_after_all_takes_the_language_off(plan_ref) -> None:
    await another_language(plan_ref, "easy read and another language")

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_language", "no english is fine", contingency=BACK_UP, communication_needs="x"),
    )

    assert out.responses == ["utter_communication_noted"]
    assert service.get_plan(plan_ref).communication_needs == ("easy_read",)


async def test_a_skipped_language_is_not_asked_again(plan_ref) -> None:
    await another_language(plan_ref)

    await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_language", "skip", contingency=BACK_UP, communication_needs="x"),
    )
    plan = service.get_plan(plan_ref)
    assert plan.skipped_questions == ("communication_language",)
    assert "communication_language" not in await ValidateContingencyForm().questions_after(
        "contingency", answer(plan_ref, "contingency", "")
    )


async def test_weighing_up_two_needs_is_asked_again_not_recorded(plan_ref) -> None:
    service.set_contingency(plan_ref, BACK_UP)
    text = "audio maybe, or large print, I can't decide"

    out = await run(ValidateContingencyForm(), answer(plan_ref, "communication_needs", text, contingency=BACK_UP))

    assert out.responses == ["utter_communication_not_understood"]
    assert service.get_plan(plan_ref).communication_needs is None


async def test_an_unclear_answer_about_information_is_asked_again_and_nothing_is_lost(plan_ref) -> None:
    service.set_contingency(plan_ref, BACK_UP)

    out = await run(ValidateContingencyForm(), answer(plan_ref, "communication_needs", "hmm", contingency=BACK_UP))

    assert out.responses == ["utter_communication_not_understood"]
    plan = service.get_plan(plan_ref)
    assert plan.communication_needs is None and plan.contingency == BACK_UP


async def test_finding_it_hard_is_met_with_the_offer_of_an_advocate_then_the_question_again(plan_ref) -> None:
    service.set_contingency(plan_ref, BACK_UP)

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_needs", "I get confused with all this", contingency=BACK_UP),
    )

    assert out.slots["advocacy_offer"] is True
    assert asks_next(out) == "advocacy_wanted"
    assert service.get_plan(plan_ref).communication_needs is None

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "advocacy_wanted", "yes please", contingency=BACK_UP, advocacy_offer=True),
    )

    assert out.responses == ["utter_advocacy_requested"]
    assert out.slots["advocacy_offer"] is False
    assert asks_next(out, contingency=BACK_UP) == "communication_needs"  # asked again after the offer
    assert "advocacy_requested" in service.get_plan(plan_ref).flags


async def test_the_advocate_can_be_turned_down(plan_ref) -> None:
    service.set_contingency(plan_ref, BACK_UP)

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "advocacy_wanted", "no thanks", contingency=BACK_UP, advocacy_offer=True),
    )

    assert out.responses == ["utter_advocacy_declined"]
    assert "advocacy_requested" not in service.get_plan(plan_ref).flags


async def test_finding_it_hard_at_the_back_up_question_offers_an_advocate_first(plan_ref) -> None:
    out = await run(ValidateContingencyForm(), answer(plan_ref, "contingency", "I find it hard to understand all this"))

    assert asks_next(out) == "advocacy_wanted"
    assert service.get_plan(plan_ref).contingency is None


@pytest.mark.parametrize("planned_by", ["supporter", "adviser"])
async def test_no_advocate_is_offered_when_someone_is_helping(plan_ref, planned_by: str) -> None:
    service.set_contingency(plan_ref, BACK_UP)
    service.set_involved(plan_ref, [InvolvedView("person"), InvolvedView("supporter", "Jo", "daughter")])

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_needs", "she gets confused", planned_by=planned_by, contingency=BACK_UP),
    )

    assert not out.slots.get("advocacy_offer")
    assert asks_next(out, contingency=BACK_UP, advocacy_wanted="") != "advocacy_wanted"


async def test_an_advocate_is_offered_only_once(plan_ref) -> None:
    service.set_contingency(plan_ref, BACK_UP)

    out = await run(
        ValidateContingencyForm(),
        answer(plan_ref, "communication_needs", "I get muddled", contingency=BACK_UP, advocacy_wanted="no"),
    )

    assert not out.slots.get("advocacy_offer")


@pytest.mark.parametrize(
    "text, name, relationship",
    [
        ("Sam, her son", "Sam", "son"),
        ("I'm Jo, his daughter", "Jo", "daughter"),
        ("her neighbour Priya", "Priya", "neighbour"),
        ("priya", "Priya", None),
    ],
)
def test_the_helpers_name_and_relationship_are_read(text: str, name: str, relationship) -> None:
    helper = helper_named(text)
    assert (helper.name, helper.relationship) == (name, relationship)


@pytest.mark.parametrize(
    "text, hard",
    [
        ("I get confused with all this", True),
        ("I can't remember things", True),
        ("I struggle to make decisions", True),
        ("my memory is bad", True),
        ("my daughter helps me remember appointments", False),
        ("large print please", False),
    ],
)
def test_finding_it_hard_is_heard(text: str, hard: bool) -> None:
    assert finds_it_hard(text) is hard


def test_several_needs_and_a_language_are_read_from_words() -> None:
    assert needs_named("no, but large print and easy read") == ["large_print", "easy_read"]
    assert languages_named("urdu or punjabi") == "Urdu, Punjabi"


async def test_a_relative_named_in_the_information_answer_is_not_a_change_to_the_money(plan_ref) -> None:
    service.set_management(plan_ref, "direct_payment")
    service.set_contingency(plan_ref, BACK_UP)
    text = "no, I'm fine. my daughter reads things to me"

    await run(ValidateContingencyForm(), answer(plan_ref, "communication_needs", text, contingency=BACK_UP))

    plan = service.get_plan(plan_ref)
    assert plan.management == "direct_payment" and plan.communication_needs == ()


async def test_a_language_named_later_is_no_longer_kept_as_skipped(plan_ref) -> None:
    await another_language(plan_ref)
    service.skip_question(plan_ref, "communication_language")

    service.set_communication_needs(plan_ref, ["other_language"], "Krio")

    assert service.get_plan(plan_ref).skipped_questions == ()
