"""The `supportplan` command line, two ways: as a new process (the console script, as an operator
runs it) and in this process (bot.cli.main, the function the console script calls, with the same
arguments, stdin, environment and working folder). Both give a subprocess.CompletedProcess, so a
test reads the exit code, stdout and stderr the same way either way.

A new process costs Python's start-up and the imports (a second or more on a 2-core machine), so
most tests call main in this process; a few per command family run the real console script, to
check the entry point, its exit codes and what reaches stderr."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from typing import Iterator, Mapping, Optional

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.db.session import current_database_url, use_database
from tests.support.servers import SUPPORTPLAN

#: how the console script's logging.basicConfig writes a warning to stderr
_LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def supportplan_process(
    *args: str, stdin: Optional[str] = None, env: Optional[Mapping[str, str]] = None
) -> subprocess.CompletedProcess:
    """`supportplan ARGS` as a new process, run from the project's folder (`env`: its whole environment)."""
    return subprocess.run(
        [SUPPORTPLAN, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=None if env is None else dict(env),
        cwd=PROJECT_ROOT,
    )


@contextmanager
def _environment(monkeypatch: pytest.MonkeyPatch, env: Optional[Mapping[str, str]]) -> Iterator[None]:
    """os.environ is `env` (when given) until the block ends."""
    if env is not None:
        for name in set(os.environ) - set(env):
            monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
    yield


@contextmanager
def _warnings_to(stream: io.TextIOBase) -> Iterator[None]:
    """Warnings logged in the block are written to `stream`, as the console script's logging writes them to stderr."""
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def _exit_code(stop: SystemExit) -> int:
    """The exit code Python gives a process stopped by `stop` (a message is printed to stderr and gives 1)."""
    if stop.code is None or isinstance(stop.code, int):
        return stop.code or 0
    print(stop.code, file=sys.stderr)
    return 1


def supportplan(*args: str, stdin: str = "", env: Optional[Mapping[str, str]] = None) -> subprocess.CompletedProcess:
    """`supportplan ARGS` in this process: bot.cli.main with stdin, stdout and stderr captured, from
    the project's folder, with `env` (when given) as the whole environment. The database this
    process uses is put back afterwards (main points the process at --database)."""
    written = io.BytesIO()
    stdout = io.TextIOWrapper(written, encoding="utf-8", newline="")
    stderr = io.StringIO()
    database = current_database_url()
    with pytest.MonkeyPatch.context() as monkeypatch, _environment(monkeypatch, env):
        monkeypatch.chdir(PROJECT_ROOT)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with redirect_stdout(stdout), redirect_stderr(stderr), _warnings_to(stderr):
            try:
                code = main(list(args))
            except SystemExit as stop:
                code = _exit_code(stop)
            finally:
                use_database(database)
    stdout.flush()
    return subprocess.CompletedProcess(list(args), code, written.getvalue().decode("utf-8"), stderr.getvalue())
