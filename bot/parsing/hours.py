"""Hours per week: '6 hours', '3 hrs', 'two and a half hours', '1.5h', 'half an hour', '90 minutes',
'an hour each morning' (7), '2 hours a day' (14), '3 hours twice a week' (6), '4 hours every other
week' (2), 'an hour on weekdays' (5). A plain number ('6') is hours a week."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, List, Optional, Tuple

from bot.parsing.change_of_mind import CHANGED_MIND
from bot.parsing.cost_doubts import hedged
from bot.parsing.frequency import days_named, frequency_match
from bot.parsing.pipeline import COUNTED_AFTER, analyse, bare_number, overlaps, rate_periods

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

_MINUTES_AN_HOUR = 60
_HOUR_WORDS = frozenset({"hour", "hours"})
#: a plain number followed by one of these is not hours ('2 days', '3 times', '5 people')
_NOT_HOURS_AFTER = (COUNTED_AFTER - _HOUR_WORDS) | {"£", "pounds", "pence", "k"}


@dataclass(frozen=True)
class HoursMatch:
    """Hours a week, and where the durations were said (not the 'how often', which is its own
    match: `often`, its start and end when one multiplied the durations)."""

    hours_per_week: Fraction
    start_char: int
    end_char: int
    often: Optional[Tuple[int, int]] = None


def _numbers(span: "Span") -> List[Fraction]:
    return [Fraction(token._.sp_num) for token in span if token._.sp_is_num]


def _duration(span: "Span") -> Fraction:
    """The hours one duration span says."""
    numbers = _numbers(span)
    name = span.label_
    if name == "an_hour":
        return Fraction(1)
    if name == "minutes":
        return numbers[0] / _MINUTES_AN_HOUR
    if name == "hours_and_fraction":
        whole = numbers[0] if len(numbers) == 2 else Fraction(1)
        fraction = numbers[-1]
        return whole + fraction if 0 < fraction < 1 else whole
    if name == "hours_minutes":  # '1h30', '1 hour 30 minutes'
        return numbers[0] + numbers[1] / _MINUTES_AN_HOUR
    return numbers[0]  # 'hours', 'hours_an' ('half an hour')


#: what stands between a count and a length of time ("x" reads as "times")
_TIMES_SIGNS = frozenset({"times", "×", "*", "lots"})


def _count_before(span: "Span") -> Optional["Span"]:
    """The count said just before a length of time ('2 x 45 min', '3 lots of 30 minutes'), or None."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i]._.sp_canon == "of":
        i -= 1
    if i < 1 or doc[i]._.sp_canon not in _TIMES_SIGNS or not doc[i - 1]._.sp_is_num:
        return None
    return doc[i - 1 : span.start]


def _counted(span: "Span") -> Fraction:
    """The hours a length of time says, times the count said before it."""
    count = _count_before(span)
    return _duration(span) * (Fraction(count[0]._.sp_num) if count is not None else 1)


def _minutes_said(span: "Span") -> bool:
    """'1h30' and '1 hour 30 minutes' add minutes; in '2 hours 3 times a week' the 3 is a count."""
    minutes = _numbers(span)[1]
    said = span[-1]._.sp_canon in ("minute", "minutes") or not span[1].whitespace_
    return said and minutes.denominator == 1 and 0 <= minutes < 60


def _durations(doc: "Doc") -> List["Span"]:
    """Durations, leaving out rates: '£15 an hour', '15 an hour' say a price, not a length of time."""
    rates = rate_periods(doc)
    kept = []
    for span in doc.spans["duration"]:
        if span.label_ == "hours_minutes" and not _minutes_said(span):
            span = doc[span.start : span.start + 2]
            span.label_ = "hours"
        before = doc[span.start - 1] if span.start > 0 else None
        is_rate = (
            span.label_ == "an_hour"
            and before is not None
            and (before._.sp_is_num or before._.sp_canon in ("k", "pounds", "pence"))
        )
        if not is_rate and not overlaps(span, rates):
            kept.append(span)
    return kept


