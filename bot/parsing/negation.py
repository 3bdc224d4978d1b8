"""Words that rule a choice out when said just before it ('not the council', "don't want a card",
'no day centre'), in one place for the readers of choices."""

from __future__ import annotations

import re

#: a ruling-out word and the small words that may come between it and the choice, at the end of a text
RULED_OUT_BEFORE = re.compile(
    r"(?:\bnot|\bno|n'?t (?:have|want|use|do|need|like|check|read|open)|\bdon'?t|\bdo not|\bdont|\bhaven'?t got|"
    r"\bwithout|\bnever|\brather not|\binstead of|\brather than)\s+"
    r"(?:(?:by|an?|any|the|got|do|use|have|want|on|in|into|via|through|from|to|my|me|it|that|this|with|going|go|"
    r"send|sending|check|read|open)\s+)*$",
    re.IGNORECASE,
)
#: how far back a ruling-out word may stand
LOOK_BACK = 25


def ruled_out_at(text: str, start: int) -> bool:
    """Whether the words just before `start` in `text` rule out what is said there."""
    return bool(RULED_OUT_BEFORE.search(text[max(0, start - LOOK_BACK) : start]))


__all__ = ["LOOK_BACK", "RULED_OUT_BEFORE", "ruled_out_at"]
