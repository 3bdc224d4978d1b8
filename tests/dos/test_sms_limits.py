"""The SMS channel's message cap and rate limit (issue 18 item 3), on its webhook handler with a
stand-in assistant and a real database: a long text or a flood gets a kind reply (a flood: once,
not one per text), reaches no conversation, and STOP still works."""

from __future__ import annotations

import secrets

from bot.channels import texts
from bot.channels.limits import TOO_LONG, TOO_MANY
from bot.config import Settings
from tests.support.sms_handler import PUBLIC, TOKEN, Assistant, messages, request, run, send

FLOODER = "+447700900321"


def settings() -> Settings:
    return Settings.from_env(
        {
            "SMS_AUTH_TOKEN": TOKEN,
            "SMS_PUBLIC_URL": PUBLIC,
            "SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32),
            "SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE": "3",
        }
    )


def test_a_text_over_1000_characters_gets_a_kind_reply_and_reaches_nothing(database: str) -> None:
    assistant, config = Assistant(), settings()
    assert messages(run(send(assistant, request("a" * 1001, phone=FLOODER), config))) == [TOO_LONG]
    assert assistant.received == []
    run(send(assistant, request("a" * 1000, phone=FLOODER), config))
    assert len(assistant.received) == 1


def test_a_flood_of_texts_gets_one_reply_not_one_per_text(database: str) -> None:
    assistant, config = Assistant(), settings()
    replies = [messages(run(send(assistant, request(f"hi {n}", phone=FLOODER), config))) for n in range(8)]
    assert all(reply and reply[0].startswith("You said") for reply in replies[:3])
    assert replies[3] == [TOO_MANY]
    assert replies[4:] == [[]] * 4  # no reply at all: each would cost the council a text
    assert len(assistant.received) == 3
    assert messages(run(send(assistant, request("STOP", phone=FLOODER), config))) == [texts.STOPPED]  # still understood
    assert len(assistant.received) == 3


def test_other_numbers_are_not_held_up_by_a_flood(database: str) -> None:
    assistant, config = Assistant(), settings()
    for n in range(5):
        run(send(assistant, request(f"hi {n}", phone=FLOODER), config))
    assert messages(run(send(assistant, request("hello", phone="+447700900654"), config)))[0].startswith("You said")
