"""The real servers: action server, Rasa server (the newest trained model in models/) and web app,
on a fresh SQLite database with the demo people, driven as a deployment would be."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Dict, Iterator, Optional

from bot.config import Settings
from bot.launcher import Ports, Stack, latest_model, start_stack
from tests.support.ports import E2E

SUPPORTPLAN = str(Path(sys.executable).parent / "supportplan")


@dataclass
class Servers:
    env: Dict[str, str]
    settings: Settings
    stack: Stack = field(repr=False)
    ports: Ports = E2E
    with_web: bool = True

    @property
    def database_url(self) -> str:
        return self.settings.database_url

    def restart(self) -> None:
        """Stop every process and start them again: nothing may be lost."""
        self.stack.stop()
        self.stack = start_stack(self.settings, latest_model(), self.ports, with_web=self.with_web, base_env=self.env)

    def cli(self, *args: str, stdin: Optional[str] = None) -> subprocess.CompletedProcess:
        """`supportplan` on these servers' database (`stdin`: what is typed at its prompts)."""
        return subprocess.run(
            [SUPPORTPLAN, "--database", self.database_url, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
        )


def launch(
    database: Path, ports: Ports = E2E, with_web: bool = True, output: Optional[IO[Any]] = None, **extra_env: str
) -> Servers:
    """Load the demo people into a new SQLite database and start the servers on `ports`
    (`extra_env` adds or replaces settings, e.g. the SMS channel's; `output` collects the logs)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        ACTION_SERVER_URL=f"http://127.0.0.1:{ports.actions}/webhook",
        RASA_URL=f"http://127.0.0.1:{ports.rasa}",
    )
    env.update(extra_env)
    env.pop("TRACKER_STORE_URL", None)
    env.pop("REDIS_URL", None)
    running = Servers(env, Settings.from_env(env), Stack([]), ports, with_web)
    loaded = running.cli("load-demo")
    assert loaded.returncode == 0, loaded.stderr
    running.stack = start_stack(running.settings, latest_model(), ports, with_web=with_web, base_env=env, output=output)
    return running


@dataclass
class LoggedServers:
    servers: Servers
    #: everything the servers wrote to stdout and stderr
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_with_log(folder: Path, ports: Ports, with_web: bool = True, **extra_env: str) -> Iterator[LoggedServers]:
    """`launch` in `folder`, every process's output collected in folder/servers.log; stopped afterwards."""
    log = folder / "servers.log"
    with log.open("wb") as output:
        running = launch(folder / "supportplan.db", ports, with_web=with_web, output=output, **extra_env)
        try:
            yield LoggedServers(running, log)
        finally:
            running.stack.stop()
