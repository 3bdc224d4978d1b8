"""The action server stays small: its actions import neither Rasa's engine nor TensorFlow nor
scikit-learn, which only the Rasa server needs (importing them took the action server from about
130 MB to 600 MB), nor spaCy's command line (typer, click, pkg_resources: about 6 MB) nor
cryptography (its Rust library: about 7 MB; keys are derived with the standard library's HMAC)."""

from __future__ import annotations

import subprocess
import sys

from bot.config import PROJECT_ROOT

HEAVY = ("rasa", "tensorflow", "sklearn", "skops", "typer", "click", "pkg_resources", "cryptography")


def test_the_actions_import_nothing_heavy() -> None:
    code = (
        "import importlib, pkgutil, sys, actions\n"
        "for module in pkgutil.walk_packages(actions.__path__, 'actions.'):\n"
        "    importlib.import_module(module.name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
