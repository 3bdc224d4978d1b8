"""Rasa's own log events never carry what a person typed (issue 18, item 6)."""
from __future__ import annotations

from rasa.utils.log_utils import _anonymizer

from bot.rasa_plugins import log_redaction


def test_message_text_in_rasa_log_events_is_hidden() -> None:
    event = {"event": "rest.message.received.failure", "text": "I'm Helen Walsh, PB-100239", "sender_id": "x"}
    log_redaction.install()
    log_redaction.install()  # twice is the same as once
    redacted = _anonymizer(None, "error", dict(event))  # type: ignore[arg-type]
    assert redacted["text"] == log_redaction.HIDDEN and redacted["sender_id"] == "x"
    assert _anonymizer(None, "debug", {"user_text": "Helen", "slot_values": {"name": "Helen"}}) == {  # type: ignore[arg-type]
        "user_text": log_redaction.HIDDEN, "slot_values": log_redaction.HIDDEN}


def test_the_rasa_server_installs_it() -> None:
    import inspect

    from bot import rasa_server

    assert "log_redaction.install()" in inspect.getsource(rasa_server.main)
