"""The Rasa server's entry point (`python -m bot.rasa_server run|train …`): Rasa's own command
line, with the project's patches to Rasa's internals installed first by one call,
`patches.install_all()` (bot/rasa_plugins/patches.py), which refuses a Rasa or rasa-sdk other
than the one they were written for.

- `run`: the model is checked before Rasa starts (bot/rasa_plugins/model_guard.py: a file in
  models/ matching the checksum recorded at training), with a one-line refusal otherwise; every
  later load is checked again, and the API's model endpoints are refused. The API's secrets
  come from the environment (RASA_TOKEN, JWT_SECRET), never the command line, where any user of
  the machine could read them; `--enable-api` without either is refused.
- `train`: the new model's checksum is written beside it.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Dict, List, Mapping, Optional

from bot.rasa_plugins import model_guard, patches

if TYPE_CHECKING:
    from bot.config import Settings

#: secret options of `rasa run`, and the environment variables that carry them instead
SECRET_OPTIONS = {"--auth-token": "RASA_TOKEN", "--jwt-secret": "JWT_SECRET"}


class RefusedToStart(RuntimeError):
    """The command line asks for something unsafe; the message says what to do instead."""


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


def endpoint_variables(settings: Settings) -> Dict[str, str]:
    """What endpoints.yml reads from the environment, with bot/config.py's defaults: a server
    started directly (a container, a replica) has only what was set, and Rasa refuses a file
    naming an unset variable."""
    return {
        "TRACKER_STORE_URL": settings.tracker_store_url,
        "ACTION_SERVER_URL": settings.action_server_url,
        "ACTION_SERVER_TOKEN": settings.action_server_token,
    }


def prepare_run(arguments: List[str], env: Mapping[str, str]) -> List[str]:
    """Checks a `rasa run` command line; returns the secret options to add to it in-process."""
    model = model_argument(arguments)
    if model is None:
        raise RefusedToStart("Give the model to load: --model models/NAME.tar.gz")
    model_guard.verify_model(model)
    return secret_arguments(arguments, env)


def main() -> None:
    from bot import quiet
    from bot.startup import settings_or_exit

    quiet.install()
    for name, value in endpoint_variables(settings_or_exit()).items():
        os.environ.setdefault(name, value)
    command, arguments = sys.argv[1:2], sys.argv[2:]
    try:
        if command == ["run"] and arguments[:1] != ["actions"]:
            sys.argv += prepare_run(arguments, os.environ)
        patches.install_all()
    except (RefusedToStart, model_guard.ModelRefused, patches.WrongVersions) as refused:
        sys.exit(f"The Rasa server did not start. {refused}")
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
