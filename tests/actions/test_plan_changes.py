"""Changing what is already said: linking a service to outcomes, corrections ("actually make that
8 hours"), and taking a service or an outcome out, in the sections and at the summary."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

import pytest

from actions.choice_check import AskChoiceCheck
from actions.management import ValidateContingencyForm, ValidateManagementForm
from actions.outcomes import ValidateOutcomesForm
from actions.plan import ValidateReviewForm
from actions.service_questions import FINISHED
from actions.services import AskServiceOutcomes, ValidateServicesForm
from bot.answers.trackers import run, tracker
from bot.budgets.source import BudgetFigures
from bot.plans import service
from bot.plans.service import NewService
from bot.slot_names import CHOICE_CHECK

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

PA = dict(service_category="personal_assistant", service_description="a PA to help me shower", service_hours="7")


def _two_outcomes() -> str:
    ref = service.open_plan("PB-100234", "self", "rest", "c", BudgetFigures.of(Decimal("250"), "week")).plan_reference
    service.add_outcome(ref, "Get out to the shops")
    service.add_outcome(ref, "See my grandchildren")
    service.set_outcomes_complete(ref, True)
    return ref


@pytest.fixture
def plan_ref(demo, prepared) -> str:
    return prepared(_two_outcomes)


def with_pa(ref: str) -> int:
    """The PA of PA above, recorded at £15 an hour (£105 a week)."""
    return service.add_service(
        ref, NewService("personal_assistant", PA["service_description"], Decimal(7), Decimal(15), None)
    ).id


def services_form(ref: str, slot: str, text: str, **slots):
    return tracker({"plan_reference": ref, **slots}, text, filled=slot, active_loop="services_form")


# --- linking a service to the outcomes it serves --------------------------------------------


async def test_the_outcomes_question_lists_them_with_buttons(plan_ref: str) -> None:
    out = await run(AskServiceOutcomes(), tracker({"plan_reference": plan_ref, "person_name": "Sam"}))
    said = out.said("utter_which_outcomes")
    assert said["item_list"] == "1. Get out to the shops. 2. See my grandchildren."
    assert [b["payload"] for b in said["buttons"]] == ["1", "2", "all", "none"]


@pytest.mark.parametrize(
    "reply, linked",
    [
        ("1", [1]),
        ("1 and 2", [1, 2]),
        ("both", [1, 2]),
        ("all of them", [1, 2]),
        ("the shops one", [1]),
        ("none", []),
        ("skip", []),
    ],
)
async def test_a_service_is_linked_to_the_outcomes_chosen(plan_ref: str, reply: str, linked: list) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "service_outcomes", reply, **PA, service_rate="15", service_id=service_id),
    )
    assert out.slots["service_outcomes"] is not None
    assert list(service.get_plan(plan_ref).services[0].outcome_ids) == linked


async def test_an_outcomes_reply_that_cannot_be_read_is_asked_again(plan_ref: str) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "service_outcomes", "bananas", **PA, service_rate="15", service_id=service_id),
    )
    assert out.responses == ["utter_service_outcomes_not_understood"]
    assert service.get_plan(plan_ref).services[0].outcome_ids == ()


@pytest.mark.parametrize("reply, linked", [("a bit of all of them really", [1, 2]), ("i dont think any", [])])
async def test_a_hedged_outcomes_reply_is_checked_before_it_is_linked(plan_ref: str, reply: str, linked: list) -> None:
    """'a bit of all of them' is put back as 'all'; the yes links them."""
    service_id = with_pa(plan_ref)
    known = {**PA, "service_rate": "15", "service_id": service_id}
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_outcomes", reply, **known))
    check = out.slots[CHOICE_CHECK]
    assert check["response"] == "utter_confirm_service_outcomes" and out.slots["service_outcomes"] is None
    assert service.get_plan(plan_ref).services[0].outcome_ids == ()

    out = await run(
        ValidateServicesForm(),
        tracker(
            {"plan_reference": plan_ref, **known, CHOICE_CHECK: check, "requested_slot": CHOICE_CHECK},
            "yes",
            active_loop="services_form",
        ),
    )
    assert out.slots["service_outcomes"] == (",".join(map(str, linked)) or "none")
    assert list(service.get_plan(plan_ref).services[0].outcome_ids) == linked


# --- corrections --------------------------------------------------------------------------


async def test_correcting_the_hours_while_the_rate_is_asked(plan_ref: str) -> None:
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_rate", "actually make that 8 hours", **PA))
    assert out.slots["service_hours"] == "8"
    assert out.slots["service_rate"] is None
    assert out.said("utter_answer_changed")["new_value"] == "8 hours a week"
    assert service.get_plan(plan_ref).services == ()


@pytest.mark.parametrize(
    "text, hours, rate, weekly",
    [
        ("actually make that 8 hours", "8", "15", "120.00"),
        ("no, it's £17 an hour", "7", "17", "119.00"),
        ("sorry I meant 6 hrs", "6", "15", "90.00"),
    ],
)
async def test_correcting_a_recorded_service(plan_ref: str, text: str, hours: str, rate: str, weekly: str) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(
            plan_ref, "add_another_service", text, **PA, service_rate="15", service_id=service_id, service_outcomes="1"
        ),
    )
    (changed,) = service.get_plan(plan_ref).services
    assert (changed.hours_per_week, changed.unit_cost, changed.weekly_cost) == (
        Decimal(hours),
        Decimal(rate),
        Decimal(weekly),
    )
    said = out.said("utter_service_changed")
    assert said["weekly_cost"] == f"£{weekly}" and said["remaining"] == f"£{Decimal(250) - Decimal(weekly):.2f}"
    assert out.slots["add_another_service"] is None
    assert out.slots["requested_slot"] == "add_another_service"  # asked again, not a cost question


@pytest.mark.parametrize(
    "text", ["change the personal assistant rate to £17 an hour", "the PA price is 17 pound for hour not 15"]
)
async def test_a_change_to_an_earlier_support_named_at_add_another_changes_it(plan_ref: str, text: str) -> None:
    """Said after another support was added: the PA named is changed (it was added again as a
    second PA, or the last support's cost was asked about)."""
    pa = with_pa(plan_ref)
    planter = service.add_service(plan_ref, NewService("equipment", "raised planter", None, None, Decimal(5))).id
    known = dict(service_category="equipment", service_description="raised planter", service_cost="5")
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "add_another_service", text, **known, service_cost_period="week", service_id=planter),
    )
    services = service.get_plan(plan_ref).services
    assert [s.id for s in services] == [pa, planter]
    assert services[0].weekly_cost == Decimal("119.00") and services[1].weekly_cost == Decimal("5.00")
    assert out.said("utter_service_changed")["description"] == PA["service_description"]


