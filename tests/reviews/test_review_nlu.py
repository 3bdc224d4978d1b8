"""The trained model on the review's messages (newest model in models/, as tests/safety): asking
for a review in words never seen in training, ratings read by the review_rating choice model, and
everyday review answers that are not risk."""

from __future__ import annotations

import pytest
import yaml

from bot.answers.reading import model_ranking
from bot.config import PROJECT_ROOT
from bot.plans.catalogue import RATINGS
from bot.safety.detector import message_shows_risk
from tests.support.model import ParseFn


def test_the_rating_examples_name_exactly_the_catalogue_ratings() -> None:
    data = yaml.safe_load((PROJECT_ROOT / "data" / "choices" / "review_rating.yml").read_text(encoding="utf-8"))
    assert data["question"] == "review_rating"
    assert set(data["examples"]) == {*RATINGS.codes, "unclear"}


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to go over how my plan is working out",
        "can we do a review of my support now",
        "i want 2 do my plan reveiw",
        "let's check how my care plan is going",
    ],
)
def test_asking_for_a_review_in_new_words(parse: ParseFn, text: str) -> None:
    assert parse(text)["intent"]["name"] == "start_review"


def test_a_question_about_reviews_is_still_a_question(parse: ParseFn) -> None:
    assert parse("when is my next review")["intent"]["name"] == "faq"


@pytest.mark.parametrize(
    "text, rating",
    [
        ("way better than it was", "much_better"),
        ("a touch better i suppose", "a_bit_better"),
        ("pretty much unchanged", "no_change"),
        ("honestly it's got a lot harder", "worse"),
    ],
)
def test_ratings_are_read_by_the_choice_model(parse: ParseFn, text: str, rating: str) -> None:
    assert model_ranking(parse(text), "review_rating")[0][0] == rating


@pytest.mark.parametrize(
    "text",
    [
        "no it's gone up",
        "no they put the price up",
        "it's got worse tbh",
        "worse, my carer keeps being late",
        "no the carer stopped coming",
        "not happening any more",
        "my mum has moved in with me",
        "nothing",
    ],
)
def test_everyday_review_answers_are_not_risk(parse: ParseFn, text: str) -> None:
    assert not message_shows_risk(parse(text), in_form=True)
