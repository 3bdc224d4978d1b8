"""Number words to digits, once, for every parser: 'two and a half hours' → '2.5 hours',
'an hour' → '1 hour', 'twenty pounds' → '20 pounds'. Uses word2number for whole numbers."""
from __future__ import annotations

import re
from decimal import Decimal

from word2number import w2n

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million"
).split()
_NUMBER_WORD = r"(?:%s)" % "|".join(_UNITS)
_RUN = re.compile(rf"\b{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*\b", re.IGNORECASE)
_FRACTIONS = (
    (re.compile(r"\b(\d+(?:\.\d+)?)\s+and\s+(?:a\s+)?half\b", re.I), lambda m: str(Decimal(m.group(1)) + Decimal("0.5"))),
    (re.compile(r"\b(\d+(?:\.\d+)?)\s+and\s+(?:a\s+)?quarter\b", re.I), lambda m: str(Decimal(m.group(1)) + Decimal("0.25"))),
    (re.compile(r"\b(\d+(?:\.\d+)?)\s+and\s+three\s+quarters\b", re.I), lambda m: str(Decimal(m.group(1)) + Decimal("0.75"))),
    (re.compile(r"\b(?:a\s+)?half\s+(?:an?\s+)?(hour|hr)\b", re.I), lambda m: "0.5 hour"),
    (re.compile(r"\b(?:a\s+)?quarter\s+of\s+an?\s+(hour|hr)\b", re.I), lambda m: "0.25 hour"),
    (re.compile(r"\b(?:an|a|one)\s+(hour|hr)\b", re.I), lambda m: "1 hour"),
    (re.compile(r"\ban?\s+(hour|hr)\s+and\s+a\s+half\b", re.I), lambda m: "1.5 hour"),
)


def _run_to_digits(match: re.Match) -> str:
    words = match.group(0)
    try:
        return str(w2n.word_to_num(words.replace("-", " ")))
    except ValueError:
        return words


def words_to_digits(text: str) -> str:
    text = text.replace("’", "'")
    text = re.sub(r"\ban?\s+(hour|hr)\s+and\s+a\s+half\b", "1.5 hour", text, flags=re.I)
    text = _RUN.sub(_run_to_digits, text)
    for pattern, replace in _FRACTIONS:
        text = pattern.sub(replace, text)
    return text


def to_decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def plain(value: Decimal, places: str = "0.01") -> Decimal:
    """Rounded, without trailing zeros or an exponent: 500, 2.5, 0.230769."""
    return Decimal(format(value.quantize(Decimal(places)).normalize(), "f"))
