"""`supportplan serve`: prepares the database and starts the action server, the Rasa server and
the web app together, stopping them all on Ctrl-C (DESIGN §2, `make run`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Dict, List, Mapping, Optional

from bot.config import PROJECT_ROOT, Settings

READY_TIMEOUT_SECONDS = 180
#: how the servers are started: as main modules with the expected library noise filtered (bot/quiet.py)
QUIET = [sys.executable, "-m", "bot.quiet"]
#: the web app's own environment (`make install`, requirements-web.lock): a current aiohttp, no Rasa
WEB_PYTHON = PROJECT_ROOT / ".venv-web" / "bin" / "python"


@dataclass(frozen=True)
class Ports:
    """DESIGN §7's ports by default; tests use others so they never meet a running `make run`."""

    actions: int = 5055
    rasa: int = 5005
    web: int = 8080


def service_environment(settings: Settings, base: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The environment every process gets: the settings' defaults made explicit, so that
    endpoints.yml's ${…} variables are always set, the API's secrets, and Rasa telemetry off."""
    env = dict(os.environ if base is None else base)
    env.update(
        DATABASE_URL=settings.database_url,
        TRACKER_STORE_URL=settings.tracker_store_url,
        ACTION_SERVER_URL=settings.action_server_url,
        ACTION_SERVER_TOKEN=settings.action_server_token,
        RASA_URL=settings.rasa_url,
        SANIC_HOST=settings.host,
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONPATH=str(PROJECT_ROOT),
    )
    # never on a command line, which every user of the machine can read; bot.rasa_server reads them
    secrets = {"RASA_TOKEN": settings.rasa_token, "JWT_SECRET": settings.jwt_secret}
    env.update({name: value for name, value in secrets.items() if value})
    # glibc gives each thread that allocates an arena of its own, and keeps what it freed there;
    # two arenas keep each server's resident memory close to what it uses
    env.setdefault("MALLOC_ARENA_MAX", "2")
    return env


def bin_path(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def rasa_server_command(settings: Settings, model: str, port: int) -> List[str]:
    command = [
        *QUIET,
        "bot.rasa_server",
        "run",
        "--model",
        model,
        "--endpoints",
        str(PROJECT_ROOT / "endpoints.yml"),
        "--credentials",
        str(PROJECT_ROOT / "credentials.yml"),
        "--interface",
        settings.host,
        "--port",
        str(port),
    ]
    if settings.rasa_token or settings.jwt_secret:
        command.append("--enable-api")  # the secrets go by environment (service_environment)
    return command


def action_server_command(port: int) -> List[str]:
    """Our rasa-sdk server (bot/action_server.py): `rasa run actions` would also load Rasa (about 40 MB more)."""
    return [*QUIET, "bot.action_server", "--port", str(port)]


def web_command(port: int) -> List[str]:
    """The internet-facing web app runs from its own environment, never Rasa's."""
    return [str(WEB_PYTHON), "-m", "bot.web", "--port", str(port)]


def require_web_python(python: Path = WEB_PYTHON) -> None:
    if not python.exists():
        raise FileNotFoundError(f"The web app's environment is missing ({python}). Run `make install` first.")


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float = READY_TIMEOUT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} stopped while starting (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} was not ready after {timeout:.0f} s")


@dataclass
class Stack:
    """The three running processes."""

    processes: List[subprocess.Popen]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def latest_model(models_dir: Path = PROJECT_ROOT / "models") -> str:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError("No trained model in models/. Run `make train` first.")
    return str(models[-1])


def start_stack(
    settings: Settings,
    model: str,
    ports: Ports = Ports(),
    with_web: bool = True,
    base_env: Optional[Mapping[str, str]] = None,
    output: Optional[IO[Any]] = None,
) -> Stack:
    """Start the action server and the Rasa server (and the web app), waiting until each is
    ready. `settings.action_server_url` must point at `ports.actions`. With `output`, every
    process's stdout and stderr go there (tests read the logs)."""
    env = service_environment(settings, base_env)
    streams: Dict[str, Any] = {"stdout": output, "stderr": subprocess.STDOUT} if output is not None else {}
    started: List[subprocess.Popen] = []
    stack = Stack(started)
    try:
        actions = subprocess.Popen(action_server_command(ports.actions), cwd=PROJECT_ROOT, env=env, **streams)
        started.append(actions)
        rasa = subprocess.Popen(rasa_server_command(settings, model, ports.rasa), cwd=PROJECT_ROOT, env=env, **streams)
        started.append(rasa)
        wait_until_ready(f"http://{settings.host}:{ports.actions}/health", actions)
        wait_until_ready(f"http://{settings.host}:{ports.rasa}/", rasa)
        if with_web:
            require_web_python()
            web = subprocess.Popen(web_command(ports.web), cwd=PROJECT_ROOT, env=env, **streams)
            started.append(web)
            wait_until_ready(f"http://{settings.host}:{ports.web}/health", web)
    except BaseException:
        stack.stop()
        raise
    return stack


def serve(settings: Settings, ports: Ports = Ports()) -> int:
    stack = start_stack(settings, latest_model(), ports)
    print(
        "\nThe support-planning assistant is running:\n"
        f"  chat page       http://{settings.host}:{ports.web}/\n"
        f"  Rasa REST       http://{settings.host}:{ports.rasa}/webhooks/rest/webhook\n"
        f"  SMS (Twilio)    http://{settings.host}:{ports.rasa}/webhooks/sms/webhook"
        f"{'' if settings.sms_auth_token else '  (off until SMS_AUTH_TOKEN is set)'}\n"
        f"  action server   http://{settings.host}:{ports.actions}/webhook\n"
        "Try the demo person PB-100234, born 3/4/1956. Press Ctrl-C to stop.\n",
        flush=True,
    )
    try:
        while all(p.poll() is None for p in stack.processes):
            time.sleep(1)
        print("A process stopped unexpectedly; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()
