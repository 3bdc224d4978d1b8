"""'Start this part again' is recognised by a plain function over words: the same messages as the
old regular expression, which took quadratic time on long punctuation (issue 18 item 3)."""

from __future__ import annotations

import itertools
import re
import time

import pytest

from actions.detours import asks_to_start_again

#: the old pattern, kept here only to show the new function matches what it matched
OLD_START_AGAIN = re.compile(
    r"^\W*(?:(?:can|could) (?:we|i) |let'?s |please |i (?:want|need|would like|'d like) to )?(?:start|begin|do)"
    r"(?: this| that| the)?(?: (?:bit|part|section|question))? (?:again|over|afresh|from the (?:start|beginning))\W*(?:please)?\W*$",
    re.IGNORECASE,
)

OPENINGS = ("", "can we ", "could I ", "let's ", "lets ", "please ", "i want to ", "I need to ", "i would like to ")
CORES = ("start", "begin", "do", "start this", "begin that bit", "do the part", "start section", "Start This Question")
ENDINGS = ("again", "over", "afresh", "from the start", "from the beginning")
PUNCTUATION = ("", "!", "?", ".", " please", ", please!", " please.", "...please", "  ")
LEADING = ("", "  ", "...", "- ")

SAID = [
    lead + opening + core + " " + ending + tail
    for lead, opening, core, ending, tail in itertools.product(LEADING, OPENINGS, CORES, ENDINGS, PUNCTUATION)
]

#: other messages, each matched (or not) as before
OTHERS = [
    "",
    "please",
    "start",
    "again",
    "start again again",
    "start again please please",
    "I want to start again with a carer",
    "do this again next week",
    "start the bit again",
    "restart",
    "we start over",
    "can you start again",
    "start again and again",
    "could we maybe start again",
    "start_again",
    "_start again",
    "start a new plan",
    "start again" + "!" * 50 + "x",
    "start again please thanks",
]


@pytest.mark.parametrize("text", SAID[::97] + OTHERS)
def test_the_same_messages_as_the_old_pattern(text: str) -> None:
    assert asks_to_start_again(text) == bool(OLD_START_AGAIN.match(text))


def test_every_phrase_the_old_pattern_matched() -> None:
    assert all(OLD_START_AGAIN.match(text) for text in SAID)
    assert [text for text in SAID if not asks_to_start_again(text)] == []


def test_id_like_to_start_again_is_understood_now() -> None:
    """The old pattern wanted "i 'd like to" (with a space), so "I'd like to start again" was missed."""
    assert asks_to_start_again("I'd like to start again please")


def test_long_punctuation_takes_linear_time() -> None:
    """A generous guard: the old pattern took several seconds on this (quadratic), the function
    milliseconds. Figures are in `make bench`."""
    text = "start again" + "!" * 30_000 + "x"
    started = time.perf_counter()
    assert not asks_to_start_again(text)
    assert time.perf_counter() - started < 1.0
