"""RiskModel: a binary model of whether a message shows risk of harm, as a Rasa 3.6 NLU graph
component. The safety decision (bot/safety/detector.py) reads its `risk_probability`.

Why a model of its own: the intent model is multi-class, so everyday messages can only be taught
to it as some intent (`inform`), and that cost it macro-F1 (issue 14). This model learns one
thing, risk against everything else, from:

- risk: every `safeguarding` example in the NLU training data, and the `risk` lists in
  data/safety/*.yml;
- ordinary: every other NLU example, every paraphrase in data/choices/*.yml (answers to the
  plan's questions) and the `ordinary` lists in data/safety/*.yml (everyday messages, kept out of
  the intent model's data).

The features are like the intent model's (`risk_text_model`: TF-IDF word 1–2-grams and
character 2–5-grams), with a sentence embedding beside them (bot/nlu/sentence_encoder.py,
all-MiniLM-L6-v2, times `embedding_weight`), then logistic regression, with classes weighted so
that the risk examples (about 1 in 7) count as much as the rest. The embedding places a message
by what it means, so risk said in words no training example used can still land near risk: held
out one written-apart file at a time (six writers, each briefed apart; the model trained on
everything else), it caught as much risk with about a fifth fewer false alarms (README, "The
risk model hears meaning"). The weight 0.3 was chosen there, from 0.2, 0.3, 0.5, 1 and 1.5. Character n-grams across word boundaries, rather than
the intent model's 1–4-grams within words, caught a little more risk for fewer false alarms in the
cross-validation (bot/safety/sweep.py), and so did balanced class weights. The model is saved with skops and loaded with the same trusted types
as the intent model.

config.yml:
    - name: bot.nlu.risk_model.RiskModel
      # safety: data/safety      YAML files with `risk` and `ordinary` lists, relative to the project
      # choices: data/choices    the choice models' paraphrases, all ordinary
      # C: 20                    inverse regularisation strength
      # embedding_weight: 0.3    how much the sentence embedding counts beside the n-grams (0: not used)
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.config import PROJECT_ROOT
from bot.nlu.choice_reader import load_examples
from bot.nlu.saved_model import SavedModel
from bot.nlu.sentence_encoder import encoder_release, sentence_encoder
from bot.safety.detector import RISK_INTENT, RISK_PROBABILITY

logger = logging.getLogger(__name__)

MODEL_FILE = "risk_model.skops"

Labelled = List[Tuple[str, bool]]


def load_safety_file(path: Path) -> Labelled:
    """(text, is risk) from the `risk` and `ordinary` lists of one data/safety file. Every entry
    must be a string: YAML reads an unquoted `no` as false, which would train on "False"."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labelled = [(text, True) for text in data.get("risk") or []] + [
        (text, False) for text in data.get("ordinary") or []
    ]
    not_text = [text for text, _ in labelled if not isinstance(text, str)]
    if not_text:
        raise ValueError(f"{path.name}: quote these entries, they are not read as text: {not_text}")
    return labelled


def load_safety_examples(folder: Path) -> Labelled:
    """Every data/safety/*.yml, in order of name."""
    return [example for path in sorted(folder.glob("*.yml")) for example in load_safety_file(path)]


def load_choice_examples(folder: Path) -> Labelled:
    """Every paraphrase in data/choices, as ordinary (answers to the plan's questions)."""
    return [(text, False) for pairs in load_examples(folder).values() for text, _ in pairs]


class SentenceEmbedding(BaseEstimator, TransformerMixin):
    """A step of the feature union: each text's sentence embedding times `weight`. It holds only
    the weight; the encoder's weights come from the installed package when it is used."""

    def __init__(self, weight: float = 0.3) -> None:
        self.weight = weight

    def fit(self, texts: List[str], labels: Any = None) -> "SentenceEmbedding":
        return self

    def transform(self, texts: List[str]) -> Any:
        return sentence_encoder().encode(list(texts)) * self.weight


def risk_text_model(c: float, embedding_weight: float) -> Pipeline:
    """TF-IDF word 1–2-grams and character 2–5-grams (across word boundaries, so "want to die"
    and "dont want to be here" are features too) and the sentence embedding times
    `embedding_weight` (left out at 0), then a logistic regression with balanced class weights
    (risk is the smaller class)."""
    steps: List[Any] = [
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char", ngram_range=(2, 5), sublinear_tf=True),
    ]
    if embedding_weight:
        steps.append(SentenceEmbedding(embedding_weight))
    return make_pipeline(make_union(*steps), LogisticRegression(C=c, class_weight="balanced", max_iter=5000))


def risk_probabilities(model: Pipeline, texts: List[str]) -> List[float]:
    """The model's probability of risk for each text."""
    column = list(model.classes_).index(True)
    return [round(float(row[column]), 4) for row in model.predict_proba(texts)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class RiskModel(SavedModel):
    """With no saved model it sets nothing (the detector then reads the intent model)."""

    MODEL_FILE = MODEL_FILE
    MODEL_TYPE = Pipeline

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"safety": "data/safety", "choices": "data/choices", "C": 20.0, "embedding_weight": 0.3}

    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> "SavedModel":
        """As SavedModel.load; the sentence encoder's weights are read now, while the server starts,
        not on the first person's message."""
        loaded = super().load(*args, **kwargs)
        if loaded._model is not None and float(loaded._config["embedding_weight"]):
            sentence_encoder()
        return loaded

    @classmethod
    def _folders(cls, config: Dict[str, Any]) -> Tuple[Path, Path]:
        config = {**cls.get_default_config(), **config}
        return PROJECT_ROOT / config["safety"], PROJECT_ROOT / config["choices"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """data/safety and data/choices are not Rasa training data, so their content is part of
        the fingerprint: changing them retrains this component. So is the sentence encoder's
        release, whose numbers the model was fitted on."""
        digest = hashlib.sha256(encoder_release().encode())
        for folder in cls._folders(config):
            for path in sorted(folder.glob("*.yml")):
                digest.update(str(folder.name).encode() + b"/" + path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def training_examples(self, training_data: TrainingData) -> Labelled:
        """The NLU examples (safeguarding is risk), the choice paraphrases and data/safety."""
        safety, choices = self._folders(self._config)
        nlu = [(m.get(TEXT), m.get(INTENT) == RISK_INTENT) for m in training_data.intent_examples if m.get(TEXT)]
        return nlu + load_choice_examples(choices) + load_safety_examples(safety)

    def train(self, training_data: TrainingData) -> Resource:
        examples = self.training_examples(training_data)
        if len({risk for _, risk in examples}) < 2:
            logger.warning("The risk model needs risk and ordinary examples: none trained.")
            return self._resource
        model = risk_text_model(float(self._config["C"]), float(self._config["embedding_weight"]))
        self._model = model.fit([t for t, _ in examples], [r for _, r in examples])
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets `risk_probability` on every message with text."""
        scored = [m for m in messages if m.get(TEXT)]
        if self._model is None or not scored:
            return messages
        for message, probability in zip(
            scored, risk_probabilities(self._model, [m.get(TEXT) for m in scored]), strict=True
        ):
            message.set(RISK_PROBABILITY, probability, add_to_output=True)
        return messages
