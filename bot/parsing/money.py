"""Money in what people type: '£15.50', '15 quid', 'twenty pounds', '£1,200 a year', '£15ph',
'fifteen pounds fifty', '50p', '£1.2k', with the period it is 'per' when one is said."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from bot.parsing.numbers import to_decimal, words_to_digits

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SIGN = r"(-|minus\s*|negative\s*)?"
_PATTERNS = (
    re.compile(rf"{_SIGN}£\s*{_NUMBER}\s*(k)?\b", re.I),
    re.compile(rf"{_SIGN}{_NUMBER}\s*(k)?\s*(?:pounds?|quid|gbp|squid|pound)\b", re.I),
    re.compile(rf"{_SIGN}{_NUMBER}(k)?\s*(?=(?:ph|p/h|pw|pcm|pm|pa)\b|/)", re.I),
)
_POUNDS_AND_PENCE = re.compile(r"(\d+)\s*(?:pounds?|quid)\s+(?:and\s+)?(\d{1,2})\b(?!\s*(?:hours?|hrs?|times|days|weeks|months|years))", re.I)
_PENCE = re.compile(r"(?<![\d.£])(\d{1,2})\s*p\b(?!\s*/)", re.I)
_BARE = re.compile(rf"(?<![\w£.]){_SIGN}{_NUMBER}(?![\w/:.]|\s*(?:hours?|hrs?|h\b|minutes?|mins?|times|x\b|days?|weeks?|months?|years?))", re.I)

PERIOD_PATTERNS = (
    ("4 weeks", r"\b(?:every|per|each|a)\s+(?:4|four)\s+weeks?\b|\b(?:4|four)[- ]weekly\b"),
    ("hour", r"\b(?:an|per|a|each|every|the|1)\s+(?:hour|hr)\b|/\s*h(?:ou)?r\b|(?:\b|(?<=\d))p/?h\b|\bhourly\b"),
    ("week", r"\b(?:a|per|each|every|the)\s+(?:week|wk)\b|/\s*w(?:ee)?k\b|(?:\b|(?<=\d))pw\b|\bweekly\b"),
    ("month", r"\b(?:a|per|each|every|the)\s+month\b|/\s*month\b|(?:\b|(?<=\d))(?:pcm|pm)\b|\bmonthly\b"),
    ("year", r"\b(?:a|per|each|every|the)\s+(?:year|yr)\b|/\s*y(?:ea)?r\b|(?:\b|(?<=\d))pa\b|\bper\s+annum\b|\bannual(?:ly)?\b|\byearly\b"),
    ("visit", r"\b(?:a|per|each|every|the)\s+(?:visit|session|day|trip|time|go|class|night|journey|ride)\b|\bdaily\s+rate\b"),
    ("one-off", r"\bone[- ]?off\b|\bonce\s+only\b|\bone\s+time\b|\bsingle\s+payment\b|\bto\s+buy\b"),
)
_PERIODS = tuple((name, re.compile(pattern, re.I)) for name, pattern in PERIOD_PATTERNS)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    per: Optional[str]


def money_period(text: str) -> Optional[str]:
    """The period a cost is said 'per', if the text says one (the first one said wins:
    '£50 a day, twice a week' is per day)."""
    found = [(m.start(), name) for name, pattern in _PERIODS for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


def _amount(match: re.Match) -> Decimal:
    sign, number, thousands = match.group(1), match.group(2), match.group(3) if match.lastindex and match.lastindex >= 3 else None
    value = to_decimal(number) * (1000 if thousands else 1)
    return -value if sign else value


def parse_money(text: str) -> Optional[Money]:
    normal = words_to_digits(text or "")
    per = money_period(text or "") or money_period(normal)
    match = _POUNDS_AND_PENCE.search(normal)
    if match:
        return Money(Decimal(match.group(1)) + Decimal(match.group(2)) / 100, per)
    for pattern in _PATTERNS:
        match = pattern.search(normal)
        if match:
            return Money(_amount(match), per)
    match = _PENCE.search(normal)
    if match:
        return Money(Decimal(match.group(1)) / 100, per)
    match = _BARE.search(normal)
    if match:
        sign, number = match.group(1), match.group(2)
        value = to_decimal(number)
        return Money(-value if sign else value, per)
    return None
