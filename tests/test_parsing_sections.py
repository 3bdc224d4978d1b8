"""Which part of the plan a message names."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.parsing.sections import section_named


@pytest.mark.parametrize(
    "text, section",
    [
        ("change what is important to me", "important"),
        ("what matters to me is wrong", "important"),
        ("change my outcomes", "outcomes"),
        ("can i edit my goals", "outcomes"),
        ("I want to change what I want to change", "outcomes"),
        ("I want to change the support", "services"),
        ("the hours for my PA are wrong", "services"),
        ("the costs are not right", "services"),
        ("I want to change how the money is managed", "management"),
        ("can I have a payment card instead", "management"),
        ("change what happens if my carer doesn't turn up", "contingency"),
        ("the back-up plan", "contingency"),
        ("the what if bit", "contingency"),
        ("what happens if the agency can't come", "contingency"),
        ("take the taxi off", "services"),
        ("get rid of the taxi", "services"),
        ("what I care about", "important"),
        ("my interests and hobbies", "important"),
        ("what happens if the carer is ill", "contingency"),
        ("if my PA goes on holiday", "contingency"),
        ("How she gets information - large print only, not audio", "contingency"),
        ("the large print bit", "contingency"),
        ("can I change something", None),
    ],
)
def test_the_part_named(text: str, section: Optional[str]) -> None:
    assert section_named(text) == section


def test_want_to_change_alone_is_only_a_guess() -> None:
    assert section_named("I want to change my diet", guess=False) is None
    assert section_named("I want to change my outcomes", guess=False) == "outcomes"
