"""Reading requests to change the plan: what to take out, corrections, and chosen outcomes."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.parsing.edits import (
    asks_for_a_change,
    item_named,
    items_chosen,
    items_guessed,
    items_to_remove,
    points_at_items,
    removal_request,
    sounds_like_correction,
    unsure_correction,
)
from bot.parsing.replies import opens_with_yes

SERVICES = [
    (1, "A PA to help me shower Personal assistant"),
    (2, "gardener twice a month Activities"),
    (3, "day centre on Tuesdays Day opportunities"),
]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("remove the gardener", 2),
        ("delete service 3", 3),
        ("take off the last one", 3),
        ("get rid of the day centre", 3),
        ("please can you remove the PA", 1),
        ("actually, scrap the second one", 2),
        ("Remove number 1", 1),
        ("take out the gardening", 2),
        ("remove the shower help", 1),
        ("cross off 2", 2),
    ],
)
def test_what_to_take_out(text: str, wanted: int) -> None:
    named = removal_request(text)
    assert named is not None
    assert item_named(named, SERVICES) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "take my dog out for walks",
        "get out to the shops",
        "help with the garden",
        "drop-in centre",
        "I want to remove clutter",
    ],
)
def test_ordinary_answers_are_not_removals_unless_they_name_an_item(text: str) -> None:
    named = removal_request(text)
    assert named is None or item_named(named, SERVICES) is None


def test_no_longer_needing_something_is_a_removal_only_when_loose() -> None:
    assert removal_request("I don't need the gardener any more") is None
    assert removal_request("I don't need the gardener any more", loose=True) == "the gardener"


@pytest.mark.parametrize("text", ["remove it", "remove one of them", "delete"])
def test_an_unclear_removal_names_nothing(text: str) -> None:
    named = removal_request(text)
    assert named is not None and item_named(named, SERVICES) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("actually make that 8 hours", True),
        ("no, it's £17 an hour", True),
        ("sorry I meant 6", True),
        ("it should be £20", True),
        ("6 hours", False),
        ("£15 an hour", False),
        ("yes please", False),
    ],
)
def test_corrections(text: str, expected: bool) -> None:
    assert sounds_like_correction(text) is expected


OUTCOMES = [(1, "Get out to the shops"), (2, "See my grandchildren"), (3, "Cook my own meals")]


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("1", [1]),
        ("1 and 3", [1, 3]),
        ("1,2", [1, 2]),
        ("two", [2]),
        ("the second one", [2]),
        ("all", [1, 2, 3]),
        ("all of them", [1, 2, 3]),
        ("both", [1, 2, 3]),
        ("none", []),
        ("neither", []),
        ("no", []),
        ("the shops and cooking", [1, 3]),
        ("grandkids", [2]),
        ("seeing my grandchildren", [2]),
        ("not sure", None),
        ("£15 an hour", None),
        ("9", None),
    ],
)
def test_outcomes_chosen(text: str, chosen) -> None:
    assert items_chosen(text, OUTCOMES) == chosen


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("no, that's all", []),
        ("that's all", None),
        ("just 2, that's all", [2]),
        ("all of them", [1, 2, 3]),
        ("thats all thanks", None),
    ],
)
def test_thats_all_ends_the_list_without_choosing_everything(text: str, chosen) -> None:
    """ "that's all" alone is asked about again (it could mean every one, or none)."""
    items = [(1, "get out to the shops"), (2, "see my grandchildren"), (3, "sleep better")]
    assert items_chosen(text, items) == chosen


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("1 and 2, not 3", [1, 2]),
        ("everything except cooking", [1, 2]),
        ("all but the cooking one", [1, 2]),
        ("not the shops one, the other two", [2, 3]),
        ("apart from the grandkids", [1, 3]),
        ("2, no sorry 3", [3]),
        ("the shopping one and cooking", [1, 3]),
        ("1 and the cooking one", [1, 3]),
        ("the first few", None),
        ("some of them", None),
        ("the cooking one so i'm not hungry", [3]),
    ],
)
def test_outcomes_left_out_changed_or_vague(text: str, chosen) -> None:
    """Negations, exceptions and a change of mind are read; a vague answer is asked about again."""
    assert items_chosen(text, OUTCOMES) == chosen


@pytest.mark.parametrize(
    "text, chosen",
    [
        ("none of those", []),
        ("it doesn't help with any of them", []),
        ("no.3", [3]),
        ("one and three", [1, 3]),
        ("the lot", [1, 2, 3]),
        ("number 2", [2]),
        ("none except 2", [2]),
    ],
)
def test_more_ways_of_choosing_outcomes(text: str, chosen) -> None:
    assert items_chosen(text, OUTCOMES) == chosen


@pytest.mark.parametrize(
    "text, guess",
    [
        ("a bit of all of them", [1, 2, 3]),
        ("probably all", [1, 2, 3]),
        ("all of them i think", [1, 2, 3]),
        ("i dont think any", []),
        ("i don't think it helps with any", []),
        ("probably none", []),
        ("not any i dont think", []),
        ("some of them", None),
        ("1 or 2", None),
        ("bananas", None),
        ("probably both", None),
        ("maybe", None),
        ("maybe not all of them", None),
    ],
)
def test_a_hedged_all_or_none_is_a_guess_to_check(text: str, guess) -> None:
    """Not read as a choice, but a best guess the person is asked to confirm; nothing to guess
    from a vague or weighed-up answer, or 'both' of three."""
    assert items_chosen(text, OUTCOMES) is None
    assert items_guessed(text, OUTCOMES) == guess


LISTED_OUTCOMES = [
    (1, "I want walk again better"),
    (3, "something else"),
    (4, "private physiotherapy for my leg"),
    (5, "remove number 2, 3, 4 and 5"),
]


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("remove number 3, 4 and 5", [3, 4, 5]),
        ("remove number 4", [4]),
        ("remove 'something else'", [3]),
        ('delete "private physiotherapy for my leg"', [4]),
        ("remove the physio one", [4]),
        ("delete 3 and 5", [3, 5]),
        ("remove number 2", None),
        ("remove number 2, 3, 4 and 5", None),
        ("remove 'nothing like it'", None),
    ],
)
def test_which_items_to_remove(text: str, wanted) -> None:
    named = removal_request(text)
    assert named is not None
    assert items_to_remove(named, LISTED_OUTCOMES) == wanted


@pytest.mark.parametrize(
    "text, points",
    [
        ("remove number 2", True),
        ("remove 'something else'", True),
        ("delete 3 and 5", True),
        ("remove it", True),
        ("delete the last one", True),
        ("get rid of the clutter in my house", False),
        ("take out my dog for walks", False),
    ],
)
def test_a_removal_that_points_at_items(text: str, points: bool) -> None:
    named = removal_request(text)
    assert named is not None
    assert points_at_items(named) is points


@pytest.mark.parametrize(
    "text, change",
    [
        ("i wanted to change something in my plan", True),
        ("there's a mistake in it", True),
        ("can I add a cleaner", True),
        ("hello", False),
        ("when will I hear back?", False),
    ],
)
def test_asking_for_a_change(text: str, change: bool) -> None:
    assert asks_for_a_change(text) is change


@pytest.mark.parametrize(
    "text, has_hours, unsure",
    [
        ("no no, is wrong. only 5 hours in week, 1 hour each day", True, True),
        ("NO. 5 hours. 5 x 24 = 120 pound in week", True, True),
        ("actually make that 8 hours", True, False),
        ("sorry I meant 6 hrs", True, False),
        ("no, it's £17 an hour", False, False),
        ("no its 2 x £10 a week", False, True),
    ],
)
def test_a_correction_is_unsure_when_its_hours_do_not_read_clearly_or_it_is_a_sum(
    text: str, has_hours: bool, unsure: bool
) -> None:
    assert unsure_correction(text, has_hours) is unsure


@pytest.mark.parametrize(
    "text, yes",
    [
        ("Yes, the community transport minibus, £4 each way", True),
        ("yeah a cleaner too", True),
        ("ok, gardening help", True),
        ("yes but the PA is £17 now", False),
        ("ok no", False),
        ("no thanks", False),
        ("yesterday the PA was late", False),
    ],
)
def test_a_yes_that_goes_on_to_say_more(text: str, yes: bool) -> None:
    assert opens_with_yes(text) is yes


def test_the_item_named_first_is_removed_not_one_named_later_or_a_number_meaning_to() -> None:
    """'scrap the taxi my mate jay said he can drive me 2 gym' took the gym membership out."""
    items = [(1, "PA for personal care"), (2, "gym membership"), (3, "taxi to the gym")]
    assert items_to_remove("the taxi my mate jay said he can drive me 2 gym", items) == [3]
    assert items_to_remove("number 2 and 3", items) == [2, 3]
    assert items_to_remove("the gym membership", items) == [2]


def test_a_figure_with_its_unit_is_not_an_item_number() -> None:
    """'Saturday PA must be 3 hours not 5' offered to change item 3, a taxi (play-through 7)."""
    items = [
        (1, "PA for help with letters, bills and appointments, 6 hours in week"),
        (2, "Mens shed, I pay 3 £ each visit"),
        (3, "taxi to mens shed, 15 pound there and back, 2 times in week"),
        (4, "PA on saturday to help me with Kuba visits, 5 hours, £12.90 hour"),
    ]
    assert item_named("Saturday PA must be 3 hours not 5, too expensive", items) == 4
    assert item_named("change the taxi to 2 times a week", items) == 3
    assert item_named("change 3", items) == 3


@pytest.mark.parametrize(
    "text, named",
    [
        ("actually take the gym off I don't think I'll manage both with the fatigue", "the gym"),
        ("knock the cleaner off please", "the cleaner"),
        ("leave the gym out", "the gym"),
        ("take my mum out to the shops", None),
    ],
)
def test_what_to_remove_said_between_the_words(text: str, named: Optional[str]) -> None:
    """'take the gym off' at "add another?" was put back as "that's all?" (play-through 7)."""
    assert removal_request(text) == named
