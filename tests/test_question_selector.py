"""QuestionSelector: Rasa's ResponseSelector, run only on messages classified as questions."""

from __future__ import annotations

from typing import List

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.question_selector import QuestionSelector


def message(text: str, intent: str) -> Message:
    return Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})


def test_only_questions_reach_the_answer_model(tmp_path, monkeypatch) -> None:
    config = {**QuestionSelector.get_default_config(), "retrieval_intent": "faq"}
    selector = QuestionSelector.create(
        config, LocalModelStorage(tmp_path), Resource("faq"), ExecutionContext(GraphSchema({}), "t")
    )
    reached: List[str] = []

    def answer(_self: ResponseSelector, messages: List[Message]) -> List[Message]:
        reached.extend(m.get("text") for m in messages)
        return messages

    monkeypatch.setattr(ResponseSelector, "process", answer)
    messages = [
        message("what is a direct payment", "faq"),
        message("yes please", "affirm"),
        message("can I pay my son", "faq"),
    ]

    assert selector.process(messages) == messages
    assert reached == ["what is a direct payment", "can I pay my son"]
