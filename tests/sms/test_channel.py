"""The SMS webhook handler against a real database, with a stand-in for the assistant: signature
checks, MessageSid retries (also concurrent), STOP/START/HELP, numbered choices, MORE and the
hashed conversation id."""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Dict, List
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from bot.channels import texts
from bot.channels.numbers import conversation_id
from bot.channels.segments import MORE_PROMPT, fits, split
from bot.channels.sms import PERSON_REFERENCE_KEY
from bot.channels.texts import help_text
from bot.config import Settings
from bot.readability import MIN_READING_EASE, reading_ease
from tests.support.sms_handler import (
    PHONE,
    PUBLIC,
    SETTINGS,
    TOKEN,
    URL,
    Assistant,
    FakeRequest,
    messages,
    request,
    run,
    send,
)

WHO = [
    {"title": "I am, for myself", "payload": "I am planning for myself"},
    {"title": "I'm helping someone", "payload": "I am helping someone else"},
]


@pytest.fixture
def assistant(demo_person: str) -> Assistant:
    return Assistant()


def test_a_signed_message_reaches_the_conversation_of_the_hashed_number(assistant: Assistant) -> None:
    response = run(send(assistant, request("hello")))
    assert response.status == 200 and response.content_type.startswith("text/xml")
    assert messages(response) == ["You said hello"]
    (message,) = assistant.received
    assert message.sender_id == conversation_id(PHONE, SETTINGS.sms_number_key) and PHONE not in message.sender_id
    assert message.input_channel == "sms"
    assert message.metadata[PERSON_REFERENCE_KEY] == "PB-100234"


def test_unknown_numbers_get_no_reference(assistant: Assistant) -> None:
    run(send(assistant, request("hello", phone="+447700900999")))
    assert PERSON_REFERENCE_KEY not in assistant.received[0].metadata


@pytest.mark.parametrize(
    "make",
    [
        lambda: request("hello", sign=False),
        lambda: request("hello", token="forged-token"),
    ],
)
def test_forged_or_missing_signatures_get_403_and_reach_nothing(assistant: Assistant, make: Callable) -> None:
    response = run(send(assistant, make()))
    assert response.status == 403
    assert assistant.received == []


def test_without_an_auth_token_every_request_is_refused(assistant: Assistant) -> None:
    unset = Settings.from_env({"SMS_PUBLIC_URL": PUBLIC})
    assert run(send(assistant, request("hello"), unset)).status == 403
    assert assistant.received == []


def test_a_missing_sender_is_a_400(assistant: Assistant) -> None:
    params = {"Body": "hi", "MessageSid": "SMx"}
    req = FakeRequest(
        urlencode(params).encode(), {"X-Twilio-Signature": RequestValidator(TOKEN).compute_signature(URL, params)}
    )
    assert run(send(assistant, req)).status == 400


def test_a_retried_message_sid_gets_the_same_reply_once(assistant: Assistant) -> None:
    first = run(send(assistant, request("hello", sid="SM-retry")))
    again = run(send(assistant, request("hello", sid="SM-retry")))
    assert again.body == first.body
    assert len(assistant.received) == 1


def test_concurrent_retries_reach_the_assistant_once(demo_person: str) -> None:
    slow = Assistant(delay=0.5)

    async def both():
        return await asyncio.gather(send(slow, request("hi", sid="SM-same")), send(slow, request("hi", sid="SM-same")))

    first, second = run(both())
    assert first.body == second.body and messages(first) == ["You said hi"]
    assert len(slow.received) == 1


def test_a_failure_lets_the_retry_try_again(demo_person: str) -> None:
    def broken(text: str) -> List[Dict[str, Any]]:
        raise RuntimeError("the assistant is down")

    with pytest.raises(RuntimeError):
        run(send(Assistant(answer=broken), request("hi", sid="SM-fails")))
    working = Assistant()
    assert messages(run(send(working, request("hi", sid="SM-fails")))) == ["You said hi"]


def test_stop_silences_the_number_until_start(assistant: Assistant) -> None:
    (confirmation,) = messages(run(send(assistant, request("  Stop "))))
    assert "START" in confirmation
    assert messages(run(send(assistant, request("STOP")))) == []
    assert messages(run(send(assistant, request("hello")))) == []
    assert assistant.received == []
    # HELP is answered even while stopped, as carriers expect; it starts nothing.
    assert "0300 000 1111" in " ".join(messages(run(send(assistant, request("help")))))
    assert messages(run(send(assistant, request("start"))))
    assert messages(run(send(assistant, request("hello again")))) == ["You said hello again"]
    assert [m.text for m in assistant.received] == ["hello again"]


