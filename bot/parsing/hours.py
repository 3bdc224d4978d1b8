"""Hours per week: '6 hours', '3 hrs', 'two and a half hours', '90 minutes', 'an hour each
morning' (7), '2 hours a day' (14), '3 hours twice a week' (6). A bare number is hours a week."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from bot.parsing.frequency import parse_frequency
from bot.parsing.numbers import plain, to_decimal, words_to_digits

_HOURS = re.compile(r"(-)?(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b", re.I)
_MINUTES = re.compile(r"(-)?(\d+(?:\.\d+)?)\s*(?:minutes?|mins?)\b", re.I)
_BARE = re.compile(r"(?<![\w£.])(-)?(\d+(?:\.\d+)?)(?![\w£])", re.I)


def parse_hours(text: str) -> Optional[Decimal]:
    normal = words_to_digits(text or "")
    hours = Decimal(0)
    found = False
    for pattern, scale in ((_HOURS, Decimal(1)), (_MINUTES, Decimal(1) / Decimal(60))):
        for match in pattern.finditer(normal):
            value = to_decimal(match.group(2)) * scale
            hours += -value if match.group(1) else value
            found = True
    if not found:
        match = _BARE.search(normal)
        if match is None:
            return None
        value = to_decimal(match.group(2))
        return -value if match.group(1) else value
    times = parse_frequency(normal)
    if times is not None:
        hours *= times
    return plain(hours)
