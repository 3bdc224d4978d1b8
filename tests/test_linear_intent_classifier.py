"""LinearIntentClassifier: trains on intent examples, saves with skops, loads and ranks intents."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.linear_intent_classifier import MODEL_FILE, LinearIntentClassifier
from bot.nlu.saved_model import UntrustedModelError

EXAMPLES = {
    "greet": ["hi", "hello", "hiya", "good morning", "hello there", "hey"],
    "affirm": ["yes", "yes please", "yeah", "that's right", "correct", "yep"],
    "faq": [
        "what is a direct payment",
        "can i pay my daughter",
        "what is a payment card",
        "how do i complain",
        "what happens at a review",
        "who can manage my budget",
    ],
}
CONTEXT = ExecutionContext(GraphSchema({}), "test")


def training_data() -> TrainingData:
    messages = [
        Message(
            data={
                "text": text,
                "intent": intent,
                **({"intent_response_key": f"{intent}/q{i}"} if intent == "faq" else {}),
            }
        )
        for intent, texts in EXAMPLES.items()
        for i, text in enumerate(texts)
    ]
    return TrainingData(training_examples=messages)


def trained(storage_dir: Path) -> LinearIntentClassifier:
    classifier = LinearIntentClassifier.create({}, LocalModelStorage(storage_dir), Resource("intents"), CONTEXT)
    classifier.train(training_data())
    return classifier


def classify(classifier: LinearIntentClassifier, text: str) -> Message:
    return classifier.process([Message(data={"text": text})])[0]


def test_a_reloaded_model_ranks_intents_with_probabilities(tmp_path) -> None:
    trained(tmp_path)
    loaded = LinearIntentClassifier.load({}, LocalModelStorage(tmp_path), Resource("intents"), CONTEXT)

    message = classify(loaded, "helo there")  # a typo the character n-grams still place
    ranking = message.get("intent_ranking")

    assert message.get("intent")["name"] == "greet"
    assert [r["name"] for r in ranking][0] == "greet" and len(ranking) == 3
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
    assert classify(loaded, "whats a direct paymnet").get("intent")["name"] == "faq"


def test_messages_without_text_are_left_alone(tmp_path) -> None:
    message = trained(tmp_path).process([Message(data={"text": ""})])[0]
    assert message.get("intent") is None


def test_an_untrained_model_loads_empty_and_classifies_nothing(tmp_path) -> None:
    loaded = LinearIntentClassifier.load({}, LocalModelStorage(tmp_path), Resource("intents"), CONTEXT)
    assert classify(loaded, "hello").get("intent") is None


def test_a_saved_file_with_an_untrusted_type_is_refused(tmp_path) -> None:
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    storage = LocalModelStorage(tmp_path)
    with storage.write_to(Resource("intents")) as model_dir:
        sio.dump(make_pipeline(FunctionTransformer(print)), model_dir / MODEL_FILE)

    with pytest.raises(UntrustedModelError, match="not trusted"):
        LinearIntentClassifier.load({}, storage, Resource("intents"), CONTEXT)


def test_a_damaged_file_is_an_error_not_an_empty_classifier(tmp_path) -> None:
    from bot.nlu.saved_model import ModelFileError

    storage = LocalModelStorage(tmp_path)
    with storage.write_to(Resource("intents")) as model_dir:
        (model_dir / MODEL_FILE).write_bytes(b"not a model")

    with pytest.raises(ModelFileError):
        LinearIntentClassifier.load({}, storage, Resource("intents"), CONTEXT)