def test_stop_from_one_number_leaves_others_alone(assistant: Assistant) -> None:
    run(send(assistant, request("STOP")))
    assert messages(run(send(assistant, request("hi", phone="+447700900124")))) == ["You said hi"]


def test_help_gives_the_councils_number(assistant: Assistant) -> None:
    reply = " ".join(messages(run(send(assistant, request(" HELP ")))))
    assert "0300 000 1111" in reply and "STOP" in reply
    assert assistant.received == []


@pytest.mark.parametrize(
    "text", [help_text(SETTINGS), texts.STOPPED, texts.STARTED, texts.NO_TEXT, texts.NOTHING_MORE, MORE_PROMPT]
)
def test_the_channels_own_texts_are_plain_english_and_one_segment_or_two(text: str) -> None:
    assert reading_ease(text) >= MIN_READING_EASE
    assert len(split(text).segments) <= 2


def test_buttons_are_numbered_and_a_number_picks_the_payload(demo_person: str) -> None:
    assistant = Assistant(answer=lambda text: [{"text": "Who is making this plan today?", "buttons": WHO}])
    reply = "\n".join(messages(run(send(assistant, request("hi")))))
    assert "Reply 1 for I am, for myself" in reply and "Reply 2 for I'm helping someone" in reply
    run(send(assistant, request(" 2 ")))
    run(send(assistant, request("two")))
    run(send(assistant, request("I'm helping someone")))
    assert [m.text for m in assistant.received[1:]] == ["I am helping someone else"] * 3


def test_a_number_without_choices_is_passed_on(assistant: Assistant) -> None:
    run(send(assistant, request("1")))
    assert assistant.received[0].text == "1"


def test_a_long_reply_is_three_segments_and_more_sends_the_rest(demo_person: str) -> None:
    long_text = " ".join(f"Line {n} costs £1,250.50 a month." for n in range(40))
    assistant = Assistant(answer=lambda text: [{"text": long_text}])
    first = messages(run(send(assistant, request("summary please"))))
    assert len(first) == 3 and all(fits(m) for m in first) and first[-1].endswith(MORE_PROMPT)
    sent = list(first)
    while sent[-1].endswith(MORE_PROMPT):
        sent += messages(run(send(assistant, request(" more "))))
    words = " ".join(sent).replace(MORE_PROMPT, " ").split()
    assert words == long_text.split()
    assert len(assistant.received) == 1


def test_more_with_nothing_waiting_is_not_an_answer(assistant: Assistant) -> None:
    """'MORE' when the last reply was whole is answered by the channel, never recorded as an outcome."""
    reply = messages(run(send(assistant, request("MORE"))))
    assert reply == [texts.NOTHING_MORE] and assistant.received == []


def test_a_1000_character_message_and_non_latin_text_pass_through(assistant: Assistant) -> None:
    """1,000 characters is the cap of every channel (bot/channels/limits.py; tests/dos for longer)."""
    long_message = ("Chcę sam robić zakupy. میں اپنے گھر میں رہنا چاہتا ہوں 🙂 " * 40)[:1000]
    reply = messages(run(send(assistant, request(long_message))))
    assert assistant.received[0].text == long_message.strip()
    assert 1 <= len(reply) <= 3 and all(fits(m) for m in reply)


def test_an_empty_message_gets_a_kind_answer(assistant: Assistant) -> None:
    (reply,) = messages(run(send(assistant, request("   "))))
    assert "type" in reply
    assert assistant.received == []


def test_a_number_only_picks_a_choice_the_person_has_seen(demo_person: str) -> None:
    question = "Please check your plan. " * 25 + "Is this right?"
    assistant = Assistant(answer=lambda text: [{"text": question, "buttons": WHO}])
    first = messages(run(send(assistant, request("hi"))))
    assert first[-1].endswith(MORE_PROMPT) and "Reply 1 for" not in " ".join(first)
    run(send(assistant, request("1")))
    assert assistant.received[-1].text == "1"


def test_the_first_messages_from_a_number_at_once_are_all_answered(demo_person: str) -> None:
    assistant = Assistant(delay=0.1)

    async def many():
        return await asyncio.gather(*(send(assistant, request(f"hi {n}", phone="+447700900555")) for n in range(4)))

    assert all(r.status == 200 for r in run(many()))
    assert len(assistant.received) == 4
