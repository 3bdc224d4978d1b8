"""The `prepared` fixture (tests/conftest.py): what its builder made is there in every test that
asks for it, and what one test changes is gone in the next (both tests run on one worker, in order)."""

from __future__ import annotations

from typing import Callable, List

import pytest

from bot.plans import service
from tests.support.plans import open_demo_plan

pytestmark = pytest.mark.xdist_group("prepared-databases")

#: how many times the builder ran in this process, by backend
BUILT: List[str] = []


def _one_outcome() -> str:
    reference = open_demo_plan()
    service.add_outcome(reference, "Get out to the shops")
    BUILT.append(reference)
    return reference


@pytest.fixture
def plan(demo_person: str, prepared: Callable[[Callable[[], str]], str]) -> str:
    return prepared(_one_outcome)


@pytest.mark.parametrize("turn", [1, 2])
def test_each_test_starts_from_what_the_builder_made(plan: str, turn: int) -> None:
    assert [outcome.text for outcome in service.get_plan(plan).outcomes] == ["Get out to the shops"]
    service.add_outcome(plan, f"Changed by turn {turn}")
    assert len(service.get_plan(plan).outcomes) == 2
    assert len(BUILT) <= 2  # once per backend, however many tests
