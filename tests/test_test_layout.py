"""Tests share helpers through modules, never through one another: no test file imports a test
module or a conftest (the stack test runs the SMS plan test itself, on purpose). Helpers used by
several suites live in tests/support."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
IMPORT = re.compile(r"^\s*(?:from|import)\s+(tests\.[\w.]+)", re.MULTILINE)


def test_no_test_imports_a_test_module_or_a_conftest() -> None:
    crossings = []
    for path in sorted(TESTS.rglob("*.py")):
        name = path.relative_to(TESTS.parent).as_posix()
        for module in IMPORT.findall(path.read_text(encoding="utf-8")):
            parts = module.split(".")
            if any(part.startswith("test_") or part == "conftest" for part in parts[1:]):
                crossings.append(f"{name}: {module}")
        if name == "tests/deploy/test_stack.py":  # `from tests.sms import test_sms_plan`: run, not shared
            crossings = [c for c in crossings if not c.startswith(name)]
    assert crossings == []
