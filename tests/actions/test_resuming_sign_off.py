"""Issue 15's sign-off questions are picked up where they were left (the person leaves part-way
and comes back in a new conversation, whose slots are empty): who the money is paid to, who the
helper is and how the person needs information, where a paid relative lives and which assessed
needs a service meets, and the copy. Switching to a way that pays money out late (while the back-up
plan is asked) asks who receives it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest

from actions.management import ValidateContingencyForm, ValidateManagementForm
from actions.plan import ActionNextSection
from actions.service_questions import service_questions
from actions.taking_part import NOT_SAID
from bot.answers.trackers import Outcome, run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

VERIFIED = {"verified": True, "person_reference": "PB-100234", "person_name": "Sam", "welcomed": True}


def up_to_management(planned_by: str = "self") -> str:
    """A plan answered up to (not including) how the money is managed."""
    ref = service.open_plan("PB-100234", planned_by, "rest", "c", BudgetFigures.of(Decimal(250), "week")).plan_reference
    service.set_important_to_me(ref, "My garden")
    service.add_outcome(ref, "Get to the shops")
    service.set_outcomes_complete(ref, True)
    service.add_service(ref, NewService("transport", "a taxi to the shops", None, None, Decimal(20)))
    service.set_services_complete(ref, True)
    return ref


async def route(ref: str, **slots: Any) -> Outcome:
    """The router in a new conversation that has just found the plan."""
    known: Dict[str, Any] = {**VERIFIED, "planned_by": service.get_plan(ref).planned_by, "plan_reference": ref, **slots}
    return await run(ActionNextSection(), tracker(known, latest_action="identity_form"))


async def test_who_receives_the_money_is_asked_again_when_left_unsaid(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "direct_payment")

    out = await route(ref)

    assert out.slots["current_section"] == "management"
    assert out.slots["management_option"] == "direct_payment"  # not asked again
    assert out.slots["paid_to"] is None  # asked next


async def test_it_is_picked_up_even_after_the_back_up_plan(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "payment_card")
    service.set_contingency(ref, "My son would ring")
    service.set_communication_needs(ref, ["none"], None)

    out = await route(ref)

    assert (out.slots["current_section"], out.slots["management_option"]) == ("management", "payment_card")


async def test_a_question_skipped_in_this_conversation_is_not_asked_again_in_it(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "direct_payment")

    out = await route(ref, paid_to=NOT_SAID)

    assert out.slots["current_section"] == "contingency"


async def test_a_way_that_pays_nothing_out_asks_nothing_more(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "council_managed")

    assert (await route(ref)).slots["current_section"] == "contingency"


async def test_how_the_person_needs_information_is_asked_again_after_the_back_up_plan(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "council_managed")
    service.set_contingency(ref, "My son would ring")

    out = await route(ref)

    assert out.slots["current_section"] == "contingency"
    assert out.slots["contingency"] == "My son would ring"
    form = ValidateContingencyForm()
    asked = await form.required_slots([], None, tracker({**VERIFIED, "plan_reference": ref, **out.slots}), {})  # type: ignore[arg-type]
    assert asked == ["contingency", "communication_needs"]


async def test_a_helper_is_asked_who_they_are_when_they_left_before_saying(demo) -> None:
    ref = up_to_management("supporter")
    service.set_management(ref, "council_managed")
    service.set_contingency(ref, "My son would ring")

    out = await route(ref)

    assert (out.slots["current_section"], out.slots["contingency"]) == ("contingency", "My son would ring")


async def test_where_a_paid_relative_lives_is_asked_again_for_the_service_left_part_way(demo) -> None:
    ref = up_to_management()
    service.set_services_complete(ref, False)
    pa = service.add_service(
        ref, NewService("personal_assistant", "my daughter Jo as my PA", Decimal(10), Decimal(13), None)
    )

    out = await route(ref)

    assert out.slots["current_section"] == "services"
    assert (out.slots["service_id"], out.slots["payee_relation"]) == (pa.id, "daughter")
    unanswered = [q for q in service_questions(out.slots) if out.slots.get(q) is None]
    assert unanswered[0] == "payee_lives_with"


async def test_which_needs_a_service_meets_is_asked_again_for_the_service_left_part_way(assessed_plan_ref) -> None:
    ref = assessed_plan_ref
    service.set_important_to_me(ref, "My garden")
    service.set_outcomes_complete(ref, True)
    taxi = service.add_service(ref, NewService("transport", "a taxi to the shops", None, None, Decimal(20), (1,)))

    out = await route(ref)

    assert (out.slots["current_section"], out.slots["service_id"]) == ("services", taxi.id)
    unanswered = [q for q in service_questions(out.slots, assessed=True) if out.slots.get(q) is None]
    assert unanswered[0] == "service_needs"


async def test_a_service_whose_questions_are_all_answered_starts_a_new_one(demo) -> None:
    ref = up_to_management()
    service.set_services_complete(ref, False)

    out = await route(ref)

    assert out.slots["current_section"] == "services"
    assert out.slots["service_id"] is None


async def test_the_copy_is_asked_again_after_sending(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "council_managed")
    service.set_contingency(ref, "My son would ring")
    service.set_communication_needs(ref, ["none"], None)
    service.submit_plan(ref)

    assert (await route(ref)).slots["current_section"] == "copy"


async def switch_during_the_back_up_plan(known: Dict[str, Any], text: str) -> Outcome:
    """A change of the money's way said while the back-up plan is asked: it is checked first and
    made only on a yes (the outcome is the form's reply to that yes)."""
    backup = dict(filled="contingency", active_loop="contingency_form")
    asked = await run(ValidateContingencyForm(), tracker(known, text, **backup))
    assert asked.slots["requested_slot"] == "choice_check"
    assert service.get_plan(known["plan_reference"]).management != asked.slots["choice_check"]["code"]
    pending = {**known, "choice_check": asked.slots["choice_check"], "requested_slot": "choice_check"}
    return await run(ValidateContingencyForm(), tracker(pending, "yes", active_loop="contingency_form"))


async def test_switching_to_a_direct_payment_during_the_back_up_plan_asks_who_receives_it(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "council_managed")
    known = {**VERIFIED, "planned_by": "self", "plan_reference": ref}

    out = await switch_during_the_back_up_plan(known, "actually, a direct payment")

    assert service.get_plan(ref).management == "direct_payment"
    assert out.slots["requested_slot"] is None  # the form ends here
    after = await route(ref)
    assert (after.slots["current_section"], after.slots["management_option"]) == ("management", "direct_payment")
    assert after.slots["paid_to"] is None


async def test_switching_to_another_way_that_pays_nothing_out_carries_on(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "direct_payment")
    service.set_paid_to(ref, "person")
    known = {**VERIFIED, "planned_by": "self", "plan_reference": ref}

    out = await switch_during_the_back_up_plan(known, "actually, the council can manage it")

    assert service.get_plan(ref).management == "council_managed"
    assert out.slots["requested_slot"] == "contingency"  # the back-up plan is asked again, in the same form


async def test_the_family_check_is_said_to_a_helper_about_the_right_person(demo) -> None:
    ref = up_to_management("supporter")
    service.set_management(ref, "direct_payment")
    name = service.get_plan(ref).given_name
    own = service.add_service(
        ref, NewService("personal_assistant", "my son Tom to help mum", Decimal(5), Decimal(13), None)
    )
    theirs = service.add_service(
        ref, NewService("personal_assistant", "her daughter Jo", Decimal(5), Decimal(13), None)
    )
    service.set_payee_lives_with(ref, own.id, True)
    service.set_payee_lives_with(ref, theirs.id, True)

    said = {check.service_id: check.message for check in service.get_plan(ref).checks if check.code == "family_payment"}

    assert f"your son, who lives with {name}," in said[own.id]
    assert f"{name}'s daughter, who lives with {name}," in said[theirs.id]


async def test_where_a_helper_s_own_partner_lives_is_asked_again_for_the_service_left_part_way(demo) -> None:
    ref = up_to_management("supporter")
    service.set_services_complete(ref, False)
    pa = service.add_service(
        ref, NewService("personal_assistant", "my husband Dave as mum's PA", Decimal(10), Decimal(13), None)
    )

    out = await route(ref)

    assert (out.slots["service_id"], out.slots["payee_relation"]) == (pa.id, "husband")
    unanswered = [q for q in service_questions(out.slots) if out.slots.get(q) is None]
    assert unanswered[0] == "payee_lives_with"


# --- a question skipped is kept on the plan, so a new conversation does not ask it again ----


async def test_who_receives_the_money_skipped_is_not_asked_in_a_new_conversation(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "direct_payment")
    known = {**VERIFIED, "planned_by": "self", "plan_reference": ref, "management_option": "direct_payment"}

    out = await run(
        ValidateManagementForm(), tracker(known, "skip that", filled="paid_to", active_loop="management_form")
    )

    assert "utter_skipped" in out.responses
    assert service.get_plan(ref).skipped_questions == ("paid_to",)
    service.set_contingency(ref, "My son would ring")
    after = await route(ref)  # a new conversation: paid_to is not in its slots
    assert after.slots["current_section"] == "contingency"
    assert after.slots.get("management_option") is None


async def test_how_the_person_needs_information_skipped_is_not_asked_in_a_new_conversation(demo) -> None:
    ref = up_to_management()
    service.set_management(ref, "council_managed")
    service.set_contingency(ref, "My son would ring")
    known = {**VERIFIED, "planned_by": "self", "plan_reference": ref, "contingency": "My son would ring"}

    await run(
        ValidateContingencyForm(),
        tracker(known, "skip", filled="communication_needs", active_loop="contingency_form"),
    )

    assert service.get_plan(ref).skipped_questions == ("communication_needs",)
    assert (await route(ref)).slots["current_section"] == "review"


async def test_the_helper_s_name_skipped_is_kept_on_the_plan(demo) -> None:
    ref = up_to_management("supporter")
    service.set_management(ref, "council_managed")
    service.set_contingency(ref, "My son would ring")
    known = {**VERIFIED, "planned_by": "supporter", "plan_reference": ref, "contingency": "My son would ring"}

    await run(
        ValidateContingencyForm(), tracker(known, "skip", filled="helper_details", active_loop="contingency_form")
    )

    assert service.get_plan(ref).skipped_questions == ("helper_details",)
