"""STOP, START, HELP and MORE in any case, with spaces, and only as the whole message."""

from __future__ import annotations

import pytest

from bot.channels.keywords import Keyword, keyword


@pytest.mark.parametrize(
    "body, expected",
    [
        ("STOP", Keyword.STOP),
        ("  stop ", Keyword.STOP),
        ("Stop.", Keyword.STOP),
        ("UNSUBSCRIBE", Keyword.STOP),
        ("cancel", Keyword.STOP),
        ("Quit", Keyword.STOP),
        ("start", Keyword.START),
        (" START\n", Keyword.START),
        ("Unstop", Keyword.START),
        ("help", Keyword.HELP),
        ("  HeLp ", Keyword.HELP),
        ("more", Keyword.MORE),
    ],
)
def test_keywords_are_read_in_any_case(body: str, expected: Keyword) -> None:
    assert keyword(body) is expected


@pytest.mark.parametrize("body", ["stop the taxi", "please help me with the form", "I want more hours", "", "starting"])
def test_words_inside_an_answer_are_not_keywords(body: str) -> None:
    assert keyword(body) is None
