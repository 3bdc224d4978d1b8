"""A maintained list of phrases that show risk of harm, abuse, neglect, self-harm or crisis.

Checked on every message next to the NLU intent: a match is answered with signposting at once.
Patterns are deliberately broad (a false alarm costs a kind message; a miss could cost a life).
Add a phrase here with a test in tests/test_safety_phrases.py."""
from __future__ import annotations

import re
from typing import Iterable, Pattern

_RISK_PATTERNS = (
    # self-harm and suicide
    r"\b(kill|hurt|harm|cut)(ing)?\s+my\s?self\b",
    r"\bend(ing)?\s+(it\s+all|my\s+life|things)\b",
    r"\bsuicid",
    r"\bself[\s-]?harm",
    r"\b(don'?t|do\s+not|dont)\s+want\s+to\s+(be\s+here|live|go\s+on|wake\s+up|be\s+alive)",
    r"\bwant\s+to\s+die\b",
    r"\bbetter\s+off\s+(dead|without\s+me)\b",
    r"\bno\s+(point|reason)\s+(in\s+)?(living|going\s+on)\b",
    r"\boverdose",
    r"\b(can'?t|cannot)\s+go\s+on\b",
    # violence and abuse
    r"\b(hits?|hitting|hit|beats?|beating|punch(es|ed|ing)?|kick(s|ed|ing)?|slap(s|ped|ping)?|push(es|ed)|shov(es|ed)|chok(es|ed|ing)|strangl\w*)\s+me\b",
    r"\b(hurts?|hurting|hurt)\s+me\b",
    r"\bthreaten(s|ed|ing)?\s+(me|to)\b",
    r"\b(abus(e|es|ed|ing|ive))\b",
    r"\b(scared|afraid|frightened|terrified)\s+(of\s+(him|her|them|he|she|my\s+\w+|some\s?(one|body)|people|being\s+(hurt|hit)|what\s+(he|she|they))|to\s+go\s+home)\b",
    r"\b(not|don'?t\s+feel)\s+safe\b",
    r"\bin\s+danger\b",
    r"\b(touch(es|ed|ing)?)\s+me\s+(where|when|and)\b",
    r"\block(s|ed)?\s+me\s+(in|out|up)\b",
    # financial abuse
    r"\b(takes?|took|taking|steal(s|ing)?|stole|keeps?|kept)\s+(all\s+)?my\s+(money|pension|benefits|card|cash|bank)",
    r"\bmaking\s+me\s+(give|pay|sign)\b",
    # neglect and crisis
    r"\bno\s?one\s+(has\s+)?(been|come|came|turned\s+up|visited)\b.*\b(days|week)",
    r"\b(nobody|no\s?one)\s+(comes|visits|helps|has\s+helped)\b",
    r"\b(haven'?t|have\s+not|not)\s+(eaten|had\s+(any\s+)?food|had\s+anything\s+to\s+eat)\b",
    r"\b(no|without)\s+(food|heating|water)\b.*\b(days|week)",
    r"\b(fallen|fell)\b.*\b(can'?t|cannot|couldn'?t)\s+(get\s+up|move)\b",
    r"\bleft\s+(me\s+)?(alone\s+)?(in\s+my\s+own\s+mess|soiled|wet|dirty)\b",
    r"\bneglect",
)

_PERSON_PATTERNS = (
    r"\b(talk|speak|chat)\s+(to|with)\s+(a|an|some|my|the)?\s*(one|body|person|human|real|social\s+worker|advis[oe]r|worker|someone|somebody|sum1)",
    r"\b(talk|speak)\s+to\s+(some\s?one|some\s?body|sum1)\b",
    r"\b(real|actual)\s+person\b",
    r"\bhuman\s+(being|please)\b",
)


def _compile(patterns: Iterable[str]) -> Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_RISK = _compile(_RISK_PATTERNS)
_PERSON = _compile(_PERSON_PATTERNS)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def shows_risk(text: str) -> bool:
    return bool(_RISK.search(_normalise(text)))


def asks_for_person(text: str) -> bool:
    return bool(_PERSON.search(_normalise(text)))
