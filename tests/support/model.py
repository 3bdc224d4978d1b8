"""The trained NLU model, loaded once per session from the newest model in models/ (the `parse`
fixture, registered by tests/conftest.py)."""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Dict, Iterator

import pytest

ParseFn = Callable[[str], Dict[str, Any]]


@pytest.fixture(scope="session")
def parse() -> Iterator[ParseFn]:
    """parse(text) → Rasa's parse data (intent, intent_ranking…) from the newest trained model."""
    from rasa.core.agent import Agent

    from bot.launcher import latest_model

    loop = asyncio.new_event_loop()
    agent = Agent.load(latest_model())

    def _parse(text: str) -> Dict[str, Any]:
        return loop.run_until_complete(agent.parse_message(text))

    yield _parse
    loop.close()
