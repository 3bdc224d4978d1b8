"""How often, as times per week: 'once a week' 1, 'twice a week' 2, 'three times a week' 3,
'every day'/'daily' 7, 'weekdays' 5, 'every other Tuesday'/'fortnightly' 0.5, 'monthly' 12/52,
'every morning and evening' 14, '2 days a week' 2, 'tuesdays and thursdays' 2, '2x a wk' 2,
'quarterly' 1/13, '2 weekly' (every 2 weeks) 0.5, 'half yearly' 1/26. Exact: each is a Fraction, so
that a cost worked from it is rounded once, at the end (bot/plans/costing.py)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Tuple

from bot.parsing.money import money_matches
from bot.parsing.pipeline import TIMES_OF_DAY, WEEKDAYS, analyse, overlaps, rate_periods, ruled_out
from bot.plans import costing
from bot.plans.catalogue import COST_PERIODS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

PER_WEEK: Dict[str, Fraction] = {
    "day": Fraction(7),
    "night": Fraction(7),
    "morning": Fraction(7),
    "evening": Fraction(7),
    "afternoon": Fraction(7),
    "week": Fraction(1),
    "fortnight": Fraction(1, 2),
    "month": Fraction(12, 52),
    "quarter": Fraction(1, 13),
    "year": Fraction(1, 52),
}
ADVERB_PER_WEEK = {
    "daily": "day",
    "nightly": "night",
    "weekly": "week",
    "fortnightly": "fortnight",
    "monthly": "month",
    "quarterly": "quarter",
    "a quarter": "quarter",  # one token: the fraction
    "yearly": "year",
    "annually": "year",
}
COUNT_WORDS = {"once": Fraction(1), "twice": Fraction(2), "thrice": Fraction(3)}
#: patterns that give a count or a named rhythm beat the generic 'a day' / 'weekly'
_SPECIFIC_FIRST = (
    "count_per",
    "count_adverb",
    "days_per",
    "occasions_count",
    "every_n",
    "every_n_adverb",
    "every_other",
    "monthly_weekday",
    "day_range",
    "day_names",
    "weekdays",  # 'weekday mornings': the mornings of weekdays, 5 a week
    "weekends",
    "times_of_day",
    "everyday",
    "unit",
    "adverb",
    "count",
)


_LEADING_WORDS = frozenset({"in", "the", "at", "on"})


@dataclass(frozen=True)
class FrequencyMatch:
    per_week: Fraction
    span: "Span"


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in PER_WEEK else word


def _unit(span: "Span") -> Fraction:
    """Times a week of the last time word in the span ('a week' 1, 'a fortnight' 0.5, 'daily' 7)."""
    for token in reversed(span):
        word = _singular(token._.sp_canon)
        word = ADVERB_PER_WEEK.get(word, word)
        if word in PER_WEEK:
            return PER_WEEK[word]
    raise ValueError(f"no time unit in {span.text!r}")


def _count(span: "Span") -> Fraction:
    if span[0]._.sp_canon in ("a", "an"):  # 'a day a week'
        return Fraction(1)
    for token in span:
        if token._.sp_canon in COUNT_WORDS:
            return COUNT_WORDS[token._.sp_canon]
        if token._.sp_is_num:
            return Fraction(token._.sp_num)
    raise ValueError(f"no count in {span.text!r}")


def days_named(doc: "Doc") -> int:
    """How many different weekdays `doc` names ('3 hours tue' → 1)."""
    return len({_weekday(token._.sp_canon) for token in doc} - {None})


def _weekday(word: str) -> Optional[int]:
    word = word[:-1] if word.endswith("s") and word[:-1] in WEEKDAYS else word
    return WEEKDAYS.index(word) if word in WEEKDAYS else None


def _listed(span: "Span", names: Iterable[str]) -> Optional[Fraction]:
    """'every Tuesday', 'Tuesdays and Thursdays', 'morning and evening': the distinct names listed,
    when the list says it is a habit (every/each/on, a plural, or more than one); else None."""
    names = set(names)
    found = set()
    habit = False
    for token in span:
        word = token._.sp_canon
        base = word[:-1] if word.endswith("s") and word[:-1] in names else word
        if base in names:
            found.add(base)
            habit = habit or base != word
        elif word in ("every", "each", "on"):
            habit = True
    if not found or not (habit or len(found) > 1):
        return None
    return Fraction(len(found))


def _value(span: "Span") -> Optional[Fraction]:
    name = span.label_
    if name in ("count_per", "count_adverb", "days_per"):
        return _count(span) * _unit(span)
    if name in ("count", "occasions_count"):
        return _count(span)
    if name in ("every_n", "every_n_adverb"):
        count = _count(span)
        return _unit(span) / count if count > 0 else None
    if name == "every_other":
        last = span[-1]._.sp_canon
        if _weekday(last) is not None or last.startswith("weekend"):
            return Fraction(1, 2)
        return _unit(span) / 2
    if name == "monthly_weekday":
        return PER_WEEK["month"]
    if name in ("unit", "adverb"):
        return _unit(span)
    if name == "everyday":
        return Fraction(7)
    if name == "weekdays":
        return Fraction(5)
    if name == "weekends":
        return Fraction(2)
    if name == "day_range":
        first, last = _weekday(span[0]._.sp_canon), _weekday(span[-1]._.sp_canon)
        return None if first is None or last is None else Fraction((last - first) % 7 + 1)
    if name == "day_names":
        return _listed(span, WEEKDAYS)
    if name == "times_of_day":
        times = _listed(span, TIMES_OF_DAY)
        return times * 7 if times is not None else None
    return None


def frequency_match(doc: "Doc", exclude: Iterable["Span"] = ()) -> Optional[FrequencyMatch]:
    """How often `doc` says something happens, leaving out the period of a price ('£50 a day')
    and any spans in `exclude`. A count beats a bare rhythm: '£50 a session, twice a week' → 2."""
    rates = [*rate_periods(doc), *exclude]
    found = []
    for span in doc.spans["freq"]:
        if overlaps(span, rates) or ruled_out(span) or _part_of_an_hour(span):
            continue
        value = _value(span)
        if value is not None:
            found.append((_SPECIFIC_FIRST.index(span.label_), span.start, value, span))
    listed = _days_listed_apart(doc, rates)
    if listed is not None:
        found = [item for item in found if item[3].label_ != "day_names"] + [listed]
    if not found:
        return None
    _, _, value, span = min(found, key=lambda item: item[:2])
    while len(span) > 1 and span[0]._.sp_canon in _LEADING_WORDS:  # 'in every morning' → 'every morning'
        span = span[1:]
    return FrequencyMatch(value, span)


def _part_of_an_hour(span: "Span") -> bool:
    """'a quarter of an hour', 'quarter past ten': a quarter that is not every 3 months."""
    after = span.doc[span.end]._.sp_canon if span.end < len(span.doc) else ""
    return span[-1]._.sp_canon in ("quarter", "a quarter") and after in ("of", "past", "to", "hour", "hours")


def _days_listed_apart(doc: "Doc", rates: List["Span"]) -> Optional[Tuple[int, int, Fraction, "Span"]]:
    """'mon wed fri': days named one by one, each its own span; together they are the days a week."""
    spans = [s for s in doc.spans["freq"] if s.label_ == "day_names" and not overlaps(s, rates)]
    days = {_weekday(token._.sp_canon) for span in spans for token in span} - {None}
    if len(spans) < 2 or len(days) < 2:
        return None
    span = doc[min(s.start for s in spans) : max(s.end for s in spans)]
    if any(token.lower_ == "or" for token in span):  # 'Tuesday or Thursday' is one day, not yet known
        return None
    return _SPECIFIC_FIRST.index("day_names"), span.start, Fraction(len(days)), span


def frequency_beside_cost(text: str) -> Optional[Fraction]:
    """Times per week said with a cost, leaving out what the cost is per: 'per day it's £55'
    says the price of a day, not that it is every day; '£55 a day, 3 days a week' → 3."""
    doc = analyse(text or "")
    per = [match.period for match in money_matches(doc) if match.period is not None]
    match = frequency_match(doc, exclude=per)
    return match.per_week if match else None


def per_visit_if_often(per: Optional[str], text: str) -> Optional[str]:
    """'£60 every other week', '£20 three times a week': an amount said with how often it is
    paid is a cost each time ('visit'); the times a week are then read from the same text."""
    match = frequency_match(analyse(text))
    if per == "one-off" and match is not None and match.span.label_ != "count":
        per = None  # 'once a fortnight', 'once every 3 months': how often, not a one-off
    if match is None or match.span.label_ == "count" or per in ("visit", "hour", "one-off", "4 weeks"):
        return per  # a count with no period ('just the once', 'twice') says nothing of how often
    often = match.per_week
    if per is None and match.span.label_ in ("unit", "adverb"):  # 'per yr', 'monthly': the period itself
        per = next(
            (
                p
                for p in COST_PERIODS.codes
                if p in costing.COST_WEEKS_PER and abs(often - costing.times_a_week(p)) < Fraction(1, 100)
            ),
            None,
        )
    if per in costing.COST_WEEKS_PER and abs(often - costing.times_a_week(per)) < Fraction(1, 100):
        return per
    return "visit"


def parse_frequency(text: str) -> Optional[Fraction]:
    """Times per week in `text`, exactly ('monthly' → 3/13), or None."""
    match = frequency_match(analyse(text or ""))
    return match.per_week if match else None


__all__ = [
    "FrequencyMatch",
    "PER_WEEK",
    "frequency_beside_cost",
    "frequency_match",
    "parse_frequency",
    "per_visit_if_often",
]
