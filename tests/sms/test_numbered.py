"""Buttons as numbered choices, and replies that pick them."""

from __future__ import annotations

import pytest

from bot.channels.numbered import choices_of, chosen_payload, numbered_text, option_number, shown_choices

BUTTONS = [
    {"title": "I am, for myself", "payload": "I am planning for myself"},
    {"title": "I'm helping someone", "payload": "I am helping someone else"},
    {"title": "I'm an adviser", "payload": "I am an adviser"},
]
CHOICES = choices_of(BUTTONS)


def test_buttons_become_reply_lines() -> None:
    assert numbered_text("Who is making this plan today?", CHOICES) == (
        "Who is making this plan today?\nReply 1 for I am, for myself\n"
        "Reply 2 for I'm helping someone\nReply 3 for I'm an adviser"
    )
    assert numbered_text("More:", CHOICES[:1], first=4) == "More:\nReply 4 for I am, for myself"


def test_a_button_without_payload_sends_its_title() -> None:
    assert choices_of([{"title": "Yes"}, {"title": ""}]) == [{"title": "Yes", "payload": "Yes"}]


@pytest.mark.parametrize(
    "reply, index",
    [
        ("1", 0),
        (" 2 ", 1),
        ("two", 1),
        ("2.", 1),
        ("option 3", 2),
        ("Number three", 2),
        ("the second one", 1),
        ("3 please", 2),
        ("I'm helping someone", 1),
        ("i am, for MYSELF!", 0),
        ("I am an adviser", 2),
    ],
)
def test_a_number_or_the_options_words_pick_it(reply: str, index: int) -> None:
    assert chosen_payload(reply, CHOICES) == CHOICES[index]["payload"]


@pytest.mark.parametrize("reply", ["4", "0", "zero", "1 and 2", "I have 2 cats", "helping", "", "  "])
def test_anything_else_is_passed_on_as_typed(reply: str) -> None:
    assert chosen_payload(reply, CHOICES) is None


def test_numbers_pick_nothing_when_no_choices_were_offered() -> None:
    assert chosen_payload("1", []) is None


@pytest.mark.parametrize("said, number", [("12", 12), ("ten", 10), ("fourth", 4), ("i ll take 2", 2), ("2 cats", None)])
def test_option_numbers(said: str, number: object) -> None:
    assert option_number(said) == number


def test_choices_still_held_back_for_more_cannot_be_picked_by_number() -> None:
    held_back = "Reply 2 for I'm helping someone\nReply 3 for I'm an adviser"
    assert shown_choices(CHOICES, held_back) == CHOICES[:1]
    assert shown_choices(CHOICES, None) == CHOICES
    assert chosen_payload("2", shown_choices(CHOICES, held_back)) is None
