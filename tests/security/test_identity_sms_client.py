"""The SMS channel puts the client key (a keyed hash of the phone number, never the number) in
the message metadata, so identity checks are limited per phone as well as per reference."""

from __future__ import annotations

from bot.channels.metadata import CLIENT_KEY, client_key_for
from bot.channels.sms import PERSON_REFERENCE_KEY
from tests.support.sms_handler import PHONE, SETTINGS, Assistant, request, run, send


def test_each_message_carries_the_hashed_number_as_its_client_key(demo_person: str) -> None:
    assistant = Assistant()
    run(send(assistant, request("hello")))
    run(send(assistant, request("hello", phone="+447700900999")))
    known, unknown = (message.metadata for message in assistant.received)
    assert known == {PERSON_REFERENCE_KEY: "PB-100234", CLIENT_KEY: client_key_for(PHONE, SETTINGS.secret_key)}
    assert unknown == {CLIENT_KEY: client_key_for("+447700900999", SETTINGS.secret_key)}
    assert PHONE not in str(known) and known[CLIENT_KEY] != unknown[CLIENT_KEY]
