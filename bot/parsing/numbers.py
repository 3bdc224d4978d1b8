"""Numbers as people type them, read in one place for every parser.

Digits ('15', '1,200', '15.50', '2½'), words ('twenty five', 'two hundred and fifty' — whole
numbers through word2number), fractions ('a half', 'quarter', 'three quarters', 'two and a half',
'6 and a quarter'), 'a couple of', ordinals ('3rd', 'third', 'twenty-first') and a sign ('-20',
'minus 20'). The reader works on a list of lower-cased words so the spaCy pipeline (which merges
each number into one token) and the plain-text parsers (choices) share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Optional, Sequence, Union

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}
#: scale words read after a figure: 'grand' only there ('2 grand'; 'a grand' is money slang)
DIGIT_SCALES = {**SCALES, "grand": 1000}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
HALF, QUARTER = Decimal("0.5"), Decimal("0.25")
FRACTIONS = {"half": HALF, "halves": HALF, "quarter": QUARTER, "quarters": QUARTER}
VULGAR = {"½": HALF, "¼": QUARTER, "¾": Decimal("0.75")}
SIGN_WORDS = frozenset({"minus", "negative"})
SIGN_MARKS = frozenset({"-", "−", "–"})
ARTICLES = frozenset({"a", "an"})
COUNTS = {"couple": 2, "dozen": 12}

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_DIGITS_VULGAR = re.compile(r"^(\d*)([½¼¾])$")
_WHOLE_WORDS = {**UNITS, **TEENS, **TENS}
MAX_DIGITS = 16


@dataclass(frozen=True)
class Reading:
    """A number read from words[start:end]: its value, and whether it was an ordinal ('3rd')."""

    value: Decimal
    start: int
    end: int
    ordinal: bool = False


def to_decimal(text: str) -> Decimal:
    """'1,200' → Decimal('1200'); '15.50' → Decimal('15.50')."""
    return Decimal(text.replace(",", ""))


def plain(value: Decimal, places: str = "0.01") -> Decimal:
    """Rounded to `places`, without trailing zeros or an exponent: 500, 2.5, 0.230769."""
    return Decimal(format(value.quantize(Decimal(places)).normalize(), "f"))


def exact_text(value: Union[Fraction, Decimal, int]) -> str:
    """A worked-out count (hours or times a week) as a slot holds it, exactly: '2.5', '30/13' (10
    hours a month). `Fraction(text)` reads either back, so a cost worked from it is rounded once."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    if rest == 1:  # a decimal that ends
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return f"{value.numerator}/{value.denominator}"


def to_places(value: Union[Fraction, Decimal, int], places: str = "0.01") -> str:
    """An exact count for the person to read, rounded half up, no trailing zeros: '2.31', '7'."""
    exact = Fraction(value)
    rounded = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal(places), ROUND_HALF_UP)
    return format(rounded.normalize(), "f")


def _digits(word: str) -> Optional[Decimal]:
    if len(word) > MAX_DIGITS:  # not a figure anyone means (and too long to round to pence)
        return None
    if _DIGITS.match(word):
        return to_decimal(word)
    match = _DIGITS_VULGAR.match(word)
    if match:
        return Decimal(match.group(1) or 0) + VULGAR[match.group(2)]
    return None


def _may_follow(previous: str, word: str) -> bool:
    """Whether `word` carries on the number that `previous` is part of ('twenty' 'five' does;
    'nineteen' 'fifty' does not: that is two numbers, as in a year)."""
    if word in SCALES:
        return previous not in SCALES or SCALES[word] > SCALES[previous]
    if previous in SCALES or previous == "and":
        return word in _WHOLE_WORDS
    return previous in TENS and word in UNITS and word != "zero"


def _words(words: Sequence[str], start: int) -> Optional[Reading]:
    """A whole number in words from words[start], or an ordinal ('twenty first', 'third')."""
    taken: list = []
    i = start
    if words[i] in ARTICLES and i + 1 < len(words) and words[i + 1] in SCALES:  # 'a hundred'
        taken.append("one")
        i += 1
    while i < len(words):
        word = words[i]
        if taken and word in ("-", "and") and i + 1 < len(words):
            following = words[i + 1]
            carries = (word == "-" and taken[-1] in TENS and (following in UNITS or following in ORDINAL_WORDS)) or (
                word == "and" and taken[-1] in SCALES and following in _WHOLE_WORDS
            )
            if carries:
                i += 1
                continue
            break
        if word in ORDINAL_WORDS and ORDINAL_WORDS[word] < 10 and taken and taken[-1] in TENS:
            tens = _whole(taken)
            if tens is not None:
                return Reading(Decimal(tens + ORDINAL_WORDS[word]), start, i + 1, ordinal=True)
        if word not in _WHOLE_WORDS and (word not in SCALES or not taken):
            break
        if word == "one" and _is_one_off(words, i + 1):  # 'nine hundred one off' is 900, paid once
            break
        if taken and not _may_follow(taken[-1], word):
            break
        taken.append(word)
        i += 1
    if not taken:
        if words[start] in ORDINAL_WORDS:
            return Reading(Decimal(ORDINAL_WORDS[words[start]]), start, start + 1, ordinal=True)
        return None
    value = _whole(taken)
    return Reading(Decimal(value), start, i) if value is not None else None


