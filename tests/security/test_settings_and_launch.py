"""API security by configuration: Rasa's HTTP API is off without a token or JWT secret, every
server binds to 127.0.0.1 by default, and Rasa telemetry is off."""

from __future__ import annotations

import subprocess
import sys

from bot.config import PROJECT_ROOT, Settings
from bot.launcher import action_server_command, rasa_server_command, service_environment, web_command


def test_everything_binds_to_loopback_by_default() -> None:
    settings = Settings.from_env({})
    assert settings.host == "127.0.0.1"
    command = rasa_server_command(settings, "model.tar.gz", 5005)
    assert command[command.index("--interface") + 1] == "127.0.0.1"
    # The action server and the web app read the host from the environment / settings.
    assert service_environment(settings, {})["SANIC_HOST"] == "127.0.0.1"
    assert "--interface" not in action_server_command(5055) and "--host" not in web_command(8080)


def test_the_rasa_http_api_is_off_without_a_token() -> None:
    command = rasa_server_command(Settings.from_env({}), "model.tar.gz", 5005)
    assert "--enable-api" not in command
    assert "--auth-token" not in command and "--jwt-secret" not in command


def test_a_token_turns_the_api_on_protected() -> None:
    """The secret itself goes by environment (tests/security/test_models_guard.py)."""
    settings = Settings.from_env({"RASA_TOKEN": "s3cret"})
    assert "--enable-api" in rasa_server_command(settings, "model.tar.gz", 5005)
    assert service_environment(settings, {})["RASA_TOKEN"] == "s3cret"
    settings = Settings.from_env({"JWT_SECRET": "jwt-key"})
    assert "--enable-api" in rasa_server_command(settings, "model.tar.gz", 5005)
    assert service_environment(settings, {})["JWT_SECRET"] == "jwt-key"


def test_telemetry_is_off_for_every_process() -> None:
    env = service_environment(Settings.from_env({}), {"RASA_TELEMETRY_ENABLED": "true"})
    assert env["RASA_TELEMETRY_ENABLED"] == "false"


def test_the_rasa_server_runs_rasa_without_jax() -> None:
    """The server command goes through bot.rasa_server (run by bot.quiet, which filters the
    expected library noise first), where TensorFlow starts without JAX (it imports it only
    optionally) and Rasa's own command line runs."""
    command = rasa_server_command(Settings.from_env({}), "model.tar.gz", 5005)
    assert command[:5] == [sys.executable, "-m", "bot.quiet", "bot.rasa_server", "run"]
    script = (
        "import sys; from bot.rasa_plugins import import_guards; import_guards.install(); "
        "import tensorflow; print('jax loaded:', 'jaxlib' in sys.modules)"
    )
    probe = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT
    )
    assert probe.stdout.strip() == "jax loaded: False", probe.stderr[-2000:]
