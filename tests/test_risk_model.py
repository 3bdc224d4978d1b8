"""RiskModel: a binary risk model trained on the NLU examples (safeguarding is risk), the choice
paraphrases and data/safety-style files, saved with skops, loaded, and its probability put on
every message; its fingerprint follows the files it reads beside the NLU data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.config import PROJECT_ROOT
from bot.nlu.risk_model import MODEL_FILE, RISK_PROBABILITY, RiskModel, load_safety_examples
from bot.nlu.saved_model import UntrustedModelError

CONTEXT = ExecutionContext(GraphSchema({}), "test")
NLU = {
    "safeguarding": ["he hits me", "i want to die", "my carer takes my money", "nobody has fed me for days"],
    "inform": ["a cleaner twice a week", "help with my shopping", "£40 a week", "my daughter helps me"],
}
SAFETY = {
    "risk": ["i cant go on", "he hurts me when im alone", "i want it all to stop"],
    "ordinary": ["my knee hurts when it rains", "i live alone and like it", "the bus stop is near"],
}
CHOICES = {"question": "yes_no", "examples": {"yes": ["yes", "yeah"], "no": ["no", "nope"]}}


def folders(tmp_path: Path) -> dict:
    (tmp_path / "safety").mkdir()
    (tmp_path / "choices").mkdir()
    (tmp_path / "safety" / "everyday.yml").write_text(yaml.safe_dump(SAFETY))
    (tmp_path / "choices" / "yes_no.yml").write_text(yaml.safe_dump(CHOICES))
    return {"safety": str(tmp_path / "safety"), "choices": str(tmp_path / "choices")}


def trained(tmp_path: Path) -> RiskModel:
    (tmp_path / "model").mkdir()
    model = RiskModel.create(folders(tmp_path), LocalModelStorage(tmp_path / "model"), Resource("risk"), CONTEXT)
    data = TrainingData([Message(data={"text": t, "intent": i}) for i, texts in NLU.items() for t in texts])
    model.train(data)
    return model


def test_a_reloaded_model_scores_risk_above_ordinary_messages(tmp_path: Path) -> None:
    trained(tmp_path)
    loaded = RiskModel.load({}, LocalModelStorage(tmp_path / "model"), Resource("risk"), CONTEXT)

    risky, ordinary = loaded.process([Message(data={"text": "he hits me"}), Message(data={"text": "yes"})])

    assert 0 <= ordinary.get(RISK_PROBABILITY) < 0.5 < risky.get(RISK_PROBABILITY) <= 1
    assert risky.as_dict(only_output_properties=True)[RISK_PROBABILITY] == risky.get(RISK_PROBABILITY)


def test_its_training_data_is_the_nlu_examples_the_choices_and_the_safety_files(tmp_path: Path) -> None:
    model = RiskModel.create(folders(tmp_path), LocalModelStorage(tmp_path), Resource("risk"), CONTEXT)
    data = TrainingData([Message(data={"text": t, "intent": i}) for i, texts in NLU.items() for t in texts])
    examples = dict(model.training_examples(data))
    assert examples["he hits me"] and examples["i cant go on"]
    assert not examples["help with my shopping"] and not examples["yeah"] and not examples["the bus stop is near"]
    assert len(examples) == 8 + 4 + 6


def test_an_untrained_model_sets_nothing(tmp_path: Path) -> None:
    loaded = RiskModel.load({}, LocalModelStorage(tmp_path), Resource("risk"), CONTEXT)
    assert loaded.process([Message(data={"text": "he hits me"})])[0].get(RISK_PROBABILITY) is None


def test_a_saved_file_with_an_untrusted_type_is_refused(tmp_path: Path) -> None:
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    storage = LocalModelStorage(tmp_path)
    with storage.write_to(Resource("risk")) as model_dir:
        sio.dump(make_pipeline(FunctionTransformer(print)), model_dir / MODEL_FILE)
    with pytest.raises(UntrustedModelError):
        RiskModel.load({}, storage, Resource("risk"), CONTEXT)


def test_changing_the_safety_files_changes_the_fingerprint(tmp_path: Path) -> None:
    config = folders(tmp_path)
    before = RiskModel.fingerprint_addon(config)
    (tmp_path / "safety" / "more.yml").write_text(yaml.safe_dump({"ordinary": ["my cat is called Bob"]}))
    assert RiskModel.fingerprint_addon(config) != before


def test_the_project_safety_files_hold_only_risk_and_ordinary_lists_without_repeats() -> None:
    for path in sorted((PROJECT_ROOT / "data" / "safety").glob("*.yml")):
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) <= {"risk", "ordinary"}, path.name
    texts = [t.lower() for t, _ in load_safety_examples(PROJECT_ROOT / "data" / "safety")]
    assert len(texts) == len(set(texts))


def test_an_entry_yaml_does_not_read_as_text_is_refused(tmp_path: Path) -> None:
    """An unquoted `no` is YAML's false: trained on as "False", it would teach nothing true."""
    (tmp_path / "answers.yml").write_text("ordinary:\n- nobody\n- no\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote these entries"):
        load_safety_examples(tmp_path)
