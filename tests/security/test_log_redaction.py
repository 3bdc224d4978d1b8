"""Rasa's own log events never carry what a person typed (issue 18, item 6)."""

from __future__ import annotations

import inspect
import io
import logging

import rasa.utils.log_utils
import structlog

from bot import rasa_server
from bot.rasa_plugins import log_redaction, patches


def test_rasa_logs_no_message_text_once_installed() -> None:
    original = rasa.utils.log_utils._anonymizer
    captured = io.StringIO()
    handler = logging.StreamHandler(captured)
    try:
        log_redaction.install()
        rasa.utils.log_utils.configure_structlog(logging.INFO)
        logging.getLogger().addHandler(handler)
        structlog.get_logger().error("rest.message.received.failure", text="I'm Helen Walsh, PB-100239", sender_id="x")
    finally:
        logging.getLogger().removeHandler(handler)
        rasa.utils.log_utils._anonymizer = original
        structlog.reset_defaults()
    logged = captured.getvalue()
    assert "rest.message.received.failure" in logged, "nothing was logged: the test would prove nothing"
    assert "Helen" not in logged and log_redaction.HIDDEN in logged


def test_the_rasa_server_installs_it_before_rasa_starts() -> None:
    """It is one of the patches, which the entry point installs before Rasa's main (tests/test_rasa_patches.py)."""
    assert "log_redaction" in patches.PATCHES
    source = inspect.getsource(rasa_server.main)
    assert source.index("patches.install_all()") < source.index("rasa_main()")