@pytest.mark.parametrize(
    "text", ["no no, is wrong. only 5 hours in week, 1 hour each day", "NO. 5 hours. 5 x 24 = 120 pound in week"]
)
async def test_a_correction_whose_figures_do_not_read_clearly_is_put_back_first(plan_ref: str, text: str) -> None:
    """Two ways of giving the hours, or a sum: the change is asked about, nothing changed yet."""
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "service_outcomes", text, **PA, service_rate="15", service_id=service_id),
    )
    assert out.slots[CHOICE_CHECK]["response"] == "utter_confirm_service_change"
    assert "utter_service_changed" not in out.responses
    (kept,) = service.get_plan(plan_ref).services
    assert (kept.hours_per_week, kept.weekly_cost) == (Decimal(7), Decimal("105.00"))


@pytest.mark.parametrize(
    "text, category",
    [
        ("yes, a cleaner for 2 hours", None),
        (
            "Yes, the community transport minibus to get there, it's £4 each way, so twice a week for the pool, 4 trips",
            "transport",
        ),
    ],
)
async def test_yes_with_hours_starts_the_next_service_and_changes_nothing(
    plan_ref: str, text: str, category: Optional[str]
) -> None:
    """The next support starts, with its kind read from what follows the yes when its words name
    one (the minibus: transport); the support already recorded is not changed."""
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(
            plan_ref,
            "add_another_service",
            text,
            **PA,
            service_rate="15",
            service_id=service_id,
        ),
    )
    assert out.slots["service_category"] == category and out.slots["add_another_service"] is None
    assert (out.slots.get(CHOICE_CHECK) or {}).get("slot") != "service_hours"
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")


