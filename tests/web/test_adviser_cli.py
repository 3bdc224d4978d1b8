"""`supportplan adviser add EMAIL [--role manager]`, with the password on stdin: in this process
(bot.cli.main), and the refusals with the console script as a new process."""

from __future__ import annotations

import subprocess
from typing import Callable

from bot.web.accounts import authenticate
from tests.support.advisers import PASSWORD
from tests.support.cli import supportplan, supportplan_process


def add(
    database: str,
    *args: str,
    password: str = PASSWORD,
    run: Callable[..., subprocess.CompletedProcess] = supportplan,
) -> subprocess.CompletedProcess:
    """`supportplan --database DATABASE adviser add ARGS`, in this process unless `run` is supportplan_process."""
    return run("--database", database, "adviser", "add", *args, stdin=password + "\n")


def test_adding_a_manager_login(database: str) -> None:
    done = add(database, "max@council.example", "--role", "manager")
    assert done.returncode == 0, done.stderr
    assert "max@council.example (manager)" in done.stdout and PASSWORD not in done.stdout
    assert authenticate("max@council.example", PASSWORD).adviser.role == "manager"


def test_a_short_password_or_a_second_login_is_refused(database: str) -> None:
    short = add(database, "ada@council.example", password="short", run=supportplan_process)
    assert short.returncode == 2 and "12 characters" in short.stderr and "short" not in short.stdout
    assert add(database, "ada@council.example").returncode == 0
    again = add(database, "ADA@council.example", run=supportplan_process)
    assert again.returncode == 2 and "already" in again.stderr
