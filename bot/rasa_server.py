"""The Rasa server's entry point (`python -m bot.rasa_server run …`): Rasa's own command line,
with optional imports it never uses kept out.

At start-up TensorFlow's TFLite tools import JAX if it is installed (TensorFlow 2.12 installs
it) for a converter a Rasa server never runs; JAX's compiled library alone is about 38 MB
resident. Marking it absent makes that optional import fail fast, as TensorFlow expects.
"""
from __future__ import annotations

import sys

#: modules the Rasa server only ever imports optionally, for features it never uses
NEVER_USED = ("jax",)


def keep_out_unused() -> None:
    """Make `import name` raise ImportError for each module in NEVER_USED."""
    for name in NEVER_USED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def main() -> None:
    from bot.startup import settings_or_exit

    settings_or_exit()
    keep_out_unused()
    from rasa.__main__ import main as rasa_main

    from bot.rasa_plugins import ratelimit

    ratelimit.install()

    rasa_main()


if __name__ == "__main__":
    main()
