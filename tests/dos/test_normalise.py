"""Pathological messages are tidied before spaCy sees them, so parsing one costs work bounded by
the few tokens that are left (issue 18 item 3). Speed figures are in `make bench`, not here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.parsing.money import parse_money
from bot.parsing.normalise import collapse_runs
from bot.parsing.pipeline import analyse

LONG = 4000

#: every kind of input that made spaCy's tokenizer split one character at a time
PATHOLOGICAL = {
    "exclamation marks": "!" * LONG,
    "spaces": " " * LONG,
    "pound signs": "£" * LONG,
    "digits": "1" * LONG,
    "one long word": "a" * 1000,
    "full stops": "." * LONG,
    "emoji": "\N{GRINNING FACE}" * LONG,
    "new lines": "\n" * LONG,
    "mixed punctuation": "!?." * (LONG // 3),
    "mixed symbols": "£$%^&*()" * (LONG // 8),
    "punctuation after a figure": "£15 an hour" + "!" * LONG,
}


@pytest.mark.parametrize(
    "text", ["", "hello", "£15 an hour!!!", "3/4/1956", "wait...", "  two  spaces", "a__b", "1111"]
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert collapse_runs(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("!!!!", "!!! "),
        ("no!!!!!!", "no!!!   "),
        ("££££££5", "£££   5"),
        ("hmm......", "hmm...   "),
        ("a" * 10 + "!!!!" + "?" * 5, "a" * 10 + "!!! " + "???  "),
        ("\N{GRINNING FACE}" * 5, "\N{GRINNING FACE}" * 3 + "  "),
    ],
)
def test_long_runs_of_one_symbol_are_cut_to_three(text: str, expected: str) -> None:
    """The rest of a run becomes spaces, so every character keeps its place: entity offsets still
    point into the person's own text."""
    assert collapse_runs(text) == expected
    assert len(collapse_runs(text)) == len(text)


def test_long_runs_of_mixed_symbols_are_cut_too() -> None:
    assert collapse_runs("!?.!?.!?.!?.") == "!?.!?.!?    "
    assert collapse_runs("(£15)") == "(£15)"


def test_letters_and_digits_are_never_touched() -> None:
    assert collapse_runs("a" * 1000) == "a" * 1000
    assert collapse_runs("1" * 50) == "1" * 50


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_messages_leave_few_tokens(name: str) -> None:
    """Before the fix '!' * 4000 made 4000 tokens (about 3 s of spaCy); the work is now bounded."""
    text = PATHOLOGICAL[name]
    for _ in range(3):  # a loop, as a person could send it again and again (analyse caches only exact repeats)
        analyse.cache_clear()
        doc = analyse(text)
        assert len(doc) <= 10, f"{name}: {len(doc)} tokens"


def test_figures_are_still_read_beside_long_runs() -> None:
    assert parse_money("£15!!!!!!!!!!!!!!!!") is not None
    assert parse_money("!!!!!!!!!!!!!!!!!!!! £15 an hour").amount == Decimal("15")
    doc = analyse("!!!!!!!!!! £15 an hour")
    (money,) = doc.spans["money"]
    assert "!!!!!!!!!! £15 an hour"[money.start_char : money.end_char] == "£15"