async def test_hours_for_a_fixed_cost_service_are_refused_kindly(plan_ref: str) -> None:
    taxi = service.add_service(plan_ref, NewService("transport", "taxi to the day centre", None, None, Decimal(40))).id
    slots = dict(
        service_category="transport", service_description="taxi", service_cost="40", service_cost_period="week"
    )
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "add_another_service", "actually make that 3 hours", **slots, service_id=taxi),
    )
    assert out.responses == ["utter_correction_not_possible"]
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("40.00")


# --- taking things out --------------------------------------------------------------------


async def test_removing_the_service_just_added_starts_afresh(plan_ref: str) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "add_another_service", "remove the PA", **PA, service_rate="15", service_id=service_id),
    )
    assert service.get_plan(plan_ref).services == ()
    assert out.said("utter_removed_service")["remaining"] == "£250.00"
    assert out.slots["service_category"] is None and out.slots["service_id"] is None


async def test_a_description_that_sounds_like_removal_is_still_an_answer(plan_ref: str) -> None:
    with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "service_description", "drop me at the day centre", service_category="transport"),
    )
    assert out.slots["service_description"] == "drop me at the day centre"
    assert len(service.get_plan(plan_ref).services) == 1


async def test_removing_an_outcome_in_the_outcomes_section(plan_ref: str) -> None:
    out = await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref, "outcome_count": 2},
            "delete the last one",
            filled="outcome_text",
            active_loop="outcomes_form",
        ),
    )
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["Get out to the shops"]
    assert out.slots["outcome_count"] == 1


async def test_the_last_outcome_is_kept(plan_ref: str) -> None:
    service.remove_outcome(plan_ref, 2)
    out = await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref, "outcome_count": 1},
            "remove outcome 1",
            filled="outcome_text",
            active_loop="outcomes_form",
        ),
    )
    assert out.responses == ["utter_remove_last_outcome"]
    assert len(service.get_plan(plan_ref).outcomes) == 1


def complete(ref: str) -> None:
    with_pa(ref)
    service.add_service(ref, NewService("activities", "gardener twice a month", None, None, Decimal(20)))
    service.set_important_to_me(ref, "My garden")
    service.set_services_complete(ref, True)
    service.set_management(ref, "direct_payment")
    service.set_contingency(ref, "Call my son")


def review(ref: str, text: str):
    return tracker({"plan_reference": ref}, text, filled="plan_confirmed", active_loop="review_form")


@pytest.mark.parametrize("text", ["remove the gardener", "I don't need the gardening any more", "take out number 2"])
async def test_removing_a_service_at_the_summary(plan_ref: str, text: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, text))
    assert [s.description for s in service.get_plan(plan_ref).services] == [PA["service_description"]]
    assert out.said("utter_removed_service")["total"] == "£105.00"
    assert out.slots["plan_confirmed"] is None


async def test_removing_an_outcome_at_the_summary_unlinks_it(plan_ref: str) -> None:
    complete(plan_ref)
    service.link_service_outcomes(plan_ref, 1, [1, 2])
    await run(ValidateReviewForm(), review(plan_ref, "take out the outcome about my grandchildren"))
    plan = service.get_plan(plan_ref)
    assert [o.text for o in plan.outcomes] == ["Get out to the shops"]
    assert plan.services[0].outcome_ids == (1,)


