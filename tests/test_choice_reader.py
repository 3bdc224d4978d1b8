"""ChoiceReader: one model per question trained on data/choices-style files, saved with skops,
loaded, and its readings put on every message; its fingerprint follows the example files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.answers.reading import READINGS
from bot.choices import COST_PERIODS, MANAGEMENT_OPTIONS, PLAN_PARTS, PLANNED_BY, SERVICE_CATEGORIES, YES_NO
from bot.config import PROJECT_ROOT
from bot.nlu.choice_reader import MODEL_FILE, ChoiceReader, load_examples
from bot.nlu.saved_model import UntrustedModelError
from bot.plans.sections import REOPENABLE

CONTEXT = ExecutionContext(GraphSchema({}), "test")
WHO = {
    "self": ["me", "myself", "its for me", "my own plan", "just me", "i am doing mine"],
    "supporter": ["my mum", "helping my dad", "for my nan", "im her sister", "my son", "for my wife"],
    "unclear": ["what", "not sure", "huh", "eh?", "dunno", "which one"],
}


def write_examples(folder: Path, examples: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "planned_by.yml").write_text(yaml.safe_dump({"question": "planned_by", "examples": examples}))
    return folder


def trained(tmp_path: Path) -> ChoiceReader:
    data = write_examples(tmp_path / "choices", WHO)
    (tmp_path / "model").mkdir()
    reader = ChoiceReader.create(
        {"data": str(data)}, LocalModelStorage(tmp_path / "model"), Resource("choices"), CONTEXT
    )
    reader.train(TrainingData())
    return reader


def test_a_reloaded_reader_ranks_the_choices_of_each_question(tmp_path: Path) -> None:
    trained(tmp_path)
    loaded = ChoiceReader.load({}, LocalModelStorage(tmp_path / "model"), Resource("choices"), CONTEXT)

    message = loaded.process([Message(data={"text": "i'm helping my dad"})])[0]
    ranking = message.get(READINGS)["planned_by"]

    assert ranking[0][0] == "supporter"
    assert len(ranking) == 3 and sum(p for _, p in ranking) == pytest.approx(1.0, abs=1e-3)
    assert message.as_dict(only_output_properties=True)[READINGS] == message.get(READINGS)


def test_an_untrained_reader_adds_nothing(tmp_path: Path) -> None:
    loaded = ChoiceReader.load({}, LocalModelStorage(tmp_path), Resource("choices"), CONTEXT)
    assert loaded.process([Message(data={"text": "me"})])[0].get(READINGS) is None


def test_a_saved_file_with_an_untrusted_type_is_refused(tmp_path: Path) -> None:
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    storage = LocalModelStorage(tmp_path)
    with storage.write_to(Resource("choices")) as model_dir:
        sio.dump({"planned_by": make_pipeline(FunctionTransformer(print))}, model_dir / MODEL_FILE)
    with pytest.raises(UntrustedModelError):
        ChoiceReader.load({}, storage, Resource("choices"), CONTEXT)


def test_changing_the_examples_changes_the_fingerprint(tmp_path: Path) -> None:
    folder = write_examples(tmp_path / "choices", WHO)
    before = ChoiceReader.fingerprint_addon({"data": str(folder)})
    write_examples(folder, {**WHO, "self": WHO["self"] + ["for myself"]})
    assert ChoiceReader.fingerprint_addon({"data": str(folder)}) != before


def test_the_project_examples_name_exactly_the_choices_of_each_question() -> None:
    """data/choices and bot/choices.py agree: every choice has examples, and nothing else does
    (besides `unclear`)."""
    expected = {
        "planned_by": PLANNED_BY,
        "management_option": MANAGEMENT_OPTIONS,
        "yes_no": YES_NO,
        "service_category": SERVICE_CATEGORIES,
        "service_cost_period": COST_PERIODS,
        "which_section": PLAN_PARTS,
    }
    examples = load_examples(PROJECT_ROOT / "data" / "choices")
    assert set(examples) >= set(expected)
    for question, choices in expected.items():
        assert {code for _, code in examples[question]} == set(choices) | {"unclear"}, question


def test_the_parts_of_the_plan_are_the_ones_that_can_be_reopened_in_order() -> None:
    assert tuple(PLAN_PARTS) == REOPENABLE
