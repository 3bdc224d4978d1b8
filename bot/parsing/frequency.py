"""How often, as times per week: 'twice a week' → 2, 'every other Tuesday' → 0.5,
'monthly' → 12/52, 'each morning' → 7, 'weekdays' → 5, 'morning and evening' → 14."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from bot.parsing.numbers import plain, words_to_digits

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?"
_MONTHLY = Decimal(12) / Decimal(52)
_PLACES = "0.000001"

_COUNT = r"(?:(once|twice|thrice)|(\d+(?:\.\d+)?)\s*(?:x|times?)(?:\s+(?:a|per|each|every))?)"
_UNIT = r"(day|night|morning|evening|week|wk|fortnight|month)"
_TIMES_PER = re.compile(rf"{_COUNT}\s*(?:a|per|each|every|/)?\s*{_UNIT}\b", re.I)
_DAYS_PER_WEEK = re.compile(r"(\d+(?:\.\d+)?)\s*(?:days?|nights?|mornings?|evenings?|sessions?|visits?)\s*(?:a|per|each|every|/)\s*(week|wk|fortnight|month)\b", re.I)

_WORD_COUNT = {"once": 1, "twice": 2, "thrice": 3}
_PER_UNIT = {"day": Decimal(7), "night": Decimal(7), "morning": Decimal(7), "evening": Decimal(7),
             "week": Decimal(1), "wk": Decimal(1), "fortnight": Decimal("0.5"), "month": _MONTHLY}
_FIXED = (
    (re.compile(r"\bevery\s+(?:other|2nd|second)\s+(?:week|" + _DAY + r")\b|\bfortnightly\b|\bevery\s+2\s+weeks\b|\bonce\s+a\s+fortnight\b", re.I), Decimal("0.5")),
    (re.compile(r"\b(?:morning|mornings)\s+and\s+(?:evening|evenings|night|nights)\b|\btwice\s+(?:a|per|each)\s+day\b", re.I), Decimal(14)),
    (re.compile(r"\bweekdays?\b|\bmonday\s+to\s+friday\b|\bmon\s*-\s*fri\b|\bworking\s+days\b", re.I), Decimal(5)),
    (re.compile(r"\bweekends?\b", re.I), Decimal(2)),
    (re.compile(r"\b(?:every|each|a|per)\s+(?:day|morning|evening|night)\b|\bdaily\b|\bnightly\b|\b7\s+days\b", re.I), Decimal(7)),
    (re.compile(r"\bmonthly\b|\b(?:a|per|each|every)\s+month\b", re.I), _MONTHLY),
    (re.compile(r"\bweekly\b|\b(?:a|per|each|every)\s+(?:week|wk)\b", re.I), Decimal(1)),
)
_NAMED_DAYS = re.compile(rf"\b{_DAY}\b", re.I)


def _named_days(text: str) -> int:
    found = {m.group(0).lower()[:3] for m in _NAMED_DAYS.finditer(text)}
    return len(found)


def parse_frequency(text: str) -> Optional[Decimal]:
    normal = words_to_digits(text or "")
    match = _TIMES_PER.search(normal)
    if match:
        count = Decimal(_WORD_COUNT[match.group(1).lower()]) if match.group(1) else Decimal(match.group(2))
        return plain(count * _PER_UNIT[match.group(3).lower()], _PLACES)
    match = _DAYS_PER_WEEK.search(normal)
    if match:
        return plain(Decimal(match.group(1)) * _PER_UNIT[match.group(2).lower()], _PLACES)
    for pattern, value in _FIXED:
        if pattern.search(normal):
            return plain(value, _PLACES)
    days = _named_days(normal)
    if days and re.search(r"\b(?:on|every|each)\b|s\b", normal, re.I):
        return Decimal(days)
    return None