async def test_an_unclear_removal_at_the_summary_lists_what_there_is(plan_ref: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, "remove it"))
    assert "2. gardener twice a month" in out.said("utter_remove_which")["item_list"]
    assert len(service.get_plan(plan_ref).services) == 2


async def test_removing_the_only_service_at_the_summary_goes_back_to_support(plan_ref: str) -> None:
    complete(plan_ref)
    service.remove_service(plan_ref, 2)
    out = await run(ValidateReviewForm(), review(plan_ref, "delete the PA"))
    assert out.slots["plan_confirmed"] == "change services"
    assert out.slots["requested_slot"] is None


async def test_correcting_a_service_at_the_summary_is_put_back_then_made(plan_ref: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, "can you make the PA 8 hours"))
    assert out.slots[CHOICE_CHECK]["args"]["new_value"] == "8 hours a week"
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")  # nothing yet
    pending = out.slots[CHOICE_CHECK]
    out = await run(ValidateReviewForm(), answering_check(plan_ref, "yes", pending, form="review_form"))
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("120.00")
    assert out.said("utter_service_changed")["total"] == "£140.00"


async def test_a_figure_at_the_summary_that_is_not_a_cost_changes_nothing_unasked(plan_ref: str) -> None:
    """'the money bit jus says a mix?? i said card 4 PA gym n taxi' set the PA to £0.08 a week."""
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, "the money bit jus says a mix?? i said card 4 PA"))
    assert [s.weekly_cost for s in service.get_plan(plan_ref).services] == [Decimal("105.00"), Decimal("20.00")]
    assert "utter_service_changed" not in out.responses


async def test_hours_said_length_by_length_at_the_summary_are_put_back_before_any_change(plan_ref: str) -> None:
    """'45 mins Monday to Saturday and 1 hour Sunday' is 5.5 hours a week, and such hours are
    checked first: nothing changes until the person says yes (it was changed to 21 hours, unasked)."""
    complete(plan_ref)
    text = "the PA is 45 mins Monday to Saturday and 1 hour Sunday. Can you change the PA hours?"
    out = await run(ValidateReviewForm(), review(plan_ref, text))
    assert out.slots[CHOICE_CHECK]["args"]["new_value"] == "5.5 hours a week"
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")
    pending = out.slots[CHOICE_CHECK]
    out = await run(ValidateReviewForm(), answering_check(plan_ref, "yes", pending, form="review_form"))
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("82.50")  # 5.5 × £15
    assert out.slots["requested_slot"] == "plan_confirmed"


async def test_a_new_support_said_at_the_summary_opens_the_support_section_and_changes_nothing(
    plan_ref: str,
) -> None:
    complete(plan_ref)
    text = "oh i forgot the choir subs, its £45 a quarter, can you add that"
    out = await run(ValidateReviewForm(), review(plan_ref, text))
    assert [s.weekly_cost for s in service.get_plan(plan_ref).services] == [Decimal("105.00"), Decimal("20.00")]
    assert out.slots["plan_confirmed"] == "change services"


def backup_form(ref: str, text: str, **slots):
    return tracker({"plan_reference": ref, **slots}, text, filled="contingency", active_loop="contingency_form")


def answering_check(ref: str, text: str, pending: dict, form: str = "contingency_form", **slots):
    slots = {"plan_reference": ref, "choice_check": pending, "requested_slot": "choice_check", **slots}
    return tracker(slots, text, active_loop=form)


CARD_INSTEAD = "hang on, I've changed my mind, I'd rather have the payment card, less hassle with a bank account"


