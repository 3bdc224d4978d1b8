"""ChoiceReader: reads a free-text answer to each of the plan's fixed-choice questions with a
model trained on many paraphrases per choice (data/choices/<question>.yml), as a Rasa 3.6 NLU
graph component.

Why here and like this: a separate scikit-learn model per question (the same TF-IDF word and
character n-grams and logistic regression as LinearIntentClassifier) learns the relations, names,
text-message spelling and second-language grammar people use, without adding a dozen intents to
the intent model that steers detours. It runs in the Rasa server, which already holds
scikit-learn, so the action server stays small. Every message gets `choice_readings`:
{question: [[choice, probability], ...]} for the most likely three choices of each question
(`unclear` is one of the choices: an answer that picks none). The forms decide what to do with a
reading (bot/answers/reading.py).

config.yml:
    - name: bot.nlu.choice_reader.ChoiceReader
      # data: data/choices        one YAML file per question, relative to the project
      # C: 20                     inverse regularisation strength
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.pipeline import Pipeline

from bot.answers.reading import READINGS
from bot.config import PROJECT_ROOT
from bot.nlu.linear_intent_classifier import text_model
from bot.nlu.saved_model import ModelFileError, SavedModel

logger = logging.getLogger(__name__)

MODEL_FILE = "choice_readers.skops"
TOP = 3

Examples = Dict[str, List[Tuple[str, str]]]


def load_examples(folder: Path) -> Examples:
    """{question: [(text, choice), ...]} from every data/choices/<question>.yml."""
    examples: Examples = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        examples[data["question"]] = [
            (str(text), str(code)) for code, texts in data["examples"].items() for text in texts
        ]
    return examples


def ranking(model: Pipeline, texts: List[str]) -> List[List[List[Any]]]:
    """For each text, its TOP choices as [choice, probability] pairs, most likely first."""
    rows = model.predict_proba(texts)
    names = model.classes_
    return [[[str(names[i]), round(float(row[i]), 4)] for i in row.argsort()[::-1][:TOP]] for row in rows]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ChoiceReader(SavedModel):
    """Its saved model is {question: fitted pipeline}; with none saved it reads nothing."""

    MODEL_FILE = MODEL_FILE
    MODEL_TYPE = dict

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"data": "data/choices", "C": 20.0}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The examples are not Rasa training data, so their content is part of the fingerprint:
        changing them retrains this component."""
        digest = hashlib.sha256()
        for path in sorted(cls._folder(config).glob("*.yml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    @classmethod
    def _folder(cls, config: Dict[str, Any]) -> Path:
        return PROJECT_ROOT / {**cls.get_default_config(), **config}["data"]

    def train(self, training_data: TrainingData) -> Resource:
        """Fits one model per question on data/choices (the Rasa training data is not used)."""
        examples = load_examples(self._folder(self._config))
        self._model = {
            question: text_model(float(self._config["C"])).fit([t for t, _ in pairs], [c for _, c in pairs])
            for question, pairs in examples.items()
        }
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        scored = [m for m in messages if m.get(TEXT)]
        if not self._model or not scored:
            return messages
        texts = [m.get(TEXT) for m in scored]
        by_question = {question: ranking(model, texts) for question, model in self._model.items()}
        for i, message in enumerate(scored):
            message.set(READINGS, {question: rows[i] for question, rows in by_question.items()}, add_to_output=True)
        return messages


__all__ = ["ChoiceReader", "ModelFileError", "load_examples", "ranking"]
