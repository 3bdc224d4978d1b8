"""The figures people say (money and what it is per, hours a week, times a week, dates) as Rasa
entities with `start`/`end` offsets, found by bot.parsing's rules: what the NLU pipeline's
SupportPlanEntityExtractor (bot/nlu/entities.py) adds to each message. Kept apart from that
component so what reads a message without the NLU model (bot/answers/trackers.py, the bench)
does not import Rasa's engine and TensorFlow with it."""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa.shared.nlu.constants import (
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
)

from bot.money import PENNY
from bot.parsing.dates import date_matches
from bot.parsing.frequency import frequency_match
from bot.parsing.hours import hours_match
from bot.parsing.money import money_matches
from bot.parsing.numbers import exact_text
from bot.parsing.pipeline import analyse

ENTITY_NAMES = ("money", "money_period", "hours", "frequency", "date")


def _entity(name: Text, value: Text, start: int, end: int) -> Dict[Text, Any]:
    return {
        ENTITY_ATTRIBUTE_TYPE: name,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: start,
        ENTITY_ATTRIBUTE_END: end,
    }


def extract_entities(
    text: Text, wanted: Optional[List[Text]] = None, today: Optional[date] = None
) -> List[Dict[Text, Any]]:
    """The entities in `text` (without the extractor name), in order of where they start."""
    wanted = list(wanted or ENTITY_NAMES)
    doc = analyse(text)
    found: List[Dict[Text, Any]] = []
    if "money" in wanted or "money_period" in wanted:
        for match in money_matches(doc, allow_bare=False):
            if "money" in wanted:
                amount = match.money.amount.quantize(PENNY)
                found.append(_entity("money", f"{amount:.2f}", match.span.start_char, match.span.end_char))
            if "money_period" in wanted and match.money.per is not None and match.period is not None:
                period = match.period
                found.append(_entity("money_period", match.money.per, period.start_char, period.end_char))
    if "hours" in wanted:
        hours = hours_match(doc, allow_bare=False)
        if hours is not None:
            found.append(_entity("hours", exact_text(hours.hours_per_week), hours.start_char, hours.end_char))
    if "frequency" in wanted:
        times = frequency_match(doc)
        if times is not None:
            found.append(_entity("frequency", exact_text(times.per_week), times.span.start_char, times.span.end_char))
    if "date" in wanted:
        for when in date_matches(doc, today):
            found.append(_entity("date", when.value.isoformat(), when.span.start_char, when.span.end_char))
    return sorted(found, key=lambda entity: (entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]))
