"""bot/quiet.py hides the expected library noise of a start and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT

# a server's start: the filters, then Rasa's command line setting up its own, then the warnings
SCRIPT = """
import logging, warnings
from pyparsing.warnings import PyparsingDeprecationWarning
from bot import quiet
quiet.install()
from rasa.utils.common import configure_logging_and_warnings
configure_logging_and_warnings()

def warn(category, message, module):
    warnings.warn_explicit(message, category, module.replace(".", "/") + ".py", 1, module=module)

warn(DeprecationWarning, "a library's notice", "sanic_cors.extension")
warn(PyparsingDeprecationWarning, "'parseString' deprecated - use 'parse_string'", "matplotlib.fontconfig_pattern")
warn(UserWarning, "The utterance 'utter_budget' is not used in any story or rule.", "rasa.shared.utils.io")
warn(UserWarning, "The following duplicated intents have been found across multiple domain files: faq", "rasa.shared.utils.io")
warn(UserWarning, "You have defined training data with examples for training a response selector, but your NLU configuration does not include a response selector component.", "rasa.shared.utils.io")
warn(UserWarning, "The following duplicated intents have been found across multiple domain files: greet", "rasa.shared.utils.io")
warn(DeprecationWarning, "our own notice", "bot.money")
warn(UserWarning, "a real problem with the domain", "rasa.shared.utils.io")
print("routine lines:", logging.getLogger("rasa_sdk.executor").isEnabledFor(logging.INFO))
"""


def test_only_the_expected_noise_is_hidden() -> None:
    ran = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip() == "routine lines: False"
    shown = [line for line in ran.stderr.splitlines() if "Warning: " in line]
    assert len(shown) == 3, "\n".join(shown)
    assert "duplicated intents" in shown[0] and "greet" in shown[0]  # only faq's is expected
    assert "our own notice" in shown[1] and "a real problem with the domain" in shown[2]


def test_a_server_started_directly_is_as_quiet(tmp_path: Path) -> None:
    """`python -m bot.rasa_server` without the Makefile's environment prints what it was asked
    for and nothing from the libraries' imports."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "RASA_TELEMETRY_ENABLED": "false"}
    ran = subprocess.run(
        [sys.executable, "-m", "bot.rasa_server", "--version"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
        env=env,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert "Rasa Version" in ran.stdout
    assert ran.stderr.strip() == "", ran.stderr[-2000:]
