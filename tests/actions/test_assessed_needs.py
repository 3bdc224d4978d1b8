"""The needs from the assessment in the services section (issue 15 item 3): each service is tied to
the needs it meets, asked only when the assessment is known; before the summary, each need nothing
meets yet is put to the person one at a time (add something, covered another way, or skip)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict

import pytest

from actions.assessed_needs import AskServiceNeeds, AskUnmetNeed
from actions.services import FINISHED, ValidateServicesForm
from bot.answers.trackers import domain, run, tracker
from bot.plans import service
from bot.plans.service import NewService
from bot.slot_names import CHOICE_CHECK

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

FORM = "services_form"
TAXI: Dict[str, Any] = {
    "service_category": "transport",
    "service_description": "a taxi to the shops",
    "service_cost": "20",
    "service_cost_period": "week",
    "service_id": 1,
}


def answer(plan_ref: str, slot: str, text: str, **slots: Any):
    return tracker({"plan_reference": plan_ref, **slots}, text, filled=slot, active_loop=FORM)


async def yes_to(check: Dict[str, Any], plan_ref: str, **slots: Any):
    """The person's yes to the check the form just put back."""
    known = {"plan_reference": plan_ref, **slots, CHOICE_CHECK: check, "requested_slot": CHOICE_CHECK}
    return await run(ValidateServicesForm(), tracker(known, "yes", active_loop=FORM))


@pytest.fixture
def taxi_ref(assessed_plan_ref: str) -> str:
    """The assessed plan with its first service, a taxi at £20 a week."""
    service.add_service(assessed_plan_ref, NewService("transport", "a taxi to the shops", None, None, Decimal(20)))
    return assessed_plan_ref


# --- which needs a service meets ------------------------------------------------------------


async def test_the_needs_are_asked_after_the_outcomes_when_the_assessment_is_known(taxi_ref: str) -> None:
    out = await run(ValidateServicesForm(), answer(taxi_ref, "service_outcomes", "1", **TAXI))
    assert out.slots["service_outcomes"] == "1"
    assert out.slots["requested_slot"] == "service_needs"


async def test_the_needs_are_not_asked_without_an_assessment(plan_ref: str) -> None:
    out = await run(ValidateServicesForm(), answer(plan_ref, "service_outcomes", "1", **TAXI))
    assert out.slots["requested_slot"] == "add_another_service"


async def test_the_needs_are_listed_by_their_plain_labels_with_a_button_each(taxi_ref: str) -> None:
    out = await run(AskServiceNeeds(), tracker({"plan_reference": taxi_ref, "planned_by": "self"}))
    (said,) = out.messages
    assert said["response"] == "utter_which_needs"
    assert said["item_list"] == "1. getting washed. 2. getting dressed. 3. getting out to local places."
    assert [b["payload"] for b in said["buttons"]] == ["1", "2", "3", "all", "none"]


@pytest.mark.parametrize(
    "reply, codes",
    [
        ("1 and 3", ("personal_hygiene", "community")),
        ("all of them", ("personal_hygiene", "dressing", "community")),
        ("2", ("dressing",)),
        ("none", ()),
        ("skip", ()),
    ],
)
async def test_numbers_all_and_none_are_recorded_at_once(taxi_ref: str, reply: str, codes: tuple) -> None:
    out = await run(ValidateServicesForm(), answer(taxi_ref, "service_needs", reply, **TAXI, service_outcomes="1"))
    assert out.slots["service_needs"] == (",".join(codes) or "none")
    (taxi,) = service.get_plan(taxi_ref).services
    assert taxi.need_codes == codes
    assert ("utter_service_needs_linked" in out.responses) is bool(codes)


async def test_needs_named_in_words_are_checked_before_they_are_recorded(taxi_ref: str) -> None:
    known = {**TAXI, "service_outcomes": "1"}
    out = await run(ValidateServicesForm(), answer(taxi_ref, "service_needs", "going out to the shops", **known))
    assert out.slots["service_needs"] is None
    assert out.slots["requested_slot"] == CHOICE_CHECK
    check = out.slots[CHOICE_CHECK]
    assert (check["code"], check["response"], check["args"]) == (
        "community",
        "utter_confirm_service_needs",
        {"needs": "getting out to local places"},
    )
    assert service.get_plan(taxi_ref).services[0].need_codes is None

    out = await yes_to(check, taxi_ref, **known)
    assert out.slots["service_needs"] == "community"
    assert service.get_plan(taxi_ref).services[0].need_codes == ("community",)


@pytest.mark.parametrize(
    "reply, codes, said",
    [
        ("a bit of all of them really", ("personal_hygiene", "dressing", "community"), None),
        ("i dont think any", (), "none of them"),
    ],
)
async def test_a_hedged_needs_reply_is_checked_before_it_is_recorded(taxi_ref: str, reply: str, codes, said) -> None:
    known = {**TAXI, "service_outcomes": "1"}
    out = await run(ValidateServicesForm(), answer(taxi_ref, "service_needs", reply, **known))
    check = out.slots[CHOICE_CHECK]
    assert (check["code"], check["response"]) == (",".join(codes), "utter_confirm_service_needs")
    assert said is None or check["args"]["needs"] == said
    assert service.get_plan(taxi_ref).services[0].need_codes is None

    out = await yes_to(check, taxi_ref, **known)
    assert out.slots["service_needs"] == (",".join(codes) or "none")
    assert service.get_plan(taxi_ref).services[0].need_codes == codes


