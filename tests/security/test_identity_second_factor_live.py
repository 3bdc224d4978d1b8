"""The second factor through the real servers (IDENTITY_SECOND_FACTOR=sms): the right reference and
date of birth alone no longer show the budget; without a phone on file, or when the text cannot be
sent (no SMS sending set up here), the person is told kindly to call the council."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.support.chat import Chat, expect
from tests.support.ports import SECOND_FACTOR
from tests.support.servers import Servers, launch

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = launch(
        Path(tmp_path_factory.mktemp("second-factor")) / "supportplan.db",
        SECOND_FACTOR,
        with_web=False,
        IDENTITY_SECOND_FACTOR="sms",
    )
    try:
        yield running
    finally:
        running.stack.stop()


def check(reference: str, born: str) -> str:
    chat = Chat(SECOND_FACTOR.rasa)
    chat.say("hi")
    chat.say("myself")
    chat.say(reference)
    return chat.say(born)


def test_no_phone_on_file_means_calling_the_council(servers: Servers) -> None:
    reply = check("PB-100237", "30/7/1939")  # Margaret O'Brien has no phone on file
    expect(reply, "no mobile number", servers.settings.council_phone)
    assert "£" not in reply and "Margaret" not in reply


def test_a_code_that_cannot_be_sent_means_calling_the_council(servers: Servers) -> None:
    reply = check("PB-100234", "3/4/1956")
    expect(reply, "couldn't send the text", servers.settings.council_phone)
    assert "£" not in reply and "Sam" not in reply
