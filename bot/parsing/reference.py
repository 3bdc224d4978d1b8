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


def extract_reference(text: str) -> Optional[str]:
    """The reference in `text`, or None. When several could be, the one with most digits wins."""
    text = text or ""
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
