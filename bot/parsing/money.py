"""Money in what people type: '£15.50', '15 quid', 'twenty pounds', '£1,200 a year', '£15ph',
'fifteen pounds fifty', '50p', '£1.2k', '-£20', with the period it is per when one is said
('hour', 'week', '4 weeks', 'month', 'year', 'visit', 'one-off'). Decimal throughout."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, List, Optional, Sequence

from bot.parsing.pipeline import COUNTED_AFTER, analyse, bare_number, overlaps, ruled_out
from bot.plans.catalogue import COST_PERIODS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

PERIODS = COST_PERIODS.codes
#: frequency patterns that say how often ('twice a week', '2 weekly'): the 'a week' inside is not a cost period
COUNTED_FREQUENCIES = frozenset({"count_per", "days_per", "count_adverb", "everyday", "every_n_adverb"})
_SLANG = {"fiver": Decimal(5), "tenner": Decimal(10)}
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    per: Optional[str]


@dataclass(frozen=True)
class MoneyMatch:
    """An amount found in a Doc, with where it was said (for entity offsets)."""

    money: Money
    span: "Span"
    period: Optional["Span"]


def period_name(span: "Span") -> str:
    """The period a 'per' span names ('pw' → 'week')."""
    return span.label_.replace("_abbr", "")


def _amount(span: "Span") -> Decimal:
    numbers = [token for token in span if token._.sp_is_num]
    canon = [token._.sp_canon for token in span]
    if span.label_ == "slang":
        return _SLANG[canon[-1]]
    value = numbers[0]._.sp_num
    if span.label_ == "pence":
        value = value / _HUNDRED
    elif span.label_ == "pounds_pence":
        value = value + _pence(span, numbers[1])
    if "k" in canon:
        value *= 1000
    if value > 0 and any(_is_sign(token) for token in span):
        value = -value
    return value


def _is_sign(token: "Token") -> bool:
    """'minus', or a '-' stuck to what follows but not to a figure before it ('-£20', '£-20', not '£15-£20')."""
    if token._.sp_canon in ("minus", "negative"):
        return True
    if token._.sp_canon != "-" or token.whitespace_:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or bool(before.whitespace_) or before.text == "£"


def _pence(span: "Span", token: "Token") -> Decimal:
    pence = token._.sp_num
    if pence != pence.to_integral() or not 0 <= pence < 100:
        return Decimal(0)
    return pence / _HUNDRED


def _pence_ok(doc: "Doc", span: "Span") -> bool:
    """'fifteen pounds fifty' has pence; '15 pounds 3 times a week' does not."""
    numbers = [token for token in span if token._.sp_is_num]
    pence = numbers[1]._.sp_num
    followed = span.end < len(doc) and doc[span.end]._.sp_canon in COUNTED_AFTER
    return pence == pence.to_integral() and 0 <= pence < 100 and not followed


def _explicit(doc: "Doc") -> List["Span"]:
    spans = []
    for span in doc.spans["money"]:
        if span.label_ == "pounds_pence" and not _pence_ok(doc, span):
            pounds = next(t for t in span if t._.sp_canon in ("pounds", "£") or t.text == "£")
            end = pounds.i + 1 if pounds._.sp_canon == "pounds" else pounds.i + 2
            span = doc[span.start : end]
            span.label_ = "word" if pounds._.sp_canon == "pounds" else "sign"
        spans.append(span)
    return spans


def _bare(doc: "Doc", taken: Sequence["Span"] = ()) -> Optional["Span"]:
    """The first plain number that is not part of a date, a duration, a frequency or a count (nor
    one of the `taken` spans)."""
    busy = [*doc.spans["date"], *doc.spans["duration"], *doc.spans["freq"], *taken]
    number = bare_number(doc, busy, COUNTED_AFTER)
    if number is None:
        return None
    thousands = number.end < len(doc) and doc[number.end]._.sp_canon == "k"
    span = doc[number.start : number.end + 1] if thousands else number
    span.label_ = "bare"
    return span


def _period_for(doc: "Doc", span: "Span") -> Optional["Span"]:
    """The period said with an amount: right after it ('£15 an hour'), inside it ('£15ph'), or
    else the first one said anywhere ('every 4 weeks it is £600') that is not another amount's,
    part of a count ('a week' in 'twice a week') or ruled out ('no monthly payments')."""
    periods = [period for period in doc.spans["per"] if not ruled_out(period)]
    counted = [freq for freq in doc.spans["freq"] if freq.label_ in COUNTED_FREQUENCIES]
    for period in periods:
        if _said_with(period, span) and not overlaps(period, counted):  # not '£20 one time a week'
            return period
    taken = counted + [period for period in periods if any(_said_with(period, other) for other in doc.spans["money"])]
    for period in periods:
        if not period.label_.endswith("_abbr") and not overlaps(period, taken):
            return period
    return None


def _said_with(period: "Span", amount: "Span") -> bool:
    return period.start == amount.end or (amount.start <= period.start and period.end <= amount.end)


def money_matches(doc: "Doc", allow_bare: bool = True) -> List[MoneyMatch]:
    """Every amount said with £, pounds, quid or pence (in order); or, failing that and when
    `allow_bare`, the first plain number ('15', '15 an hour')."""
    spans = _explicit(doc)
    if not spans and allow_bare:
        bare = _bare(doc)
        spans = [bare] if bare is not None else []
    matches = []
    for span in spans:
        period = _period_for(doc, span)
        if period is not None and span.start < period.start and period.end <= span.end:  # '£15ph' → '£15'
            label = span.label_
            span = doc[span.start : period.start]
            span.label_ = label
        matches.append(
            MoneyMatch(Money(_amount(span), period_name(period) if period is not None else None), span, period)
        )
    return matches


def amounts_in(doc: "Doc") -> List[Decimal]:
    """Every amount said with £, pounds, quid or pence; failing that, every plain number that could
    be one ('it was 200 a month no sorry 250 a month')."""
    if _explicit(doc):
        return [match.money.amount for match in money_matches(doc)]
    bare: List["Span"] = []
    while (number := _bare(doc, bare)) is not None:
        bare.append(number)
    return [_amount(span) for span in bare]


_EACH_WAY = re.compile(r"\b(?:each|every|one)\s+way\b", re.IGNORECASE)
_BOTH_WAYS = re.compile(r"\bthere and back\b|\breturn\b|\bboth ways\b|\bround trip\b", re.IGNORECASE)


def each_way(text: str) -> bool:
    """The amount is a single journey's ('£22 each way'), so a trip there and back costs twice it."""
    return bool(_EACH_WAY.search(text or "")) and not _BOTH_WAYS.search(text or "")


