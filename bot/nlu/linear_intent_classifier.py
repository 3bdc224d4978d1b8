"""LinearIntentClassifier: the intent classifier, a logistic regression over word and character
n-grams (scikit-learn), as a Rasa 3.6 NLU graph component.

It replaced DIETClassifier: on the same 80/20 split of data/nlu it scored a higher intent
macro-F1 (0.916 against 0.904) and trains in seconds instead of seven minutes, which is what
makes the 5-fold `make nlu-report` affordable. Every message gets `intent` and `intent_ranking`
(probabilities summing to 1), which FallbackClassifier, the safety check and the detours read.

    word n-grams 1–2 and character n-grams 1–4 within words (typos, SMS spelling, "pls"),
    each TF-IDF weighted with sublinear counts, then multinomial logistic regression.

The fitted model is saved with skops (as Rasa's own SklearnIntentClassifier does), and loading
refuses a file holding any type outside `TRUSTED_TYPES` (bot/nlu/saved_model.py).

config.yml:
    - name: bot.nlu.linear_intent_classifier.LinearIntentClassifier
      # C: 100                 inverse regularisation strength
      # word_ngrams: [1, 2]
      # char_ngrams: [1, 4]
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers import LABEL_RANKING_LENGTH
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.nlu.saved_model import SavedModel

logger = logging.getLogger(__name__)

MODEL_FILE = "intent_classifier.skops"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(SavedModel, IntentClassifier):
    """With no saved model (fewer than two intents in training) it sets no intent."""

    MODEL_FILE = MODEL_FILE
    MODEL_TYPE = Pipeline

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 100.0, "word_ngrams": [1, 2], "char_ngrams": [1, 4]}

    def _new_model(self) -> Pipeline:
        config = self._config
        return text_model(float(config["C"]), tuple(config["word_ngrams"]), tuple(config["char_ngrams"]))

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the model on every example with an intent (retrieval intents count as `faq`)."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        labels = [m.get(INTENT) for m in examples]
        if len(set(labels)) < 2:
            logger.warning("Fewer than two intents in the training data: no intent classifier trained.")
            return self._resource
        self._model = self._new_model().fit([m.get(TEXT) for m in examples], labels)
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets each message's intent and its ranking of up to LABEL_RANKING_LENGTH intents."""
        scored = [m for m in messages if m.get(TEXT)]
        if self._model is None or not scored:
            return messages
        probabilities = self._model.predict_proba([m.get(TEXT) for m in scored])
        names = self._model.classes_
        for message, row in zip(scored, probabilities, strict=False):
            ranking = [
                {INTENT_NAME_KEY: str(names[i]), PREDICTED_CONFIDENCE_KEY: float(row[i])}
                for i in row.argsort()[::-1][:LABEL_RANKING_LENGTH]
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


def text_model(c: float, word_ngrams: Tuple[int, int] = (1, 2), char_ngrams: Tuple[int, int] = (1, 4)) -> Pipeline:
    """TF-IDF word and within-word character n-grams, then logistic regression (also the choice readers')."""
    features = make_union(
        TfidfVectorizer(ngram_range=word_ngrams, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=char_ngrams, sublinear_tf=True),
    )
    return make_pipeline(features, LogisticRegression(C=c, max_iter=5000))
