"""SupportPlanEntityExtractor: the Rasa 3.6 graph component that adds money, money_period, hours,
frequency and date entities, called the way Rasa calls it (create, then process)."""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entities import SupportPlanEntityExtractor
from bot.nlu.figures import ENTITY_NAMES, extract_entities

PATH = "bot.nlu.entities.SupportPlanEntityExtractor"


@pytest.fixture(scope="module")
def extractor(tmp_path_factory) -> SupportPlanEntityExtractor:
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    context = ExecutionContext(GraphSchema({}), "test")
    return SupportPlanEntityExtractor.create(
        SupportPlanEntityExtractor.get_default_config(), storage, Resource("entities"), context
    )


def run(extractor: SupportPlanEntityExtractor, text: str) -> List[Dict[str, Any]]:
    message = Message(data={TEXT: text})
    [processed] = extractor.process([message])
    return processed.get(ENTITIES, [])


def found(entities: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["entity"]: e["value"] for e in entities}


def test_registered_with_the_default_recipe() -> None:
    assert DefaultV1Recipe._from_registry(PATH).clazz is SupportPlanEntityExtractor
    registered = DefaultV1Recipe._from_registry("SupportPlanEntityExtractor")
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is False


def test_the_recipe_builds_a_graph_with_it() -> None:
    config = {
        "recipe": "default.v1",
        "language": "en",
        "pipeline": [{"name": "WhitespaceTokenizer"}, {"name": PATH}],
        "policies": [],
    }
    graphs = DefaultV1Recipe().graph_config_for_recipe(config, {})
    assert f"run_{PATH}" in graphs.predict_schema.nodes or any(PATH in name for name in graphs.predict_schema.nodes)


def test_money_with_its_period_and_offsets(extractor) -> None:
    text = "I pay her £15 an hour"
    entities = run(extractor, text)
    assert found(entities) == {"money": "15.00", "money_period": "hour"}
    by_name = {e["entity"]: e for e in entities}
    assert text[by_name["money"]["start"] : by_name["money"]["end"]] == "£15"
    assert text[by_name["money_period"]["start"] : by_name["money_period"]["end"]] == "an hour"
    assert all(e["extractor"] == "SupportPlanEntityExtractor" for e in entities)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("£1,200 a year", {"money": "1200.00", "money_period": "year"}),
        ("15 quid", {"money": "15.00"}),
        ("fifteen pounds fifty", {"money": "15.50"}),
        ("£15ph", {"money": "15.00", "money_period": "hour"}),
        ("£300 one off", {"money": "300.00", "money_period": "one-off"}),
        ("£50 a day, twice a week", {"money": "50.00", "money_period": "visit", "frequency": "2"}),
        ("-£20", {"money": "-20.00"}),
        ("6 hours", {"hours": "6"}),
        ("2 hours a day", {"hours": "14", "frequency": "7"}),
        ("an hour each morning", {"hours": "7", "frequency": "7"}),
        ("about 6hrs a wk i think", {"hours": "6", "frequency": "1"}),
        ("twice a week", {"frequency": "2"}),
        ("monthly", {"frequency": "3/13"}),
        ("every other Tuesday", {"frequency": "0.5"}),
        ("born 3/4/1956", {"date": "1956-04-03"}),
        ("my date of birth is the 3rd of April 1956", {"date": "1956-04-03"}),
    ],
)
def test_entities(extractor, text: str, expected: Dict[str, str]) -> None:
    assert found(run(extractor, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "I have 2 grandchildren",
        "6",
        "15",
        "I want to get out more",
        "31/02/1990",
        "",
        "no",
    ],
)
def test_nothing_without_a_unit(extractor, text: str) -> None:
    assert run(extractor, text) == []


def test_every_entity_in_a_long_sentence_with_offsets(extractor) -> None:
    text = "She comes 3 hours twice a week at £15 an hour, and I was born 03/04/1956"
    entities = run(extractor, text)
    assert found(entities) == {
        "hours": "6",
        "frequency": "2",
        "money": "15.00",
        "money_period": "hour",
        "date": "1956-04-03",
    }
    spans = {e["entity"]: text[e["start"] : e["end"]] for e in entities}
    assert spans == {
        "hours": "3 hours",
        "frequency": "twice a week",
        "money": "£15",
        "money_period": "an hour",
        "date": "03/04/1956",
    }
    starts = [e["start"] for e in entities]
    assert starts == sorted(starts)
    for first, second in zip(entities, entities[1:], strict=False):
        assert first["end"] <= second["start"], "entities must not overlap"


def test_keeps_entities_from_other_extractors(extractor) -> None:
    other = {"entity": "outcome", "value": "x", "start": 0, "end": 1, "extractor": "DIETClassifier"}
    message = Message(data={TEXT: "£15 an hour", ENTITIES: [other]})
    extractor.process([message])
    entities = message.get(ENTITIES)
    assert entities[0] == other and found(entities[1:]) == {"money": "15.00", "money_period": "hour"}


def test_several_messages_and_one_without_text(extractor) -> None:
    messages = [Message(data={TEXT: "£40 per week"}), Message(data={}), Message(data={TEXT: "6 hours"})]
    out = extractor.process(messages)
    assert out is messages
    assert found(out[0].get(ENTITIES)) == {"money": "40.00", "money_period": "week"}
    assert out[1].get(ENTITIES) is None
    assert found(out[2].get(ENTITIES)) == {"hours": "6"}


def test_the_entities_can_be_chosen() -> None:
    only_dates = SupportPlanEntityExtractor({"entities": ["date"]})
    message = Message(data={TEXT: "£15 an hour since 1/1/2020"})
    only_dates.process([message])
    assert found(message.get(ENTITIES)) == {"date": "2020-01-01"}
    with pytest.raises(ValueError):
        SupportPlanEntityExtractor({"entities": ["postcode"]})


def test_extract_entities_without_rasa_objects() -> None:
    assert found(extract_entities("3 Apr 56", today=date(2026, 11, 22))) == {"date": "1956-04-03"}
    assert set(ENTITY_NAMES) == {"money", "money_period", "hours", "frequency", "date"}