def parse_money(text: str) -> Optional[Money]:
    """The first amount of money in `text`, with the period it is per (None when none is said).
    Negative amounts keep their sign so the caller can say it must be more than nothing."""
    matches = money_matches(analyse(text or ""))
    return matches[0].money if matches else None


#: an amount written with a decimal comma ('12,90', '£7,50'): two figures after the comma, so not
#: a thousands comma ('1,200')
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,4}),(\d{2})(?![\d,])")


def decimal_comma_money(text: str) -> Optional[Money]:
    """The money in `text` read with its decimal comma as a point ('12,90 £ for hour' is £12.90
    an hour), when it has one; for a text parse_money reads nothing in, and a reading to check
    with the person."""
    if not _DECIMAL_COMMA.search(text or ""):
        return None
    return parse_money(_DECIMAL_COMMA.sub(r"\1.\2", text))


def money_period(text: str) -> Optional[str]:
    """The period a cost is said per, if the text says one ('£50 a day, twice a week' → 'visit')."""
    doc = analyse(text or "")
    matches = money_matches(doc)
    if matches:
        return matches[0].money.per
    periods = [p for p in doc.spans["per"] if not p.label_.endswith("_abbr")]
    return period_name(periods[0]) if periods else None


__all__ = [
    "COUNTED_FREQUENCIES",
    "Money",
    "amounts_in",
    "decimal_comma_money",
    "each_way",
    "MoneyMatch",
    "PERIODS",
    "money_matches",
    "money_period",
    "parse_money",
    "period_name",
]
