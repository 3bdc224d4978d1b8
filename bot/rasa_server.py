"""The Rasa server's entry point (`python -m bot.rasa_server run|train …`): Rasa's own command
line, with three additions.

- `run`: the model is checked before Rasa starts (bot/rasa_plugins/model_guard.py: a file in
  models/ matching the checksum recorded at training), with a one-line refusal otherwise; every
  later load is checked again, and the API's model endpoints are refused. The API's secrets
  come from the environment (RASA_TOKEN, JWT_SECRET), never the command line, where any user of
  the machine could read them; `--enable-api` without either is refused.
- `train`: the new model's checksum is written beside it.
- Optional imports Rasa never uses are kept out: at start-up TensorFlow's TFLite tools import
  JAX if it is installed (TensorFlow 2.12 installs it) for a converter a Rasa server never runs;
  JAX's compiled library alone is about 38 MB resident. Marking it absent makes that optional
  import fail fast, as TensorFlow expects.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable, List, Mapping, Optional

from bot.rasa_plugins import model_guard

#: modules the Rasa server only ever imports optionally, for features it never uses
NEVER_USED = ("jax",)
#: secret options of `rasa run`, and the environment variables that carry them instead
SECRET_OPTIONS = {"--auth-token": "RASA_TOKEN", "--jwt-secret": "JWT_SECRET"}


class RefusedToStart(RuntimeError):
    """The command line asks for something unsafe; the message says what to do instead."""


def keep_out_unused() -> None:
    """Make `import name` raise ImportError for each module in NEVER_USED."""
    for name in NEVER_USED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def model_argument(arguments: List[str]) -> Optional[str]:
    """The value of `rasa run`'s `-m/--model`, if given."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("-m", "--model")
    return parser.parse_known_args(arguments)[0].model


def secret_arguments(arguments: List[str], env: Mapping[str, str]) -> List[str]:
    """`rasa run` options for the API's secrets, read from `env`; refuses them on the command line."""
    for option in (argument.split("=", 1)[0] for argument in arguments):
        if option in SECRET_OPTIONS:
            raise RefusedToStart(
                f"Give {option} in the environment ({SECRET_OPTIONS[option]}), not on the command line."
            )
    extra = [f"{option}={env[name]}" for option, name in SECRET_OPTIONS.items() if env.get(name)]
    if "--enable-api" in arguments and not extra:
        raise RefusedToStart(
            "--enable-api needs RASA_TOKEN or JWT_SECRET in the environment: the API is never open without one."
        )
    return extra


def prepare_run(arguments: List[str], env: Mapping[str, str]) -> List[str]:
    """Checks a `rasa run` command line; returns the secret options to add to it in-process."""
    model = model_argument(arguments)
    if model is None:
        raise RefusedToStart("Give the model to load: --model models/NAME.tar.gz")
    model_guard.verify_model(model)
    return secret_arguments(arguments, env)


def recording(run_training: Callable[..., Optional[str]]) -> Callable[..., Optional[str]]:
    """`rasa train`, then the new model's checksum written beside it."""

    def train(args: Any, can_exit: bool = False) -> Optional[str]:
        model = run_training(args, can_exit)
        if model:
            model_guard.record_checksum(model)
        return model

    return train


def main() -> None:
    from bot.startup import settings_or_exit

    settings_or_exit()
    keep_out_unused()
    command, arguments = sys.argv[1:2], sys.argv[2:]
    if command == ["run"] and arguments[:1] != ["actions"]:
        try:
            sys.argv += prepare_run(arguments, os.environ)
        except (RefusedToStart, model_guard.ModelRefused) as refused:
            sys.exit(f"The Rasa server did not start. {refused}")
        model_guard.install()
    elif command == ["train"]:
        import rasa.cli.train

        rasa.cli.train.run_training = recording(rasa.cli.train.run_training)
    from rasa.__main__ import main as rasa_main

    from bot.rasa_plugins import log_redaction, ratelimit

    ratelimit.install()
    log_redaction.install()

    rasa_main()


if __name__ == "__main__":
    main()
