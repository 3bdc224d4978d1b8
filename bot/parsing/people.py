"""Who is helping with a plan, from their own words ('Sam, her son', "I'm Jo, his daughter",
'her neighbour Priya'): a name and how they know the person; and whether a person says they find
it hard to understand, remember or decide things (Care Act s.67: an independent advocate)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.parsing.relations import CLOSE_RELATIVES, PARTNERS

#: how else a helper may know the person
OTHER_RELATIONS = (
    "friend",
    "best friend",
    "neighbour",
    "neighbor",
    "carer",
    "unpaid carer",
    "support worker",
    "advocate",
    "niece",
    "nephew",
    "cousin",
    "godson",
    "goddaughter",
    "stepmum",
    "stepdad",
    "grandpa",
    "next of kin",
    "attorney",
    "deputy",
)
_RELATIONS = sorted(PARTNERS + CLOSE_RELATIVES + OTHER_RELATIONS, key=len, reverse=True)
_RELATION = re.compile(
    r"\b(?:(?:i'?m|i am|am)\s+)?(?:(?:his|her|their|the|my|a|an)\s+)?(?:own\s+)?("
    + "|".join(re.escape(word) for word in _RELATIONS)
    + r")s?\b",
    re.IGNORECASE,
)
#: words that are never a name
_NOT_NAMES = {
    "i",
    "im",
    "i'm",
    "am",
    "my",
    "name",
    "is",
    "it's",
    "its",
    "and",
    "the",
    "her",
    "his",
    "their",
    "a",
    "an",
    "called",
    "me",
    "hi",
    "hello",
    "yes",
    "ok",
    "of",
    "to",
    "for",
    "know",
    "them",
    "him",
    "she",
    "he",
    "they",
    "just",
    "from",
    "this",
    "here",
    "so",
    "well",
    "friend",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
MAX_NAME_WORDS = 3


@dataclass(frozen=True)
class Helper:
    name: Optional[str]
    relationship: Optional[str]


def _name_in(text: str) -> Optional[str]:
    """The name in what is left once the relationship is taken out: capitalised words first
    ('Sam', 'Mary Jones'), else the first word that is not an everyday word."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _NOT_NAMES]
    capitalised = [w for w in words if w[0].isupper()]
    chosen = capitalised or [word.capitalize() for word in words[:1]]
    return " ".join(chosen[:MAX_NAME_WORDS]) or None


def helper_named(text: str) -> Helper:
    """The helper's name and relationship, either None when not said."""
    found = _RELATION.search(text or "")
    if found is None:
        return Helper(_name_in(text or ""), None)
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    return Helper(_name_in(rest), found.group(1).lower())


_FINDS_IT_HARD = re.compile(
    r"\b(?:confus\w*|muddl\w*|baffl\w*|overwhelm\w*|lost track|(?:i|me)\s+(?:\w+\s+)?forget\w*|forgetful"
    r"|memory (?:problems?|loss|is (?:bad|poor|not)|isn'?t)|dementia|alzheimer'?s?|brain fog"
    r"|(?:hard|difficult|struggle|struggling|trouble|can'?t|cannot|can not|don'?t|do not|not able to|unable to)"
    r"\s+(?:\w+\s+){0,3}?(?:understand\w*|follow\w*|remember\w*|decide\w*|take (?:it|this|things) in|make (?:up )?my mind"
    r"|make decisions|keep up|get my head round))",
    re.IGNORECASE,
)


def finds_it_hard(text: str) -> bool:
    """The person says they find it hard to understand, remember or decide things."""
    return bool(_FINDS_IT_HARD.search(text or ""))


__all__ = ["Helper", "finds_it_hard", "helper_named"]
