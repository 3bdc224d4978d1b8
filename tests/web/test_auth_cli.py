"""`supportplan adviser totp|disable|reset-password EMAIL`, and a manager's login made with TOTP. In
this process (bot.cli.main), and a password reset with the console script as a new process."""

from __future__ import annotations

import re
import subprocess
from typing import Callable

import pyotp

from bot.web.accounts import authenticate, check_code, create_adviser
from tests.support.advisers import PASSWORD, secret_key
from tests.support.cli import supportplan, supportplan_process

URI = re.compile(r"otpauth://totp/\S+")


def adviser(
    database: str, *args: str, stdin: str = "", run: Callable[..., subprocess.CompletedProcess] = supportplan
) -> subprocess.CompletedProcess:
    """`supportplan --database DATABASE adviser ARGS`, in this process unless `run` is supportplan_process."""
    return run("--database", database, "adviser", *args, stdin=stdin)


def code_from(output: str) -> str:
    uri = URI.search(output)
    assert uri, output
    return pyotp.parse_uri(uri.group(0)).now()


def test_enrolling_a_login_for_totp(database: str) -> None:
    made = create_adviser("ada@council.example", PASSWORD)
    done = adviser(database, "totp", "ADA@council.example")
    assert done.returncode == 0, done.stderr
    assert check_code(made.id, code_from(done.stdout), secret_key(database)).adviser is not None
    assert authenticate("ada@council.example", PASSWORD).needs_code


def test_a_manager_login_is_made_with_totp(database: str) -> None:
    done = adviser(database, "add", "max@council.example", "--role", "manager", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    result = authenticate("max@council.example", PASSWORD)
    assert result.needs_code and check_code(result.adviser.id, code_from(done.stdout), secret_key(database)).adviser


def test_disabling_a_login_and_enabling_it_again(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    done = adviser(database, "disable", "ada@council.example")
    assert done.returncode == 0 and "turned off" in done.stdout, done.stderr
    assert authenticate("ada@council.example", PASSWORD).disabled
    done = adviser(database, "enable", "ada@council.example")
    assert done.returncode == 0 and "turned on" in done.stdout, done.stderr
    assert authenticate("ada@council.example", PASSWORD).adviser is not None


def test_resetting_a_password(database: str) -> None:
    create_adviser("ada@council.example", PASSWORD)
    short = adviser(database, "reset-password", "ada@council.example", stdin="short\n")
    assert short.returncode == 2 and "12 characters" in short.stderr
    new = "a brand new long password\n"
    done = adviser(database, "reset-password", "ada@council.example", stdin=new, run=supportplan_process)
    assert done.returncode == 0, done.stderr
    assert "a brand new long password" not in done.stdout
    assert authenticate("ada@council.example", PASSWORD).adviser is None
    assert authenticate("ada@council.example", "a brand new long password").adviser is not None


def test_an_unknown_email_is_named(database: str) -> None:
    for action in ("totp", "disable", "enable", "reset-password"):
        done = adviser(database, action, "nobody@council.example", stdin="a brand new long password\n")
        assert done.returncode == 1 and "no login" in done.stderr, action
