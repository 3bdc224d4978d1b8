"""Doubt in what a person says a cost is: an approximate figure ('about £40', 'under £50'), a range
('£20-£25', 'between 30 and 50'), two amounts, two periods ('£10 per week not per month', 'a week
or maybe a month'), or a cost someone else pays part of ('£80 a week but the council pays half').
A doubtful cost is asked about again, never recorded as a guess: a wrong figure in a plan is worse
than one more question."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import List, Optional, Set, Tuple

from bot.choices import COST_PERIODS
from bot.parsing.change_of_mind import NEW_FIGURE
from bot.parsing.money import COUNTED_FREQUENCIES, amounts_in, money_matches, period_name
from bot.parsing.pipeline import analyse, overlaps

APPROXIMATE, RANGE, TWO_PERIODS, TWO_MEANINGS, SHARED = "approximate", "range", "two periods", "two meanings", "shared"
#: 'bi-weekly' is twice a week to some people and every 2 weeks to others ('bi-annual' likewise)
_TWO_MEANINGS = re.compile(r"\bbi\s*-?\s*(?:weekly|monthly|annual(?:ly)?|yearly)\b", re.IGNORECASE)
_HEDGES = re.compile(
    r"\b(?:about|around|roughly|approx\w*|maybe|probably|perhaps|i think|not sure|unsure|or so|something like|"
    r"give or take|up to|or thereabouts|ish)\b|\d\s*-?ish\b|"
    r"\d[^?\d]{0,15}\?+\s*$",  # '15 quid?', '£14 an hour?': a figure asked back is a guess
    re.IGNORECASE,
)
_BOUND_WORDS = (
    r"under|less than|no more than|not more than|at most|at least|more than|over|below|above|max(?:imum)?|min(?:imum)?"
)
#: a bound, not an amount: 'under £50', 'no more than 100', 'at least £20' (not 'over 12 months')
_BOUND = re.compile(
    rf"\b(?:{_BOUND_WORDS})\s*£?\s*\d[\d,.]*(?![\d,.])"
    r"(?!\s*(?:months?|weeks?|years?|days?|hours?|hrs?|min\w*|times?|visits?))",
    re.IGNORECASE,
)
#: a bound on any figure, hours as well as money: 'no more than 3 hours', 'at least two visits'
_ANY_BOUND = re.compile(
    rf"\b(?:{_BOUND_WORDS})\s*£?\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b)",
    re.IGNORECASE,
)
#: someone else pays part of it: which part comes from the budget is not said
_SHARED = re.compile(
    r"\b(?:pays?|paying|covers?|covering|puts? in|chips? in|funds?|funding)\s+(?:for\s+)?(?:half|part|some|a bit|"
    r"the rest|the other half|a third|a quarter|\d+\s*%)\b|"
    r"\b(?:split|share|sharing|go halves)\b.{0,20}\b(?:cost|it|bill)\b|\btop(?:s|ped|ping)?(?: it)?[ -]?up\b|"
    r"\bhalf (?:of it )?(?:from|by|paid by|comes from)\b|"
    r"\bpays?\s+£?\s*\d[\d,.]*\s+(?:of (?:that|it|this)|(?:it\s+)?(?:myself|herself|himself|themselves|ourselves))\b|"
    r"\b(?:my|her|his|their|our) (?:half|share|part|bit)\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\b|\d\s*(?:-|to)\s*£?\s*\d", re.IGNORECASE)


def hedged(text: str) -> bool:
    """'about', 'maybe', 'or so', '40ish': the figure is a guess."""
    return bool(_HEDGES.search(text))


def bounded(text: str) -> bool:
    """'no more than 3 hours', 'under £50', 'at least two visits': a limit, not a figure to plan with."""
    return bool(_ANY_BOUND.search(text))


def amounts_said(text: str) -> List[Decimal]:
    """The different amounts of money in `text`, in order ('£12 there and £12 back' is one)."""
    amounts: List[Decimal] = []
    for match in money_matches(analyse(text)):
        if match.money.amount not in amounts:
            amounts.append(match.money.amount)
    return amounts


def cost_doubt(text: str) -> Optional[str]:
    """Why the cost in `text` should be asked about again (TWO_MEANINGS, SHARED, APPROXIMATE, RANGE
    or TWO_PERIODS), or None."""
    if _TWO_MEANINGS.search(text):
        return TWO_MEANINGS
    if _SHARED.search(text):
        return SHARED
    if _HEDGES.search(text) or _BOUND.search(text):
        return APPROXIMATE
    doc = analyse(text)
    if len(set(amounts_in(doc))) > 1 or _BETWEEN.search(text):
        return RANGE
    counted = [freq for freq in doc.spans["freq"] if freq.label_ in COUNTED_FREQUENCIES]
    periods = {period_name(p) for p in doc.spans["per"] if not p.label_.endswith("_abbr") and not overlaps(p, counted)}
    return TWO_PERIODS if len(periods) > 1 else None


_JOINED = re.compile(r"\b(?:and|also|as well|plus|then)\b", re.IGNORECASE)


def several_supports(text: str) -> bool:
    """Whether one message describes two things with their own costs ('a taxi, £18 each Thursday,
    and also a cleaner once a fortnight for £45'): two different amounts joined by 'and', 'also'
    or 'plus'. '£12 there and £12 back' is one amount said twice."""
    amounts = [match for match in money_matches(analyse(text), allow_bare=False)]
    if len({match.money.amount for match in amounts}) < 2:
        return False
    between = text[amounts[0].span.end_char : amounts[-1].span.start_char]
    return bool(_JOINED.search(between))


#: what a count multiplies in a price ('3 days at a time', 'three terms a year')
_COUNTED_UNITS = frozenset(
    {"day", "night", "week", "month", "term", "session", "class", "classe", "lesson", "visit", "trip", "time", "ticket"}
)


def numbers_left_over(text: str) -> bool:
    """A count in a cost answer that is not the amount, how often, what it is per, a date or a
    length of time, and counts days, terms, sessions… or anything said so many a period ('£80 a
    day, 3 days at a time, 4 times a year'; '£60 per term, three terms a year'; '£40 a game and
    twelve games a year'): the sum is the person's to make, so it is asked about, never guessed.
    ('£3.20 on the 36 bus' has no such count.)"""
    doc = analyse(text or "")
    used = [*doc.spans["money"], *doc.spans["date"], *doc.spans["freq"], *doc.spans["per"], *doc.spans["duration"]]
    periods = {span.start for span in (*doc.spans["per"], *doc.spans["freq"])}
    for token in doc[:-1]:
        if not token._.sp_is_num or any(span.start <= token.i < span.end for span in used):
            continue
        if doc[token.i + 1]._.sp_canon.removesuffix("s") in _COUNTED_UNITS:  # 'wks' is 'weeks'
            return True
        if {token.i + 2, token.i + 3} & periods:  # 'twelve games a year', '12 home games a year'
            return True
    return False


def change_doubt(text: str) -> bool:
    """Whether a change to a cost already recorded must be asked about, not made: two amounts
    ('£12 there and £12 back so £24'), a range or a guess ('£20 or maybe £25'), as for a new cost."""
    return bool(amounts_said(text)) and cost_doubt(text) is not None


#: 'once a week', 'three times a month': a count before a period says how often, not a one-off
_COUNT_BEFORE_PERIOD = re.compile(r"\b(?:once|twice|thrice|\w+\s+times)\s+(?=(?:a|an|per|every|each)\b)", re.IGNORECASE)


def _periods_named(text: str) -> Set[str]:
    """Every cost period whose words appear in `text` ('a week', 'monthly', 'one off'); 'week' is
    not counted inside 'four weekly'."""
    lowered = _COUNT_BEFORE_PERIOD.sub("", text.lower())
    named = {
        code
        for code, words in COST_PERIODS.items()
        if any(re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lowered) for word in words)
    }
    return named - {"week"} if "4 weeks" in named else named


def period_doubt(text: str) -> Optional[str]:
    """TWO_PERIODS when an answer to 'a week, a month, a year or each time?' names more than one
    ('not monthly, its weekly'), APPROXIMATE for a hedge ('maybe monthly'), TWO_MEANINGS for a
    word people use both ways ('bi-weekly'); else None."""
    if _TWO_MEANINGS.search(text):
        return TWO_MEANINGS
    if _HEDGES.search(text):
        return APPROXIMATE
    return TWO_PERIODS if len(_periods_named(text)) > 1 else None


def hedged_period(text: str) -> Optional[str]:
    """The one cost period a hedged answer names ('I think it's weekly', 'probably monthly'),
    to be checked with the person; None when it names none or several."""
    named = _periods_named(text)
    return next(iter(named)) if period_doubt(text) == APPROXIMATE and len(named) == 1 else None


_NEGATED = re.compile(
    r"\b(?:not|isn'?t|never|no longer)\s+(?:(?:a|an|per|every|each|the|it'?s|its|by the)\s+)*$", re.IGNORECASE
)


def _period_mentions(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, period) of each cost period named, in order; a period inside a longer one
    ('week' in 'every 4 weeks') and 'a week' in 'twice a week' are left out."""
    lowered = _COUNT_BEFORE_PERIOD.sub(lambda m: " " * len(m.group()), text.lower())
    found = [
        (m.start(), m.end(), code)
        for code, words in COST_PERIODS.items()
        for word in words
        for m in re.finditer(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lowered)
    ]
    inside = {f for f in found for o in found if o != f and o[0] <= f[0] and f[1] <= o[1]}
    return sorted(set(found) - inside)


def settled_period(text: str) -> Optional[str]:
    """The one period meant when two are named: the other is denied ('not monthly, it's weekly',
    '£10 per week not per month'), or the person changed their mind ('a week, no sorry a month').
    None when it is still not clear. Only ever a reading to check with the person."""
    kept = [m for m in _period_mentions(text) if not _NEGATED.search(text[: m[0]])]
    if len({code for *_, code in kept}) == 1:
        return kept[0][2]
    changes = list(NEW_FIGURE.finditer(text))
    after = [m for m in kept if changes and m[0] >= changes[-1].end()]
    return after[0][2] if len({code for *_, code in after}) == 1 else None


def settled_cost(text: str) -> Optional[Tuple[Decimal, str]]:
    """(amount, period) when two amounts are said because the person changed their mind ('£40 a
    week, no sorry £45'; 'it was £80 a month but now it's £95 a month'): the later amount, with
    its own period or the one period named. None when it is not that clear. Only ever a reading
    to check with the person."""
    changes = list(NEW_FIGURE.finditer(text))
    if not changes:
        return None
    later = money_matches(analyse(text[changes[-1].end() :]))
    if len(later) != 1:
        return None
    period = later[0].money.per or settled_period(text)
    return (later[0].money.amount, period) if period and later[0].money.amount > 0 else None
