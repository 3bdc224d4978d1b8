"""Splitting replies into SMS segments: GSM-7 160 / UCS-2 70, whole words, at most 3, MORE."""

from __future__ import annotations

import random
import re

import pytest

from bot.channels.segments import (
    GSM_LIMIT,
    MAX_SEGMENTS,
    MORE_PROMPT,
    UCS2_LIMIT,
    cost,
    fits,
    is_gsm,
    plain,
    split,
    utf16_units,
)

SENTENCE = "Your budget is £1,250.50 a month. That is £288.58 a week to plan with. "


def words_of(*texts: str) -> list:
    return " ".join(texts).replace(MORE_PROMPT, " ").split()


def test_gsm_text_is_counted_in_septets_and_extension_characters_count_twice() -> None:
    assert is_gsm("£250.00 a week @ home_Ñ")
    assert cost("a" * 10) == (10, GSM_LIMIT)
    assert cost("€5 [x]") == (6 + 3, GSM_LIMIT)  # six characters; €, [ and ] take two septets each
    assert fits("€" * 80) and not fits("€" * 81)


def test_text_outside_gsm_is_counted_in_utf16_units() -> None:
    assert not is_gsm("Zażółć gęślą jaźń")
    assert cost("دن") == (2, UCS2_LIMIT)
    assert utf16_units("🙂") == 2 and cost("🙂" * 35) == (70, UCS2_LIMIT)
    assert fits("🙂" * 35) and not fits("🙂" * 36)


def test_typographic_quotes_and_dashes_become_gsm() -> None:
    assert plain("It’s “fine” –\treally…") == 'It\'s "fine" - really...'
    assert split("It’s fine").segments == ["It's fine"]


def test_a_short_reply_is_one_segment_unchanged() -> None:
    assert split("Hello Sam.").segments == ["Hello Sam."]
    assert split("").segments == [] and split("").rest is None


@pytest.mark.parametrize("unit", [SENTENCE, "میں اپنے گھر میں محفوظ رہنا چاہتا ہوں۔ ", "Chcę sam robić zakupy 🙂. "])
def test_every_segment_fits_and_no_word_or_money_figure_is_cut(unit: str) -> None:
    text = unit * 12
    parts = split(text)
    assert len(parts.segments) == MAX_SEGMENTS
    assert all(fits(segment) for segment in parts.segments)
    assert parts.segments[-1].endswith(MORE_PROMPT)
    assert parts.rest
    assert words_of(*parts.segments, parts.rest) == text.split()


def test_money_figures_survive_whole_in_random_replies() -> None:
    rng = random.Random(7)
    vocabulary = ["support", "a", "week", "£1,250.50", "£13,000.00", "hours", "Zażółć", "🙂", "€20", "and"]
    for _ in range(200):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 120)))
        parts = split(text)
        assert len(parts.segments) <= MAX_SEGMENTS
        assert all(fits(s) for s in parts.segments)
        sent = words_of(*parts.segments, parts.rest or "")
        assert sent == text.split()
        assert all(re.fullmatch(r"£[\d,]+\.\d\d", w) for w in sent if w.startswith("£"))


def test_a_long_reply_is_sent_in_parts_with_more() -> None:
    text = SENTENCE * 20
    first = split(text)
    second = split(first.rest)
    assert second.rest is not None
    rest = split(second.rest)
    while rest.rest:
        rest = split(rest.rest)
    assert not rest.segments[-1].endswith(MORE_PROMPT)


def test_a_word_longer_than_a_segment_is_the_only_thing_cut() -> None:
    parts = split("x" * 200 + " end")
    assert parts.segments[0] == "x" * GSM_LIMIT
    assert parts.segments[1] == "x" * 40 + " end"


def test_segments_prefer_to_end_at_a_sentence() -> None:
    parts = split(SENTENCE * 4)
    assert all(s.endswith(".") for s in parts.segments[:-1])


def test_segments_prefer_to_end_at_a_line_end() -> None:
    lines = [
        "Reply 1 for Direct payment: paid to me to arrange support",
        "Reply 2 for Payment card: a prepaid card",
        "Reply 3 for The council arranges it",
        "Reply 4 for A provider holds it (ISF)",
    ]
    parts = split("\n".join(lines))
    assert parts.segments == ["\n".join(lines[:3]), lines[3]]
