"""The library noise a start is expected to print, filtered in one place; every other warning,
and every error, still shows. `python -m bot.quiet MODULE ARGS…` runs MODULE (bot.rasa_server,
bot.action_server) as the main module with the filters installed first: `supportplan serve`
starts both servers so, and `make train` trains so.

- Sanic, imported by both servers, turns every DeprecationWarning on (`filterwarnings("once",
  category=DeprecationWarning)` in sanic/app.py); Python shows them only for `__main__`. The
  libraries below then print deprecations of their own dependencies' APIs at import (distutils,
  pkg_resources, pyparsing's old names, click, jax): notices for their maintainers, not for us.
  They are hidden again for those libraries only; ours (bot, actions) and Rasa's still show.
- Training warns about each response and intent "not used in any story or rule", about 150
  lines: our responses are sent, and our intents read, by custom actions (actions/detours.py
  and the forms), so the list is expected. It goes on Rasa's own list of expected
  warnings, which Rasa applies unless it runs with --debug. So do pyparsing's notices of its
  old names (used by packaging and matplotlib): they are UserWarnings too, which Rasa's command
  line shows once each by a filter put before the one above.
- Training also warns that `faq` is listed by several domain files (each file of FAQ answers
  lists it) and that no response selector is configured (Rasa looks for its own class by name;
  ours is bot/nlu/question_selector.py).
- rasa-sdk logs a line at INFO for every action it registers.
- TensorFlow's C++ start-up lines (CPU features, no GPU, no TensorRT) and SQLAlchemy's notice
  about 2.0 (Rasa's tracker store) are hidden by QUIET_ENVIRONMENT, unless the environment
  sets those variables otherwise.

Both servers' `main()` call `install()` first, so `python -m bot.rasa_server …` and
`python -m bot.action_server` are as quiet as through this module.
"""

from __future__ import annotations

import logging
import os
import runpy
import sys
import warnings

from pyparsing.warnings import PyparsingDeprecationWarning

#: the libraries whose own deprecation notices are hidden (the module a warning is reported from)
LIBRARIES_DEPRECATING = r"(apscheduler|matplotlib|packaging|pkg_resources|sanic_cors|spacy|tensorflow|typer)(\.|$)"
#: Rasa's warnings that are expected here, as (category, message pattern) for Rasa's own list
EXPECTED_RASA_WARNINGS = [
    (UserWarning, r"The (intent|utterance|action) '[^']+' is not used in any story or rule"),
    (PyparsingDeprecationWarning, r"'\w+' deprecated - use '\w+'"),
    # the FAQ's retrieval intent is listed by each domain file whose responses answer it
    (UserWarning, r"The following duplicated intents have been found across multiple domain files: faq$"),
    # Rasa looks for its own ResponseSelector by name; ours is bot.nlu.question_selector.QuestionSelector
    (UserWarning, r"You have defined training data with examples for training a response selector"),
]
#: settings that quieten libraries read from the environment (the Makefile exports the same)
QUIET_ENVIRONMENT = {"TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
#: loggers that report routine steps at INFO, and the level they are given instead
CHATTY_LOGGERS = {"rasa_sdk.executor": logging.WARNING}


_installed = False


def install() -> None:
    """Hide the libraries' deprecation notices, Rasa's expected warnings and the routine lines
    (once; later calls change nothing). Both servers import Sanic and Rasa's utilities anyway
    (the actions use Rasa's NLU)."""
    global _installed
    if _installed:
        return
    _installed = True
    for name, value in QUIET_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    import sanic  # noqa: F401  (its "show every DeprecationWarning" filter first, so this one goes before it)
    from rasa.utils.common import EXPECTED_WARNINGS

    warnings.filterwarnings("ignore", category=DeprecationWarning, module=LIBRARIES_DEPRECATING)
    EXPECTED_WARNINGS.extend(EXPECTED_RASA_WARNINGS)
    for name, level in CHATTY_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


def main() -> None:
    module, sys.argv = sys.argv[1], sys.argv[1:]
    install()
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
