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


#: the one typing is the one paid ("me as her PA", "paying me to look after mum")
_HELPER_PAID = re.compile(
    r"\b(?:me|myself)\s+(?:as|to be|to (?:care|look|help))\b|\bpay(?:ing|s)?\s+me\b|"
    r"\bi(?:'ll| will| am|'m)?\s+(?:be|being)\s+(?:her|his|their|the)\b|\bme,?\s+(?:her|his|their)\s+\w+\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relation:
    word: str
    partner: bool
    #: whose relative: 'my', 'our', 'his', 'her' or 'their', as said
    owner: str = "my"


def relation_named(text: str) -> Optional[Relation]:
    """The first relative named with a possessive ("my daughter"), or None."""
    found = _RELATION.search(text or "")
    if found is None:
        return None
    word = found.group(1).lower()
    return Relation(word, word in PARTNERS, found.group(0).split()[0].lower())


def helper_paid(text: str) -> bool:
    """A helper describing support they are paid for themselves ("me as her PA")."""
    return bool(_HELPER_PAID.search(text or ""))


def the_persons_partner(description: str, planned_by: Optional[str]) -> bool:
    """The one paid is the person's own spouse or partner, paid only if the council agrees wherever
    they live: 'my wife' said by the person, 'her husband' by a helper. A helper's own partner
    ('my husband' from a daughter) is the person's relative by marriage, a close relative under
    regulation 3, so where they live is asked as for any relative."""
    named = relation_named(description)
    return named is not None and named.partner and not (planned_by == "supporter" and named.owner == "my")
