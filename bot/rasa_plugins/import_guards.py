"""Optional imports the Rasa server never uses are kept out.

At start-up TensorFlow's TFLite tools import JAX if it is installed (TensorFlow 2.12 installs it)
for a converter a Rasa server never runs; JAX's compiled library alone is about 38 MB resident.
Marking it absent makes that optional import fail fast, as TensorFlow expects. It must be
installed before anything imports TensorFlow (bot/rasa_plugins/patches.py installs it first).
"""

from __future__ import annotations

import sys

#: modules the Rasa server only ever imports optionally, for features it never uses
NEVER_USED = ("jax",)


def install() -> None:
    """Make `import name` raise ImportError for each module in NEVER_USED (idempotent)."""
    for name in NEVER_USED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
