"""Hours per week: '6 hours', '3 hrs', 'two and a half hours', '1.5h', 'half an hour', '90 minutes',
'an hour each morning' (7), '2 hours a day' (14), '3 hours twice a week' (6), '4 hours every other
week' (2), 'an hour on weekdays' (5). A plain number ('6') is hours a week."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, List, Optional

from bot.parsing.frequency import frequency_match
from bot.parsing.numbers import plain
from bot.parsing.pipeline import COUNTED_AFTER, analyse, bare_number, overlaps, rate_periods

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

_MINUTES_AN_HOUR = Decimal(60)
_HOUR_WORDS = frozenset({"hour", "hours"})
#: a plain number followed by one of these is not hours ('2 days', '3 times', '5 people')
_NOT_HOURS_AFTER = (COUNTED_AFTER - _HOUR_WORDS) | {"£", "pounds", "pence", "k"}


@dataclass(frozen=True)
class HoursMatch:
    """Hours a week, and where the durations were said (not the 'how often', which is its own match)."""

    hours_per_week: Decimal
    start_char: int
    end_char: int


def _numbers(span: "Span") -> List[Decimal]:
    return [token._.sp_num for token in span if token._.sp_is_num]


def _duration(span: "Span") -> Optional[Decimal]:
    """The hours one duration span says."""
    numbers = _numbers(span)
    name = span.label_
    if name == "an_hour":
        return Decimal(1)
    if name == "minutes":
        return numbers[0] / _MINUTES_AN_HOUR
    if name == "hours_and_fraction":
        whole = numbers[0] if len(numbers) == 2 else Decimal(1)
        fraction = numbers[-1]
        return whole + fraction if 0 < fraction < 1 else whole
    if name == "hours_minutes":  # '1h30', '1 hour 30 minutes'
        return numbers[0] + numbers[1] / _MINUTES_AN_HOUR
    return numbers[0]  # 'hours', 'hours_an' ('half an hour')


def _minutes_said(span: "Span") -> bool:
    """'1h30' and '1 hour 30 minutes' add minutes; in '2 hours 3 times a week' the 3 is a count."""
    minutes = span[2]._.sp_num
    said = span[-1]._.sp_canon in ("minute", "minutes") or not span[1].whitespace_
    return said and minutes == minutes.to_integral() and 0 <= minutes < 60


def _durations(doc: "Doc") -> List["Span"]:
    """Durations, leaving out rates: '£15 an hour', '15 an hour' say a price, not a length of time."""
    rates = rate_periods(doc)
    kept = []
    for span in doc.spans["duration"]:
        if span.label_ == "hours_minutes" and not _minutes_said(span):
            span = doc[span.start:span.start + 2]
            span.label_ = "hours"
        before = doc[span.start - 1] if span.start > 0 else None
        is_rate = (span.label_ == "an_hour" and before is not None and (
            before._.sp_is_num or before._.sp_canon in ("k", "pounds", "pence")))
        if not is_rate and not overlaps(span, rates):
            kept.append(span)
    return kept


def hours_match(doc: "Doc", allow_bare: bool = True) -> Optional[HoursMatch]:
    """Hours per week said in `doc`: every duration added up, times how often if that is said.
    With `allow_bare`, a plain number ('6') counts as hours a week."""
    spans = _durations(doc)
    if spans:
        hours = sum((_duration(span) for span in spans), Decimal(0))
    elif allow_bare:
        busy = [*doc.spans["money"], *doc.spans["date"], *doc.spans["freq"], *doc.spans["per"]]
        bare = bare_number(doc, busy, _NOT_HOURS_AFTER)
        if bare is None:
            return None
        spans, hours = [bare], bare[0]._.sp_num
    else:
        return None
    times = frequency_match(doc, exclude=spans)
    if times is not None:
        hours *= times.per_week
    return HoursMatch(plain(hours), spans[0].start_char, spans[-1].end_char)


def parse_hours(text: str) -> Optional[Decimal]:
    """Hours per week in `text`, or None. Negative figures keep their sign (the caller rejects them)."""
    match = hours_match(analyse(text or ""))
    return match.hours_per_week if match else None


__all__ = ["HoursMatch", "hours_match", "parse_hours"]