def hours_match(doc: "Doc", allow_bare: bool = True) -> Optional[HoursMatch]:
    """Hours per week said in `doc`: every duration added up, times how often if that is said.
    With `allow_bare`, a plain number ('6') counts as hours a week."""
    spans = _durations(doc)
    if spans:
        hours = sum((_counted(span) for span in spans), Fraction(0))
    elif allow_bare:
        busy = [*doc.spans["money"], *doc.spans["date"], *doc.spans["freq"], *doc.spans["per"]]
        bare = bare_number(doc, busy, _NOT_HOURS_AFTER)
        if bare is None:
            return None
        spans, hours = [bare], Fraction(bare[0]._.sp_num)
    else:
        return None
    counts = [count for count in map(_count_before, spans) if count is not None]
    times = frequency_match(doc, exclude=[*spans, *counts])
    if times is None:
        return HoursMatch(hours, spans[0].start_char, spans[-1].end_char)
    often = (times.span.start_char, times.span.end_char)
    return HoursMatch(hours * times.per_week, spans[0].start_char, spans[-1].end_char, often)


@dataclass(frozen=True)
class HoursReading:
    """Hours a week read from an answer, and whether to check them with the person first: when a
    number in the answer is not part of the hours or how often ('2 calls a day of 30 mins'), or
    the person changed their mind ('8, no sorry 6': the later figure is checked), or hedged it
    ('about 6': checked). A range ('3 or 4') gives no hours, so the question is asked again."""

    hours: Optional[Fraction]
    certain: bool


_RANGE = re.compile(r"\d\s*(?:or|-|to|till|until|til|\u2013)\s*\d|\bbetween\b", re.IGNORECASE)


_CLOCK_RANGE = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:to|till|til|until|-|\u2013)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b"
    r"(?!\s*(?:hours?|hrs?|h)\b)",
    re.IGNORECASE,
)
_HOURS_A_DAY = 24
#: live-in or round-the-clock care: not a number of hours to cost by the hour without talking it through
_ROUND_THE_CLOCK = re.compile(
    r"\b24\s*(?:/|-|\s)?\s*(?:7|hours?|hrs?|hr)\b(?!\s*(?:a|per|each|every)\s+week)|"
    r"\bround the clock\b|\blive[- ]?in\b",
    re.IGNORECASE,
)


#: counts people use loosely: read, but checked
#: hours multiplied out by the person ('5hrs x 4 days', '4 days x 5 hours', '3 x 2hrs'): checked
_MULTIPLIED = re.compile(
    r"(?P<hours>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\s*(?:x|\*|×)\s*(?P<times>\d+)\b|"
    r"(?P<times2>\d+)\s*(?:days?|times|visits?|sessions?)?\s*(?:x|\*|×)\s*(?P<hours2>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b",
    re.IGNORECASE,
)
_EACH_TIME = re.compile(r"\b(?:each|every|per|a)\s+(?:time|visit|session|call|go)\b", re.IGNORECASE)
_LOOSE_COUNT = re.compile(r"\b(?:a )?couple\b", re.IGNORECASE)


def _clock_hours(match: "re.Match[str]") -> Optional[Fraction]:
    """'9 till 1' → 4, '10am to 3pm' → 5, '7.30-9pm' → 1.5; None for what is not two times of day."""
    h1, m1, half1, h2, m2, half2 = match.groups()
    if not (half1 or half2 or re.search(r"\b(?:till|til|until)\b", match.group(0), re.IGNORECASE)):
        return None
    start = int(h1) % 12 + Fraction(int(m1 or 0), 60) + (12 if (half1 or "").lower() == "pm" else 0)
    end = int(h2) % 12 + Fraction(int(m2 or 0), 60) + (12 if (half2 or "").lower() == "pm" else 0)
    if half1 is None and (half2 or "").lower() == "pm" and start + 12 < end:  # '7.30-9pm'
        start += 12
    if end <= start:
        end += 12
    length = end - start
    return length if 0 < length <= _HOURS_A_DAY else None


