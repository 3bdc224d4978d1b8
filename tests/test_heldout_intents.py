"""The held-out intent figures (bot/nlu/heldout_intents.py): recall on an intent's messages and
false starts on the messages that must not be read as it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict

from bot.nlu.heldout_intents import figures, heard, misses, read_messages

MESSAGES = [
    ("can we look at my plan again", "start_review"),
    ("review pls", "start_review"),
    ("i got ur text", "start_review"),
    ("hello", "other"),
    ("i want to start my plan", "other"),
]


async def parse(text: str) -> Dict[str, Any]:
    intent = {"review pls": "start_review", "can we look at my plan again": "start_review"}.get(text, "greet")
    if text == "i want to start my plan":
        intent = "start_review"
    return {"intent": {"name": intent}}


def test_recall_and_false_starts_are_counted_per_intent() -> None:
    predicted = asyncio.run(heard(parse, MESSAGES))
    assert figures(MESSAGES, predicted) == [
        "start_review: heard 2 of 3 (66.7%); other messages heard as it: 1 of 2 (50.0%)"
    ]
    assert misses(MESSAGES, predicted) == [
        "    start_review <- greet: i got ur text",
        "           other <- start_review: i want to start my plan",
    ]


def test_the_file_is_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text('message,expected\n"yes, lets do it",start_review\nhi, other\n', encoding="utf-8")
    assert read_messages(path) == [("yes, lets do it", "start_review"), ("hi", "other")]