def _whole(words: Sequence[str]) -> Optional[int]:
    """word2number's reading of a run of number words; None for a run it cannot read. Imported here:
    the web app (its own environment, without word2number) imports the plan service, which imports
    this package for bot/parsing/relations.py, but never reads numbers."""
    from word2number import w2n

    if "million" in words[1:]:  # word2number reads 'one million two hundred thousand' as 1201200
        at = words.index("million")
        millions, rest = _whole(words[:at]), _whole(words[at + 1 :]) if at + 1 < len(words) else 0
        return None if millions is None or rest is None else millions * 1000000 + rest
    try:
        return int(w2n.word_to_num(" ".join(words)))
    except (ValueError, IndexError):
        return None


def _is_one_off(words: Sequence[str], after: int) -> bool:
    rest = [w for w in words[after : after + 2] if w != "-"]
    return bool(rest) and rest[0] == "off"


def _fraction(words: Sequence[str], start: int) -> Optional[Reading]:
    """'a half', 'half', 'a quarter', 'three quarters', 'a couple of', 'a dozen'."""
    i = start + 1 if words[start] in ARTICLES else start
    if i >= len(words):
        return None
    word = words[i]
    if word in ("half", "quarter"):
        return Reading(FRACTIONS[word], start, i + 1)
    if word in COUNTS:
        end = i + 2 if i + 1 < len(words) and words[i + 1] == "of" else i + 1
        return Reading(Decimal(COUNTS[word]), start, end)
    if i == start and word in UNITS and i + 1 < len(words) and words[i + 1] in ("quarters", "halves"):
        return Reading(UNITS[word] * FRACTIONS[words[i + 1]], start, i + 2)
    return None


def _and_a_fraction(words: Sequence[str], start: int) -> Optional[Reading]:
    """'and a half', 'and half', 'and a quarter', 'and three quarters' after a whole number ('n' and
    '&' for 'and', as texts write it: '1 n half')."""
    if start + 1 >= len(words) or words[start] not in ("and", "n", "&"):
        return None
    part = _fraction(words, start + 1)
    if part is None or part.value >= 1:
        return None
    return Reading(part.value, start, part.end)


def read_number(words: Sequence[str], start: int, spaced: Optional[Sequence[bool]] = None) -> Optional[Reading]:
    """The number that starts at words[start], if one does.

    `words` are lower-cased tokens; `spaced[i]` says whether whitespace follows words[i] (so '3rd'
    split into '3', 'rd' reads as an ordinal and '-20' as negative, while '3 - 4' is not)."""
    spaced = spaced if spaced is not None else [True] * len(words)
    sign = 1
    i = start
    word = words[i]
    if word in SIGN_WORDS and i + 1 < len(words):
        sign, i = -1, i + 1
    elif (
        word in SIGN_MARKS
        and not spaced[i]
        and i + 1 < len(words)
        and _digits(words[i + 1]) is not None
        and (i == 0 or spaced[i - 1])
    ):
        sign, i = -1, i + 1
    value = _digits(words[i])
    if value is not None:
        end = i + 1
        if end < len(words) and words[end] in ORDINAL_SUFFIXES and not spaced[i] and value == value.to_integral():
            return Reading(value, start, end + 1, ordinal=True) if sign == 1 else None
        if end < len(words) and words[end] in VULGAR and not spaced[i]:
            value, end = value + VULGAR[words[end]], end + 1
        if end < len(words) and words[end] in DIGIT_SCALES:  # '2 hundred', '1.5 thousand', '3 grand'
            scale = DIGIT_SCALES[words[end]]
            value, end = value * scale, end + 1
            rest = read_number(words, end + 1, spaced) if end + 1 < len(words) and words[end] == "and" else None
            if rest is not None and 0 < rest.value < scale:  # '2 hundred and 50'
                value, end = value + rest.value, rest.end
        reading = Reading(value, start, end)
    else:
        found = _fraction(words, i) or _words(words, i)
        if found is None:
            return None
        if found.ordinal:
            return found if sign == 1 else None
        reading = Reading(found.value, start, found.end)
    if reading.value == reading.value.to_integral():
        tail = _and_a_fraction(words, reading.end)
        if tail is not None:
            reading = Reading(reading.value + tail.value, start, tail.end)
    return Reading(sign * reading.value, start, reading.end)


def number_in(text: str) -> Optional[Decimal]:
    """The first number in a short plain text ('number two' → 2, 'option 3' → 3), or None."""
    words = re.findall(r"[\w½¼¾.,]+|-", (text or "").lower())
    words = [w.strip(".,") or w for w in words]
    for i in range(len(words)):
        reading = read_number(words, i)
        if reading is not None:
            return reading.value
    return None


__all__ = ["Reading", "exact_text", "number_in", "plain", "read_number", "to_decimal", "to_places"]
