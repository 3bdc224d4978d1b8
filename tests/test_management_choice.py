"""How the money will be managed, read from what people type."""

from __future__ import annotations

import pytest

from actions.management import management_choice
from bot.parsing.change_of_mind import management_switch


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
        # play-through 7: read as "the council arranges it" by the word 'managed'
        ("I would manage it for her, I have power of attorney for her finances", "third_party"),
        ("I'd like to manage it myself", "direct_payment"),
        ("managed by the council", "council_managed"),
    ],
)
def test_management_choice(text: str, option) -> None:
    assert management_choice(text) == option


@pytest.mark.parametrize(
    "text, switch",
    [
        (
            "hang on, I've changed my mind, I'd rather have the payment card, less hassle with a bank account",
            "payment_card",
        ),
        (
            "actually, I've changed my mind - could the council arrange the PA and a card for the taxi?",
            "council_managed",
        ),
        ("I want a payment card instead of the direct payment", "payment_card"),
        ("well mum would step in, or honestly I'd just manage on my own for a day, it's not ideal but it's fine", None),
        ("actually my son would help", None),
        ("the payment card", None),
    ],
)
def test_a_clear_change_of_mind_about_the_money(text: str, switch) -> None:
    assert management_switch(text) == switch