def read_hours(text: str) -> HoursReading:
    text = text or ""
    clock = _CLOCK_RANGE.search(text)
    length = _clock_hours(clock) if clock else None
    if (
        clock is not None and length is not None
    ):  # '9 till 1 on Mondays': the length of a visit, times how often; checked
        times = frequency_match(analyse(text[: clock.start()] + " " + text[clock.end() :]))
        return HoursReading(length * (times.per_week if times else 1), False)
    if _RANGE.search(text) or _ROUND_THE_CLOCK.search(text):
        return HoursReading(None, False)
    multiplied = _MULTIPLIED.search(text)
    if multiplied is not None:  # '5hrs x 4 days': the sum the person made, put back to them
        length = Fraction(multiplied.group("hours") or multiplied.group("hours2"))
        count = Fraction(multiplied.group("times") or multiplied.group("times2"))
        return HoursReading(length * count, False)
    doc = analyse(text)
    match = hours_match(doc)
    if match is None:
        return HoursReading(None, False)
    paired = _paired_hours(doc)
    if paired is not None:  # '4 hours a day on weekdays and 2 on Sunday': each length times its own how often
        return HoursReading(paired, False)
    several = len(_durations(doc)) > 1  # '2 hours mon and 4 hours fri' not read length by length: check it
    changes = list(CHANGED_MIND.finditer(text))
    if changes and changes[-1].start() > match.start_char:
        later = hours_match(analyse(text[changes[-1].end() :]))
        if later is not None:
            return HoursReading(later.hours_per_week, False)
    # 'a couple of hours': probably 2; 'about 2 hours every day': 14, roughly; each checked
    loose = bool(_LOOSE_COUNT.search(text)) or hedged(text)
    # 'an hour each time' with no how often: the hours of one visit, not known to be of a week
    loose = loose or (bool(_EACH_TIME.search(text)) and frequency_match(doc) is None)
    return HoursReading(match.hours_per_week, not several and not loose and not _numbers_left_over(doc, match))


def _paired_hours(doc: "Doc") -> Optional[Fraction]:
    """Hours a week when several lengths are each said with how often ('4 hours a day on weekdays
    and 2 hours on Sunday' → 22; '3 hours tue, 1 hour sat' → 4, one day named being once a week);
    None unless there are two or more lengths, each with its own."""
    spans = _durations(doc)
    if len(spans) < 2:
        return None
    total = Fraction(0)
    for i, span in enumerate(spans):
        end = spans[i + 1].start if i + 1 < len(spans) else len(doc)
        part = analyse(doc[span.start : end].text)
        times = frequency_match(part, exclude=_durations(part))
        if times is not None:
            total += _duration(span) * times.per_week
        elif days_named(part) == 1:
            total += _duration(span)
        else:
            return None
    return total


def _numbers_left_over(doc: "Doc", match: HoursMatch) -> bool:
    """A number that is not the hours, how often, a price or a date ('2 calls of 30 mins')."""
    used = [*_durations(doc), *doc.spans["money"], *doc.spans["date"], *doc.spans["freq"], *doc.spans["per"]]
    for token in doc:
        if not token._.sp_is_num or token.idx == match.start_char:  # the hours themselves, or a bare number
            continue
        if not any(span.start <= token.i < span.end for span in used):
            return True
    return False


def parse_hours(text: str) -> Optional[Fraction]:
    """Hours per week in `text`, or None. Negative figures keep their sign (the caller rejects them)."""
    match = hours_match(analyse(text or ""))
    return match.hours_per_week if match else None


__all__ = ["HoursMatch", "HoursReading", "hours_match", "parse_hours", "read_hours"]


#: an answer that is only a number ('24')
_ONLY_A_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*")


def unlike_described_hours(text: str, hours: Fraction, description: Optional[str]) -> bool:
    """A bare number for the hours ('24') when the description gave other hours ('1 hour monday to
    friday'): perhaps a rate or a slip, so it is checked before it sets the cost."""
    described = read_hours(description or "").hours
    return bool(_ONLY_A_NUMBER.fullmatch(text)) and described is not None and described != hours
