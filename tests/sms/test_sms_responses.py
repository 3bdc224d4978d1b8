"""The domain's `channel: sms` response variations are what the SMS channel gets (Rasa picks
them by the output channel's name), and they are shorter than the web wording."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.segments import MAX_SEGMENTS, split
from bot.channels.sms import SmsOutput
from bot.config import PROJECT_ROOT

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain"))
SMS_VARIANTS = sorted(
    name for name, variations in DOMAIN.responses.items() if any(v.get("channel") == "sms" for v in variations)
)


async def generate(name: str, channel: str, slots: Optional[Dict[str, Any]] = None) -> str:
    tracker = DialogueStateTracker.from_dict("sms-test", [], DOMAIN.slots)
    for slot, value in (slots or {}).items():
        tracker.slots[slot].value = value
    message = await TemplatedNaturalLanguageGenerator(DOMAIN.responses).generate(
        name, tracker, channel, person_name="Sam", item_list="1. Get to the shops."
    )
    return message["text"]


def test_the_welcome_has_sms_wording() -> None:
    assert {"utter_welcome", "utter_data_use", "utter_which_outcomes"} <= set(SMS_VARIANTS)


@pytest.mark.parametrize("name", SMS_VARIANTS)
async def test_sms_gets_its_own_shorter_wording(name: str) -> None:
    slots = {"planned_by": "self"}
    by_sms = await generate(name, SmsOutput.name(), slots)
    on_the_web = await generate(name, "socketio", slots)
    assert len(by_sms) < len(on_the_web)
    assert len(split(by_sms).segments) < MAX_SEGMENTS


async def test_the_outcome_question_by_sms_does_not_list_them_twice() -> None:
    assert "Get to the shops" not in await generate("utter_which_outcomes", "sms", {"planned_by": "self"})
    assert "Sam's" in await generate("utter_which_outcomes", "sms", {"planned_by": "supporter"})