@pytest.mark.parametrize("text", [CARD_INSTEAD, "actually can I have a payment card instead"])
async def test_a_change_of_mind_about_the_money_while_the_backup_plan_is_asked_is_checked(
    plan_ref: str, text: str
) -> None:
    service.set_management(plan_ref, "direct_payment")
    out = await run(ValidateContingencyForm(), backup_form(plan_ref, text, management_option="direct_payment"))
    plan = service.get_plan(plan_ref)
    assert (plan.management, plan.contingency) == ("direct_payment", None)
    assert out.slots["choice_check"]["code"] == "payment_card"
    assert out.slots["requested_slot"] == "choice_check"
    out = await run(ValidateContingencyForm(), answering_check(plan_ref, "yes", out.slots["choice_check"]))
    assert service.get_plan(plan_ref).management == "payment_card"
    assert service.get_plan(plan_ref).contingency is None
    out = await run(
        ValidateContingencyForm(), backup_form(plan_ref, "My son would pay with his card and I'd pay him back")
    )
    assert service.get_plan(plan_ref).management == "payment_card"
    assert "My son" in service.get_plan(plan_ref).contingency


@pytest.mark.parametrize("reply", ["no", "no, this way is fine"])
async def test_a_no_to_the_money_check_keeps_the_way_and_records_nothing(plan_ref: str, reply: str) -> None:
    service.set_management(plan_ref, "direct_payment")
    out = await run(ValidateContingencyForm(), backup_form(plan_ref, CARD_INSTEAD, management_option="direct_payment"))
    out = await run(ValidateContingencyForm(), answering_check(plan_ref, reply, out.slots["choice_check"]))
    plan = service.get_plan(plan_ref)
    assert (plan.management, plan.contingency) == ("direct_payment", None)
    assert out.slots["management_option"] == "direct_payment"
    assert "utter_choice_kept" in out.responses


async def test_a_backup_plan_that_mentions_managing_is_a_backup_plan(plan_ref: str) -> None:
    service.set_management(plan_ref, "direct_payment")
    text = (
        "well mum would step in if she's not on shift, or honestly I'd just manage on my own for a day, "
        "it's not ideal but it's fine"
    )
    await run(ValidateContingencyForm(), backup_form(plan_ref, text))
    plan = service.get_plan(plan_ref)
    assert plan.management == "direct_payment"
    assert plan.contingency is not None and "mum would step in" in plan.contingency


async def test_a_change_of_mind_while_the_payee_is_asked_is_checked_not_read_as_a_payee(plan_ref: str) -> None:
    service.set_management(plan_ref, "direct_payment")
    text = "actually, I've changed my mind - could the council arrange the PA and we have a payment card for the taxi?"
    out = await run(
        ValidateManagementForm(),
        tracker(
            {"plan_reference": plan_ref, "management_option": "direct_payment"},
            text,
            filled="paid_to",
            active_loop="management_form",
        ),
    )
    plan = service.get_plan(plan_ref)
    assert plan.management == "direct_payment"
    assert plan.direct_payment is None or plan.direct_payment.paid_to is None
    assert out.slots["choice_check"]["slot"] == "management_option"
    assert out.slots["choice_check"]["code"] == "council_managed"


@pytest.mark.parametrize("text", ["start again", "can we start this bit again please", "Start over"])
async def test_starting_a_service_again_forgets_only_the_one_being_planned(plan_ref: str, text: str) -> None:
    with_pa(plan_ref)
    slots = dict(service_category="transport", service_description="taxi to church")
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_cost", text, **slots))
    assert out.responses == ["utter_start_section_again"]
    assert out.slots["service_category"] is None and out.slots["service_description"] is None
    assert out.slots["requested_slot"] == "service_category"
    assert len(service.get_plan(plan_ref).services) == 1


async def test_starting_again_is_not_read_into_an_outcome(plan_ref: str) -> None:
    await run(
        ValidateOutcomesForm(),
        tracker(
            {"plan_reference": plan_ref, "outcome_count": 2},
            "start again at college",
            filled="outcome_text",
            active_loop="outcomes_form",
        ),
    )
    assert service.get_plan(plan_ref).outcomes[-1].text == "start again at college"


# --- a change with two amounts, or none made, is never said as made ------------------------


@pytest.mark.parametrize(
    "text", ["the gardener is wrong its £12 there and £12 back so £24", "the gardener should be £20 or maybe £25"]
)
async def test_a_change_with_two_amounts_at_the_summary_is_asked_about(plan_ref: str, text: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, text))
    assert "utter_service_changed" not in out.responses
    assert out.responses[0] == "utter_change_uncertain"
    assert service.get_plan(plan_ref).services[1].weekly_cost == Decimal("20.00")


