"""Our servers on a database of their own: used by the benchmarks and by the replica and fault
tests. A `Deployment` is one action server and one Rasa server (and optionally the web app)
sharing a database (and Redis, with several replicas) with the others started on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Dict, Iterator, List, Mapping, Optional

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bot.config import PROJECT_ROOT, Settings
from bot.launcher import (
    Ports,
    Stack,
    action_server_command,
    latest_model,
    rasa_server_command,
    service_environment,
    start_stack,
    wait_until_ready,
)

SUPPORTPLAN = str(Path(sys.executable).parent / "supportplan")
POSTGRES_ADMIN_URL = os.environ.get("SUPPORTPLAN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def supportplan(database_url: str, *args: str, env: Optional[Mapping[str, str]] = None) -> subprocess.CompletedProcess:
    """Run the `supportplan` command line on `database_url`."""
    return subprocess.run(
        [SUPPORTPLAN, "--database", database_url, *args],
        capture_output=True,
        text=True,
        env=dict(env or os.environ),
        timeout=300,
    )


def prepare_database(database_url: str, people_csv: Optional[Path] = None) -> None:
    """Migrate, load the demo people and, if given, more people from `people_csv`."""
    steps = [["load-demo"]] + ([["import-budgets", str(people_csv)]] if people_csv else [])
    for args in steps:
        done = supportplan(database_url, *args)
        if done.returncode != 0:
            raise RuntimeError(f"supportplan {args[0]} failed: {done.stderr.strip()}")


@contextmanager
def postgres_database(prefix: str = "supportplan_bench", template: Optional[str] = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of the database `template`, or empty), dropped (WITH FORCE)
    afterwards. No pool: the drop may come after the server was restarted (the faults tests)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True, poolclass=NullPool)
    copy_of = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
    except Exception:
        admin.dispose()
        raise
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Deployment:
    """One replica: an action server and a Rasa server (and the web app if `with_web`)."""

    ports: Ports
    env: Dict[str, str]
    with_web: bool = False
    output: Optional[IO[Any]] = None
    model: str = field(default_factory=latest_model)
    stack: Stack = field(default_factory=lambda: Stack([]))

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env)

    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.rasa}/webhooks/rest/webhook"

    @property
    def action_server(self) -> subprocess.Popen:
        return self.stack.processes[0]

    @property
    def rasa_server(self) -> subprocess.Popen:
        return self.stack.processes[1]

    def start(self) -> "Deployment":
        self.stack = start_stack(self.settings, self.model, self.ports, self.with_web, self.env, self.output)
        return self

    def stop(self) -> None:
        self.stack.stop()

    def plan(self, person_reference: str) -> Dict[str, Any]:
        """The person's latest plan, as `supportplan export-plan --format json` gives it."""
        exported = supportplan(
            self.settings.database_url, "export-plan", person_reference, "--format", "json", env=self.env
        )
        if exported.returncode != 0:
            raise RuntimeError(exported.stderr.strip())
        return json.loads(exported.stdout)

    def _streams(self) -> Dict[str, Any]:
        return {"stdout": self.output, "stderr": subprocess.STDOUT} if self.output is not None else {}

    def _spawn(self, command: List[str]) -> subprocess.Popen:
        return subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=service_environment(self.settings, self.env), **self._streams()
        )

    def start_action_server(self) -> None:
        """Start the action server again after it was stopped or killed."""
        self.stack.processes[0] = self._spawn(action_server_command(self.ports.actions))
        wait_until_ready(f"http://127.0.0.1:{self.ports.actions}/health", self.action_server)

    def stop_rasa_server(self) -> None:
        Stack([self.rasa_server]).stop()

    def start_rasa_server(self) -> None:
        """Start the Rasa server again after it was stopped."""
        self.stack.processes[1] = self._spawn(rasa_server_command(self.settings, self.model, self.ports.rasa))
        wait_until_ready(f"http://127.0.0.1:{self.ports.rasa}/", self.rasa_server)


def deployment_env(database_url: str, ports: Ports, redis_url: Optional[str] = None, **extra: str) -> Dict[str, str]:
    """The environment of one replica on `database_url` (Redis lock store if `redis_url`)."""
    env = dict(os.environ)
    for name in ("TRACKER_STORE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(
        DATABASE_URL=database_url,
        ACTION_SERVER_URL=f"http://127.0.0.1:{ports.actions}/webhook",
        RASA_URL=f"http://127.0.0.1:{ports.rasa}",
        **extra,
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env
