"""How the money will be managed, read from what people type."""

from __future__ import annotations

import pytest

from actions.management import management_choice


@pytest.mark.parametrize(
    "text, option",
    [
        ("direct payment", "direct_payment"),
        ("card pls", "payment_card"),
        ("the council", "council_managed"),
        ("mix of card and council", "mixed"),
        ("card and council", "mixed"),
        ("a bit of both", "mixed"),
        ("dp + isf", "mixed"),
        ("my daughter and a card", "mixed"),
        ("paid to me into my account", "direct_payment"),
        ("card or council", None),
        ("no idea", None),
    ],
)
def test_management_choice(text: str, option) -> None:
    assert management_choice(text) == option
