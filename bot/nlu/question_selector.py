"""Rasa's ResponseSelector, run only for messages the intent classifier took as a question.

The answer it picks is used only when the message's intent is its retrieval intent (`faq`, see
actions/faq.py), yet stock Rasa runs its TensorFlow model on every message: about a tenth of the
Rasa server's CPU per turn. This selector gives the same answer to questions and skips the rest,
which then carry no `response_selector` entry.

Training prints Rasa's warning that no 'ResponseSelector' is configured: that check looks for
the exact class, not a subclass; this one trains on the same `faq/…` examples.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class QuestionSelector(ResponseSelector):
    def process(self, messages: List[Message]) -> List[Message]:
        """Selects an answer for each message whose intent is the retrieval intent."""
        questions = [m for m in messages if (m.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.retrieval_intent]
        super().process(questions)
        return messages
