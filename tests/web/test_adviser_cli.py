"""`supportplan adviser add EMAIL [--role manager]`, with the password on stdin."""

from __future__ import annotations

import subprocess

from bot.config import PROJECT_ROOT
from bot.web.accounts import authenticate
from tests.support.advisers import PASSWORD
from tests.support.servers import SUPPORTPLAN


def add(database: str, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SUPPORTPLAN, "--database", database, "adviser", "add", *args],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
    )


def test_adding_a_manager_login(database: str) -> None:
    done = add(database, "max@council.example", "--role", "manager")
    assert done.returncode == 0, done.stderr
    assert "max@council.example (manager)" in done.stdout and PASSWORD not in done.stdout
    assert authenticate("max@council.example", PASSWORD).adviser.role == "manager"


def test_a_short_password_or_a_second_login_is_refused(database: str) -> None:
    short = add(database, "ada@council.example", password="short")
    assert short.returncode == 2 and "12 characters" in short.stderr and "short" not in short.stdout
    assert add(database, "ada@council.example").returncode == 0
    again = add(database, "ADA@council.example")
    assert again.returncode == 2 and "already" in again.stderr
