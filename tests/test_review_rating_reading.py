"""Reading how an outcome is going (the review's rating) from people's own words, and an option
number with words after it. Our own examples, written by kind after set J's misses were read
(bot/parsing/ratings.py, bot/parsing/choices.py)."""

from __future__ import annotations

from typing import Optional

import pytest

from actions.review_form import RATING_CHOICES
from bot.answers.reading import Certainty, read_choice
from bot.choices import COPY_ROUTE_CHOICES, MANAGEMENT_OPTIONS, Choices
from bot.parsing.choices import option_picked
from bot.parsing.ratings import rating_said, vague


def read(text: str, model: Optional[str] = None, p: float = 0.95):
    parse = {"choice_readings": {"review_rating": [[model, p]]}} if model else {}
    return read_choice(
        text,
        RATING_CHOICES,
        parse,
        "review_rating",
        structured=lambda said: rating_said(said, RATING_CHOICES),
        doubtful=vague(text),
    )


@pytest.mark.parametrize("text", ["ok", "okay thanks", "better", "yes good", "not bad", "it's alright", "fine i think"])
def test_an_answer_that_does_not_say_how_much_is_never_taken_silently(text: str) -> None:
    assert vague(text)
    reading = read(text, "a_bit_better")
    assert reading.certainty is not Certainty.SURE


@pytest.mark.parametrize("text", ["much better", "a bit better", "no change", "worse", "a lot worse than before"])
def test_a_rating_said_plainly_is_not_vague(text: str) -> None:
    assert not vague(text)


@pytest.mark.parametrize("text", ["not worse", "no better", "not any better really", "no worse than before"])
def test_a_rating_denied_is_no_change_checked(text: str) -> None:
    assert rating_said(text, RATING_CHOICES) == ("no_change", False)
    assert (read(text, "worse").code, read(text, "worse").certainty) == ("no_change", Certainty.CHECK)


@pytest.mark.parametrize(
    "text, later",
    [
        ("a lot better to begin with but now it's back to how it was", "no_change"),
        ("much better for a month then back to square one", "no_change"),
        ("it was worse in the summer but now it's a bit better", "a_bit_better"),
        ("my son thinks much better but I'd say no change", "no_change"),
    ],
)
def test_a_change_over_time_or_two_views_is_the_later_one_checked(text: str, later: str) -> None:
    assert rating_said(text, RATING_CHOICES) == (later, False)


def test_a_qualifier_after_a_rating_is_not_a_second_rating() -> None:
    assert rating_said("a bit better but still hard some days", RATING_CHOICES) is None


@pytest.mark.parametrize("text, sure", [("hugely better", True), ("vastly better", True), ("masivley better", False)])
def test_a_big_word_before_better_is_much_better_however_it_is_spelt(text: str, sure: bool) -> None:
    assert rating_said(text, RATING_CHOICES) == ("much_better", sure)


@pytest.mark.parametrize(
    "text, code",
    [
        ("4. the agency never turns up", "worse"),
        ("number 1 definitely", "much_better"),
        ("3 - nothing much happening", "no_change"),
        ("2) getting there", "a_bit_better"),
    ],
)
def test_an_option_number_with_words_after_it_is_that_option(text: str, code: str) -> None:
    assert option_picked(text, RATING_CHOICES) == code
    assert (read(text).code, read(text).certainty) == (code, Certainty.SURE)


@pytest.mark.parametrize(
    "text, choices",
    [
        ("4. much better", RATING_CHOICES),  # the words name another option
        ("2, no sorry 3", RATING_CHOICES),  # another number
        ("2 weeks", RATING_CHOICES),  # no separator: a figure, not an option
        ("1. by post", COPY_ROUTE_CHOICES),  # option 1 is the download
    ],
)
def test_a_number_with_words_that_disagree_or_a_figure_is_not_an_option(text: str, choices: Choices) -> None:
    assert option_picked(text, choices) is None


def test_a_number_with_words_for_the_same_option_is_that_option() -> None:
    first = list(MANAGEMENT_OPTIONS)[0]
    assert option_picked(f"1. {MANAGEMENT_OPTIONS[first][0]}", MANAGEMENT_OPTIONS) == first


@pytest.mark.parametrize("text", ["not as good as before", "not so well lately", "it's not what it was"])
def test_worse_said_by_comparison_is_worse_checked(text: str) -> None:
    assert rating_said(text, RATING_CHOICES) == ("worse", False)
