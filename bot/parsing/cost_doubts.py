"""Doubt in what a person says a cost is: an approximate figure ('about £40'), a range ('£20-£25',
'between 30 and 50'), two amounts, or two periods ('£10 per week not per month', 'a week or maybe
a month'). A doubtful cost is asked about again, never recorded as a guess: a wrong figure in a
plan is worse than one more question."""
from __future__ import annotations

import re
from typing import Optional, Set

from bot.choices import COST_PERIODS
from bot.parsing.money import COUNTED_FREQUENCIES, money_matches, period_name
from bot.parsing.pipeline import analyse, overlaps

APPROXIMATE, RANGE, TWO_PERIODS = "approximate", "range", "two periods"
_HEDGES = re.compile(
    r"\b(?:about|around|roughly|approx\w*|maybe|probably|perhaps|i think|not sure|unsure|or so|something like|"
    r"give or take|up to|or thereabouts|ish)\b|\d\s*-?ish\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\b|\d\s*(?:-|to)\s*£?\s*\d", re.IGNORECASE)


def cost_doubt(text: str) -> Optional[str]:
    """Why the cost in `text` should be asked about again (APPROXIMATE, RANGE or TWO_PERIODS), or None."""
    if _HEDGES.search(text):
        return APPROXIMATE
    doc = analyse(text)
    if len({match.money.amount for match in money_matches(doc)}) > 1 or _BETWEEN.search(text):
        return RANGE
    counted = [freq for freq in doc.spans["freq"] if freq.label_ in COUNTED_FREQUENCIES]
    periods = {period_name(p) for p in doc.spans["per"] if not p.label_.endswith("_abbr") and not overlaps(p, counted)}
    return TWO_PERIODS if len(periods) > 1 else None


#: 'once a week', 'three times a month': a count before a period says how often, not a one-off
_COUNT_BEFORE_PERIOD = re.compile(r"\b(?:once|twice|thrice|\w+\s+times)\s+(?=(?:a|an|per|every|each)\b)", re.IGNORECASE)


def _periods_named(text: str) -> Set[str]:
    """Every cost period whose words appear in `text` ('a week', 'monthly', 'one off'); 'week' is
    not counted inside 'four weekly'."""
    lowered = _COUNT_BEFORE_PERIOD.sub("", text.lower())
    named = {code for code, words in COST_PERIODS.items()
             if any(re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lowered) for word in words)}
    return named - {"week"} if "4 weeks" in named else named


def period_doubt(text: str) -> Optional[str]:
    """TWO_PERIODS when an answer to 'a week, a month, a year or each time?' names more than one
    ('not monthly, its weekly'), or a hedge ('maybe monthly'); else None."""
    if _HEDGES.search(text):
        return APPROXIMATE
    return TWO_PERIODS if len(_periods_named(text)) > 1 else None
