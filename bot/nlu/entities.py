"""SupportPlanEntityExtractor: a Rasa 3.6 NLU graph component that adds the figures people say
to each message as entities (bot/nlu/figures.py), using the same parsers as the forms (bot.parsing):

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

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.figures import ENTITY_NAMES, extract_entities


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