async def test_an_unreadable_answer_about_needs_records_nothing(taxi_ref: str) -> None:
    out = await run(
        ValidateServicesForm(), answer(taxi_ref, "service_needs", "hmm maybe", **TAXI, service_outcomes="1")
    )
    assert out.responses == ["utter_service_needs_not_understood"]
    assert out.slots["service_needs"] is None
    assert service.get_plan(taxi_ref).services[0].need_codes is None


# --- needs nothing meets yet, before the summary --------------------------------------------


async def test_finishing_with_needs_unmet_asks_about_each_and_keeps_the_section_open(taxi_ref: str) -> None:
    service.link_service_needs(taxi_ref, 1, ["community"])
    out = await run(ValidateServicesForm(), answer(taxi_ref, "add_another_service", "no", **TAXI))
    assert out.slots["add_another_service"] == FINISHED
    assert out.slots["unmet_needs_left"] == ["personal_hygiene", "dressing"]
    assert out.slots["requested_slot"] == "unmet_need"
    assert not service.get_plan(taxi_ref).services_complete


async def test_finishing_with_every_need_met_completes_the_section(taxi_ref: str) -> None:
    service.link_service_needs(taxi_ref, 1, ["personal_hygiene", "dressing", "community"])
    out = await run(ValidateServicesForm(), answer(taxi_ref, "add_another_service", "no", **TAXI))
    assert out.slots.get("unmet_needs_left") is None
    assert out.slots["requested_slot"] is None
    assert service.get_plan(taxi_ref).services_complete


@pytest.mark.parametrize("planned_by, name", [("self", None), ("supporter", "Priya")])
async def test_an_unmet_need_is_asked_about_kindly_by_its_label(taxi_ref: str, planned_by: str, name: Any) -> None:
    slots = {"plan_reference": taxi_ref, "planned_by": planned_by, "person_name": name}
    out = await run(AskUnmetNeed(), tracker({**slots, "unmet_needs_left": ["personal_hygiene", "dressing"]}))
    said = out.said("utter_ask_unmet_need")
    assert (said["need"], said["person_name"]) == ("getting washed", name)
    variants = domain()["responses"]["utter_ask_unmet_need"]
    assert variants[0]["text"].startswith("Nothing in your plan helps with {need} yet.")
    assert variants[1]["text"].startswith("Nothing in {person_name}'s plan helps with {need} yet.")
    assert [b["payload"] for b in variants[0]["buttons"]] == ["add something", "covered another way", "skip"]


def _unmet(taxi_ref: str, text: str, left: list, **slots: Any):
    return answer(taxi_ref, "unmet_need", text, add_another_service=FINISHED, unmet_needs_left=left, **slots)


async def test_covered_another_way_is_recorded_and_the_next_need_asked(taxi_ref: str) -> None:
    out = await run(ValidateServicesForm(), _unmet(taxi_ref, "covered another way", ["personal_hygiene", "dressing"]))
    assert out.said("utter_need_met_elsewhere")["need"] == "getting washed"
    assert out.slots["unmet_needs_left"] == ["dressing"]
    assert out.slots["requested_slot"] == "unmet_need"
    plan = service.get_plan(taxi_ref)
    assert plan.needs_met_elsewhere == ("personal_hygiene",)
    assert not plan.services_complete

    out = await run(ValidateServicesForm(), _unmet(taxi_ref, "my family help with that", ["dressing"]))
    assert out.slots["unmet_needs_left"] is None
    assert out.slots["requested_slot"] is None
    plan = service.get_plan(taxi_ref)
    assert plan.needs_met_elsewhere == ("personal_hygiene", "dressing")
    assert plan.services_complete


async def test_add_something_goes_back_to_the_kind_of_support(taxi_ref: str) -> None:
    out = await run(ValidateServicesForm(), _unmet(taxi_ref, "add something", ["personal_hygiene"], **TAXI))
    assert out.said("utter_add_for_need")["need"] == "getting washed"
    assert out.slots["add_another_service"] is None and out.slots["unmet_needs_left"] is None
    assert out.slots["requested_slot"] == "service_category"
    assert service.get_plan(taxi_ref).needs_met_elsewhere == ()


async def test_a_need_can_be_skipped_and_stays_unmet(taxi_ref: str) -> None:
    out = await run(ValidateServicesForm(), _unmet(taxi_ref, "skip", ["personal_hygiene", "dressing"]))
    assert "utter_need_skipped" in out.responses
    assert out.slots["unmet_needs_left"] == ["dressing"]
    assert out.slots["requested_slot"] == "unmet_need"
    assert "personal_hygiene" in service.get_plan(taxi_ref).unmet_needs


async def test_a_bare_no_is_checked_not_taken(taxi_ref: str) -> None:
    out = await run(ValidateServicesForm(), _unmet(taxi_ref, "no", ["personal_hygiene"]))
    assert out.slots["requested_slot"] == CHOICE_CHECK
    assert out.slots[CHOICE_CHECK]["code"] == "elsewhere"
    assert service.get_plan(taxi_ref).needs_met_elsewhere == ()


async def test_three_unusable_answers_pause_the_question_and_lose_nothing(taxi_ref: str) -> None:
    slots: Dict[str, Any] = {}
    for _ in range(3):
        out = await run(ValidateServicesForm(), _unmet(taxi_ref, "hm", ["personal_hygiene"], **slots))
        slots["failed_attempts"] = out.slots["failed_attempts"]
    assert out.slots["paused"] is True
    assert "utter_stuck_skippable" in out.responses
    assert out.slots.get("unmet_needs_left", ["personal_hygiene"]) == ["personal_hygiene"]
    assert len(service.get_plan(taxi_ref).services) == 1
