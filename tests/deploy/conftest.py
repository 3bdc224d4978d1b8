"""The stack test (test_stack.py, marker `deploy_stack`) needs the images `make images` builds
and takes minutes: only `make test-deploy` (pytest -m deploy_stack) runs it, never plain `make test`."""

from __future__ import annotations

from typing import List

import pytest

MARKER = "deploy_stack"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}: starts the container images with podman (make test-deploy)")


def pytest_collection_modifyitems(config: pytest.Config, items: List[pytest.Item]) -> None:
    """Leave the stack test out unless the marker expression asks for it."""
    if MARKER in (config.option.markexpr or ""):
        return
    left_out = [item for item in items if item.get_closest_marker(MARKER)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker(MARKER)]