async def test_a_change_with_two_amounts_while_planning_is_asked_about(plan_ref: str) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(
            plan_ref,
            "add_another_service",
            "no the PA is wrong, its £14 an hour, or £15 with holiday pay",
            **PA,
            service_rate="15",
            service_id=service_id,
            service_outcomes="1",
        ),
    )
    assert "utter_service_changed" not in out.responses and "utter_change_uncertain" in out.responses
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")


async def test_a_change_to_the_same_figure_is_not_said_as_a_change(plan_ref: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, "the gardener should be £20 a week"))
    assert "utter_service_changed" not in out.responses
    assert out.responses[0] == "utter_service_unchanged"


# --- a figure said while another question is open never changes a service silently ----------

WI = "WI - she'd need a taxi, it's £18 return each Thursday, and a cleaner once a fortnight £45"


async def test_a_cost_of_other_support_while_a_question_is_open_changes_nothing(plan_ref: str) -> None:
    service_id = with_pa(plan_ref)
    out = await run(
        ValidateServicesForm(),
        services_form(plan_ref, "service_outcomes", WI, **PA, service_rate="15", service_id=service_id),
    )
    assert "utter_service_changed" not in out.responses and "utter_other_support_later" in out.responses
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")
    assert out.slots["requested_slot"] == "service_outcomes"
    assert out.slots["support_for_later"] == WI  # kept, to remind them at "add another?"


async def test_a_bare_figure_while_a_question_is_open_is_put_back_before_it_is_used(plan_ref: str) -> None:
    service_id = with_pa(plan_ref)
    known = {**PA, "service_rate": "15", "service_id": service_id}
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_outcomes", "she pays her £18", **known))
    assert "utter_service_changed" not in out.responses
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")
    assert out.slots["requested_slot"] == "choice_check"
    asked = await run(AskChoiceCheck(), tracker({"plan_reference": plan_ref, **known, **out.slots}))
    said = asked.said("utter_confirm_service_change")
    assert said["new_value"] == "£18.00 an hour" and said["description"] == PA["service_description"]

    no = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref, **known, **out.slots}, "no", active_loop="services_form"),
    )
    assert no.responses == ["utter_service_left_as_it_was"] and no.slots["requested_slot"] == "service_outcomes"
    assert service.get_plan(plan_ref).services[0].weekly_cost == Decimal("105.00")

    yes = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref, **known, **out.slots}, "yes", active_loop="services_form"),
    )
    assert yes.said("utter_service_changed")["weekly_cost"] == "£126.00"
    assert yes.slots["requested_slot"] == "service_outcomes"


async def test_a_change_of_mind_naming_a_service_when_asked_what_to_add_changes_it_checked(plan_ref: str) -> None:
    """'actually the carers should be only 1 hour once a day' when asked what to add: a change to
    the carers, put back to the person, never a new service named with the sentence."""
    service.add_service(
        plan_ref, NewService("home_care_agency", "carers to help mum with meals", Decimal(14), Decimal(22), None)
    )
    text = "actually the carers should be only 1 hour once a day, we're over budget"
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_category", text))
    assert out.slots["requested_slot"] == "choice_check" and out.slots.get("service_category") is None
    assert out.slots["choice_check"]["args"]["new_value"] == "7 hours a week"
    yes = await run(
        ValidateServicesForm(),
        tracker({"plan_reference": plan_ref, **out.slots}, "yes", active_loop="services_form"),
    )
    (carers,) = service.get_plan(plan_ref).services
    assert carers.weekly_cost == Decimal("154.00") and yes.slots["requested_slot"] == "service_category"


def outcomes_form(ref: str, text: str, count: int):
    return tracker(
        {"plan_reference": ref, "outcome_count": count}, text, filled="outcome_text", active_loop="outcomes_form"
    )


