"""Who is being paid, when a service names a relative ("my wife", "our son Tom"): the word for them
and whether regulation 3 of the Direct Payments Regulations 2014 treats them as a partner (never
paid from a direct payment without the council agreeing it is necessary, wherever they live) or a
close relative (the same, when they live in the same household)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

PARTNERS = (
    "wife",
    "husband",
    "spouse",
    "civil partner",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "other half",
)
#: regulation 3's close relatives (and the everyday words for them)
CLOSE_RELATIVES = (
    "mother",
    "mum",
    "mom",
    "mam",
    "father",
    "dad",
    "parent",
    "son",
    "daughter",
    "stepson",
    "stepdaughter",
    "step-son",
    "step-daughter",
    "brother",
    "sister",
    "aunt",
    "auntie",
    "aunty",
    "uncle",
    "grandmother",
    "grandfather",
    "grandma",
    "grandad",
    "granddad",
    "gran",
    "nan",
    "nana",
    "grandson",
    "granddaughter",
    "son-in-law",
    "daughter-in-law",
    "mother-in-law",
    "father-in-law",
)
_WORDS = sorted(PARTNERS + CLOSE_RELATIVES, key=len, reverse=True)
_RELATION = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:own\s+)?(" + "|".join(re.escape(word) for word in _WORDS) + r")s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relation:
    word: str
    partner: bool


def relation_named(text: str) -> Optional[Relation]:
    """The first relative named with a possessive ("my daughter"), or None."""
    found = _RELATION.search(text or "")
    if found is None:
        return None
    word = found.group(1).lower()
    return Relation(word, word in PARTNERS)
