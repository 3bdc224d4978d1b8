"""Dates as UK people write them, day first: '3/4/1956' (3 April), '03-04-1956', '3.4.56',
'3rd April 1956', 'April 3rd 1956', '3 Apr 56', '1956-04-03', '3 april nineteen fifty six'.
A two-digit year is the most recent one that does not put the date in the future."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, List, Optional, Sequence

from dateutil.parser import parserinfo

from bot.parsing.pipeline import MONTHS, analyse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_MONTH_NAMES = parserinfo()
_PARTS = re.compile(r"\d+")
_MONTHS = frozenset(MONTHS)


@dataclass(frozen=True)
class DateMatch:
    value: date
    span: "Span"


def full_year(year: int, digits: int, day: int, month: int, today: date) -> int:
    """A two-digit year as the latest year that keeps the date on or before today ('56' → 1956)."""
    if digits > 2:
        return year
    century = today.year - today.year % 100
    candidate = century + year
    try:
        in_future = date(candidate, month, day) > today
    except ValueError:  # 29 February in a year that lacks one: let the caller's check reject it
        in_future = candidate > today.year
    return candidate - 100 if in_future else candidate


def _build(day: int, month: int, year: int, year_digits: int, today: date) -> Optional[date]:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return date(full_year(year, year_digits, day, month, today), month, day)
    except ValueError:
        return None


def _numeric(span: "Span", today: date) -> Optional[date]:
    parts = _PARTS.findall(span.text)
    if len(parts) != 3:
        return None
    if len(parts[0]) == 4:  # ISO: year first
        year, month, day = parts
    else:
        day, month, year = parts
        if len(year) not in (2, 4):
            return None
    return _build(int(day), int(month), int(year), len(year), today)


def _year(tokens: Sequence["Token"]) -> Optional[tuple]:
    """The year at the end of a written date, with how many digits it was said with.
    'nineteen fifty six' arrives as two numbers, 19 and 56."""
    numbers = [t for t in tokens if t._.sp_is_num]
    if not numbers:
        return None
    first = numbers[0]
    value = first._.sp_num
    if value != value.to_integral() or value < 0:
        return None
    if len(numbers) > 1 and not first.text[0].isdigit() and 10 <= value <= 20:
        second = numbers[1]._.sp_num
        if second == second.to_integral() and 0 <= second < 100:
            return int(value) * 100 + int(second), 4
    if first.text.isdigit():
        return int(value), len(first.text)
    return int(value), (2 if value < 100 else 4)


def _written(span: "Span", today: date) -> Optional[date]:
    tokens = list(span)
    month_at = next(i for i, t in enumerate(tokens) if t._.sp_canon in _MONTHS)
    month = _MONTH_NAMES.month(tokens[month_at]._.sp_canon)
    if span.label_ == "day_month_year":
        day_token = next(t for t in tokens[:month_at] if t._.sp_is_num or t._.sp_is_ord)
        rest = tokens[month_at + 1 :]
    else:
        day_token = next(t for t in tokens[month_at + 1 :] if t._.sp_is_num or t._.sp_is_ord)
        rest = tokens[day_token.i - span.start + 1 :]
    year = _year(rest)
    day = day_token._.sp_num
    if year is None or month is None or day != day.to_integral():
        return None
    return _build(int(day), month, year[0], year[1], today)


def date_matches(doc: "Doc", today: Optional[date] = None) -> List[DateMatch]:
    """Every real date in `doc`, in order ('31/02/1990' is not one)."""
    today = today or date.today()
    found = []
    for span in doc.spans["date"]:
        value = _numeric(span, today) if span.label_ == "numeric" else _written(span, today)
        if value is not None:
            found.append(DateMatch(value, span))
    return found


def parse_date(text: str, today: Optional[date] = None) -> Optional[date]:
    """The first date in `text` (day first), or None when there is none or it cannot exist."""
    doc = analyse(text or "")
    spans = list(doc.spans["date"])
    if not spans:
        return None
    matches = date_matches(doc, today)
    if not matches or matches[0].span.start != spans[0].start:
        return None  # the first date said is impossible: say so rather than take a later one
    return matches[0].value


__all__ = ["DateMatch", "date_matches", "full_year", "parse_date"]
