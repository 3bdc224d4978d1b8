"""A person reference inside a sentence: letters and digits, perhaps with spaces or hyphens, with
at least one digit and 5 to 20 characters ('pb-100234', 'PB 100 234', '100234'). Never a date or
an amount of money (the pipeline's date and money spans rule those out)."""

from __future__ import annotations

import re
from typing import Optional

from bot.parsing.pipeline import MONTHS, analyse

MIN_LENGTH, MAX_LENGTH = 5, 20
_CHUNK = r"[A-Za-z]*\d[A-Za-z\d]*"
_CANDIDATE = re.compile(
    rf"(?<![\w£$€/.:,'-])(?:([A-Za-z]{{1,5}})(-|\s))?({_CHUNK}(?:[\s-]{_CHUNK})*)(?![\w£/:]|[.,]\d)"
)
#: words that can stand just before the number ('it is 100234', 'ref 100234') but are not part of it
NOT_A_PREFIX = frozenset(
    {
        "is",
        "its",
        "it's",
        "it",
        "my",
        "ref",
        "refs",
        "no",
        "the",
        "was",
        "a",
        "num",
        "nr",
        "and",
        "number",
        "be",
        "me",
        "id",
        "to",
        "of",
        "on",
        "at",
        "in",
        "for",
        "by",
        "am",
        "are",
        "i",
        "im",
        "use",
        "try",
        "ok",
        "yes",
        "yeah",
        "code",
        "hi",
        "hello",
        "dob",
        "born",
        "from",
        "about",
        "x",
        "quid",
        "gbp",
        "hours",
        "hrs",
        "hr",
        "or",
        "then",
        "now",
        "nhs",
        "with",
        "here",
        "there",
        "has",
        "had",
    }
    | {m[:3] for m in MONTHS}
    | set(MONTHS)
    | {"sept"}
)


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_DIGIT_WORD = "(?:" + "|".join(_DIGIT_WORDS) + ")"
#: digits said one by one, as voice typing writes them ('one zero zero two three six')
_SPOKEN_DIGITS = re.compile(rf"\b{_DIGIT_WORD}(?:[\s,-]+{_DIGIT_WORD}){{3,}}\b", re.IGNORECASE)
#: letters said one by one before the digits ('P B 100236')
_SPOKEN_LETTERS = re.compile(r"\b([A-Za-z])\s+([A-Za-z])\s+(?=\d)")


def _as_typed(text: str) -> str:
    """A reference said aloud and voice-typed, as it would be typed: 'P B one zero zero two three
    six' → 'PB 100236'."""
    digits = _SPOKEN_DIGITS.sub(
        lambda m: "".join(_DIGIT_WORDS[w.lower()] for w in re.findall(r"[a-z]+", m.group(), re.I)), text
    )
    return _SPOKEN_LETTERS.sub(r"\1\2 ", digits)


def extract_reference(text: str) -> Optional[str]:
    """The reference in `text`, or None. When several could be, the one with most digits wins.
    A reference voice-typed as words ('P B one zero zero two three six') is read as typed."""
    text = _as_typed(text or "")
    candidates = []
    for match in _CANDIDATE.finditer(text):
        prefix, joiner, body = match.group(1), match.group(2), match.group(3)
        start = match.start(3)
        attachable = sum(ch.isdigit() for ch in body) >= 3 and (joiner == "-" or len(prefix or "") <= 4)
        if prefix and prefix.lower() not in NOT_A_PREFIX and attachable:
            start = match.start(1)
        reference = text[start : match.end(3)]
        length = len(re.sub(r"[\s-]", "", reference))
        if MIN_LENGTH <= length <= MAX_LENGTH:
            candidates.append((start, match.end(3), reference))
    if not candidates:
        return None
    doc = analyse(text)
    taken = [(s.start_char, s.end_char) for group in ("date", "money") for s in doc.spans[group]]
    kept = [c for c in candidates if not any(c[0] < end and start < c[1] for start, end in taken)]
    if not kept:
        return None
    return max(kept, key=lambda c: (sum(ch.isdigit() for ch in c[2]), -c[0]))[2]


#: a run of five or more digits with what is joined to it (a reference), left out when reading a
#: date said in the same message
_LONG_NUMBER = re.compile(r"\S*\d{5,}\S*")
#: a date said to be the date of birth
_BIRTH_WORDS = re.compile(r"\b(?:born|birthday|birth|dob|d\.o\.b)\b", re.IGNORECASE)


def birth_date_beside_reference(text: str) -> Optional[str]:
    """What a message giving the reference says of the date of birth ('PB-100234, and his birthday
    is 3rd April 1956' → 'and his birthday is 3rd April 1956'), for the date reader; None when the
    rest is not said to be one (a date with other words: 'assessed on 3/5/2024')."""
    rest = _LONG_NUMBER.sub(" ", text or "")
    return rest if _BIRTH_WORDS.search(rest) or len(rest.split()) <= 3 else None


__all__ = ["birth_date_beside_reference", "extract_reference"]