async def test_removing_several_outcomes_by_number(plan_ref: str) -> None:
    service.add_outcome(plan_ref, "Have a bath safely")
    service.add_outcome(plan_ref, "Sleep through the night")
    out = await run(ValidateOutcomesForm(), outcomes_form(plan_ref, "remove number 2, 3 and 4", 4))
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["Get out to the shops"]
    assert out.slots["outcome_count"] == 1
    assert out.responses.count("utter_removed_outcome") == 3


async def test_removing_an_outcome_by_its_quoted_name(plan_ref: str) -> None:
    service.add_outcome(plan_ref, "something else")
    await run(ValidateOutcomesForm(), outcomes_form(plan_ref, "remove 'something else'", 3))
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["Get out to the shops", "See my grandchildren"]


@pytest.mark.parametrize("text", ["remove number 7", "remove number 2, 3, 4 and 5", "remove 'nothing like it'"])
async def test_a_removal_that_cannot_be_matched_is_asked_about_never_added(plan_ref: str, text: str) -> None:
    out = await run(ValidateOutcomesForm(), outcomes_form(plan_ref, text, 2))
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["Get out to the shops", "See my grandchildren"]
    assert "1. Get out to the shops" in out.said("utter_remove_which")["item_list"]
    assert out.slots["outcome_text"] is None


async def test_removing_every_outcome_keeps_them(plan_ref: str) -> None:
    out = await run(ValidateOutcomesForm(), outcomes_form(plan_ref, "remove 1 and 2", 2))
    assert len(service.get_plan(plan_ref).outcomes) == 2
    assert out.responses == ["utter_remove_last_outcome"]


@pytest.mark.parametrize("text", ["It is all", "thats al", "finish"])
async def test_finishing_words_end_the_outcomes_list(plan_ref: str, text: str) -> None:
    out = await run(ValidateOutcomesForm(), outcomes_form(plan_ref, text, 2))
    assert [o.text for o in service.get_plan(plan_ref).outcomes] == ["Get out to the shops", "See my grandchildren"]
    assert out.slots["requested_slot"] is None


async def test_an_outcome_that_starts_like_a_removal_is_still_an_outcome(plan_ref: str) -> None:
    await run(ValidateOutcomesForm(), outcomes_form(plan_ref, "get rid of the clutter in my house", 2))
    assert service.get_plan(plan_ref).outcomes[-1].text == "get rid of the clutter in my house"


@pytest.mark.parametrize(
    "text",
    [
        "I want a payment card instead of the direct payment",
        "I'd like to change how the money is managed. Council arranges the PA, and a payment card for the rest",
        "no I don't want to add support, I want to change the money management",
    ],
)
async def test_asking_to_change_the_money_at_the_summary_reopens_it(plan_ref: str, text: str) -> None:
    complete(plan_ref)
    out = await run(ValidateReviewForm(), review(plan_ref, text))
    assert out.slots["plan_confirmed"] == "change management"
    assert "utter_review_not_understood" not in out.responses


@pytest.mark.parametrize("text", ["go back to the summary", "skip", "cancel", "I don't want to add any support"])
async def test_leaving_the_add_support_question(plan_ref: str, text: str) -> None:
    with_pa(plan_ref)
    out = await run(ValidateServicesForm(), services_form(plan_ref, "service_category", text))
    assert out.slots["add_another_service"] == FINISHED
    assert len(service.get_plan(plan_ref).services) == 1


def test_a_new_cost_said_with_how_often_is_that_cost_each_time() -> None:
    """'change the cleaner to £50 a fortnight' was £50 a week, unchecked."""
    from actions.plan_changes import corrected_figures

    changes = corrected_figures({"money": "50.00", "frequency": "0.5"}, hourly=False)
    assert changes == {"weekly_cost": Decimal("25.00")}
    assert corrected_figures({"money": "50.00"}, hourly=False) == {"weekly_cost": Decimal("50.00")}
