"""Dates as UK people write them (day first): '3/4/1956', '3.4.56', '3rd April 1956',
'April 3rd 1956', '1956-04-03'. Two-digit years are the most recent past year."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

from dateutil import parser as dateutil_parser

from bot.parsing.numbers import words_to_digits

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\b")
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_HAS_MONTH_NAME = re.compile(rf"\b(?:{_MONTHS})[a-z]*\b", re.I)
_YEAR = re.compile(r"\b(\d{4}|\d{2})\b(?!\s*(?:st|nd|rd|th))")


def _full_year(year: int, today: date) -> int:
    if year >= 100:
        return year
    this_century = 2000 + year
    return this_century if this_century <= today.year else 1900 + year


def _build(year: int, month: int, day: int, today: date) -> Optional[date]:
    try:
        return date(_full_year(year, today), month, day)
    except ValueError:
        return None


def parse_date(text: str, today: Optional[date] = None) -> Optional[date]:
    today = today or date.today()
    normal = words_to_digits(text or "")
    match = _ISO.search(normal)
    if match:
        return _build(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)
    match = _NUMERIC.search(normal)
    if match:
        return _build(int(match.group(3)), int(match.group(2)), int(match.group(1)), today)
    if not _HAS_MONTH_NAME.search(normal):
        return None
    years = [m.group(1) for m in _YEAR.finditer(normal)]
    if not years:
        return None
    try:
        parsed = dateutil_parser.parse(normal, dayfirst=True, fuzzy=True, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    year = int(years[-1])
    return _build(year, parsed.month, parsed.day, today) if year < 100 else parsed.date()
