"""The person's copy (issue 15 item 7): after sending, asked how they want it (download on the chat
page only; post or email anywhere), recorded and confirmed."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.plan import ActionNextSection
from actions.plan_copy import WEB_CHANNEL, AskCopyRoute, ValidateCopyForm
from bot.answers.trackers import run, tracker
from bot.plans import service
from bot.rasa_plugins.relay import CHANNEL
from tests.support.plans import VERIFIED, complete_plan
from tests.support.trackers import over

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)


def answer(plan_ref: str, text: str, channel: str = "rest") -> Tracker:
    t = tracker({**VERIFIED, "plan_reference": plan_ref}, text, filled="copy_route", active_loop="copy_form")
    return over(channel, t, reference=None)


async def test_after_sending_the_person_is_asked_how_they_want_their_copy(demo) -> None:
    ref = complete_plan()

    out = await run(
        ActionNextSection(),
        tracker({**VERIFIED, "plan_reference": ref, "plan_confirmed": "yes"}, latest_action="review_form"),
    )

    assert out.responses == ["utter_plan_submitted"]
    assert out.slots["current_section"] == "copy"
    assert service.get_plan(ref).status == "submitted"


async def test_once_the_copy_is_asked_for_the_conversation_waits(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)
    service.set_copy_route(ref, "post")

    out = await run(ActionNextSection(), tracker({**VERIFIED, "plan_reference": ref}, latest_action="copy_form"))

    assert out.slots["current_section"] == "submitted"


@pytest.mark.parametrize(
    "channel, response", [(WEB_CHANNEL, "utter_ask_copy_route_web"), ("sms", "utter_ask_copy_route")]
)
async def test_download_is_offered_on_the_chat_page_only(demo, channel: str, response: str) -> None:
    out = await run(AskCopyRoute(), over(channel, tracker(VERIFIED, "yes send it"), reference=None))
    assert out.responses == [response]


async def test_by_post_is_recorded_and_confirmed(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)

    out = await run(ValidateCopyForm(), answer(ref, "by post please"))

    assert out.responses == ["utter_copy_post"]
    assert out.slots["copy_route"] == "post"
    assert service.get_plan(ref).copy_route == "post"


async def test_on_the_chat_page_it_can_be_downloaded_from_the_plan_link(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)

    out = await run(ValidateCopyForm(), answer(ref, "download it now", channel=WEB_CHANNEL))

    assert out.said("utter_copy_download")["document_url"] == f"/plans/{ref}"
    assert service.get_plan(ref).copy_route == "download"


async def test_over_sms_the_numbers_are_post_and_email_and_download_is_not_offered(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)

    out = await run(ValidateCopyForm(), answer(ref, "2", channel="sms"))
    assert service.get_plan(ref).copy_route == "email"

    out = await run(ValidateCopyForm(), answer(ref, "download", channel="sms"))
    assert out.responses == ["utter_copy_route_not_understood"]


def test_the_chat_pages_channel_is_the_relays() -> None:
    assert WEB_CHANNEL == CHANNEL


async def test_mail_alone_is_asked_about_and_not_counted_as_a_failed_answer(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)

    out = await run(ValidateCopyForm(), answer(ref, "mail"))

    assert out.responses == ["utter_copy_route_which_mail"]
    assert out.slots["copy_route"] is None and not out.slots.get("failed_attempts")
    assert service.get_plan(ref).copy_route is None


async def test_a_way_chosen_in_words_is_an_answer_even_when_it_sounds_like_saving_for_later(demo) -> None:
    ref = complete_plan()
    service.submit_plan(ref)
    t = answer(ref, "download it, I'll save it onto my laptop", channel=WEB_CHANNEL)
    t.latest_message["intent"] = {"name": "save_for_later", "confidence": 0.95}

    out = await run(ValidateCopyForm(), t)

    assert "utter_paused" not in out.responses
    assert service.get_plan(ref).copy_route == "download"
