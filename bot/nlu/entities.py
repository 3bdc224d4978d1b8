"""SupportPlanEntityExtractor: a Rasa 3.6 NLU graph component that adds the figures people say
to each message as entities, using the same parsers as the forms (bot.parsing):

    money          amount in pounds, two decimals      '£15 an hour'        → '15.00'
    money_period   what an amount is per               '£15 an hour'        → 'hour'
    hours          hours per week                      '2 hours a day'      → '14'
    frequency      times per week                      'twice a week'       → '2'
    date           ISO date, UK day-first              'born 3/4/1956'      → '1956-04-03'

Each entity has `start`/`end` character offsets into the text. Only figures said with their unit
are taken ('£15', '6 hours'): a bare number means nothing without the question, which the form
validators know and this component does not.

config.yml:
    - name: bot.nlu.entities.SupportPlanEntityExtractor
      # entities: [money, money_period, hours, frequency, date]   (default: all five)
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.parsing.dates import date_matches
from bot.parsing.frequency import frequency_match
from bot.parsing.hours import hours_match
from bot.parsing.money import money_matches
from bot.parsing.pipeline import analyse

ENTITY_NAMES = ("money", "money_period", "hours", "frequency", "date")
PENNY = Decimal("0.01")


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
            found.append(_entity("hours", str(hours.hours_per_week), hours.start_char, hours.end_char))
    if "frequency" in wanted:
        times = frequency_match(doc)
        if times is not None:
            found.append(_entity("frequency", str(times.per_week), times.span.start_char, times.span.end_char))
    if "date" in wanted:
        for when in date_matches(doc, today):
            found.append(_entity("date", when.value.isoformat(), when.span.start_char, when.span.end_char))
    return sorted(found, key=lambda entity: (entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class SupportPlanEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds money, money_period, hours, frequency and date entities found by bot.parsing."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": list(ENTITY_NAMES)}

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        return ["en"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SupportPlanEntityExtractor":
        return cls({**cls.get_default_config(), **config})

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.component_config = config
        unknown = set(config.get("entities") or ()) - set(ENTITY_NAMES)
        if unknown:
            raise ValueError(f"{self.name}: unknown entities {sorted(unknown)}; choose from {list(ENTITY_NAMES)}")
        self.wanted = list(config.get("entities") or ENTITY_NAMES)

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the entities found to each message's entities (other extractors' are kept)."""
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            extracted = self.add_extractor_name(extract_entities(text, self.wanted))
            message.set(ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True)
        return messages


__all__ = ["ENTITY_NAMES", "SupportPlanEntityExtractor", "extract_entities"]
