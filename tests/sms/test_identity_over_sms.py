"""Over SMS the phone number stands in for the reference (DESIGN §6.2): the identity form asks
only the date of birth when the SMS channel found the person by their number."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.identity import ValidateIdentityForm
from bot.answers.trackers import domain, run, tracker
from tests.support.trackers import over

FORM = "identity_form"


async def test_after_who_is_planning_only_the_date_of_birth_is_asked(demo_person: str) -> None:
    out = await run(
        ValidateIdentityForm(), over("sms", tracker(text="1 just me", filled="planned_by", active_loop=FORM))
    )
    assert out.slots["planned_by"] == "self"
    assert out.slots["requested_slot"] == "date_of_birth"


async def test_the_date_of_birth_is_checked_against_the_phones_person(demo_person: str) -> None:
    t = over("sms", tracker({"planned_by": "self"}, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    out = await run(ValidateIdentityForm(), t)
    assert out.slots["verified"] is True
    assert out.slots["person_reference"] == "PB-100234" and out.slots["person_name"] == "Sam"


async def test_a_wrong_date_asks_the_date_again_not_the_reference(demo_person: str) -> None:
    t = over("sms", tracker({"planned_by": "self"}, "4/4/1956", filled="date_of_birth", active_loop=FORM))
    out = await run(ValidateIdentityForm(), t)
    assert out.responses == ["utter_identity_no_match"]
    assert out.slots["identity_failures"] == 1
    assert out.slots["requested_slot"] == "date_of_birth"


async def test_without_a_known_number_the_reference_is_asked(demo_person: str) -> None:
    slots = ["planned_by", "person_reference", "date_of_birth"]
    form = ValidateIdentityForm()
    unknown = over("sms", tracker(text="just me", filled="planned_by", active_loop=FORM), None)
    known = over("sms", tracker(text="just me", filled="planned_by", active_loop=FORM))
    assert await form.required_slots(slots, CollectingDispatcher(), unknown, domain()) == slots
    assert await form.required_slots(slots, CollectingDispatcher(), known, domain()) == ["planned_by", "date_of_birth"]


async def test_the_metadata_means_nothing_on_other_channels(demo_person: str) -> None:
    t = over("socketio", tracker({"planned_by": "self"}, "3/4/1956", filled="date_of_birth", active_loop=FORM))
    out = await run(ValidateIdentityForm(), t)
    assert "verified" not in out.slots
    assert out.responses == ["utter_identity_no_match"]
