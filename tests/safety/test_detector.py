"""The detector's rule (bot/safety/detector.py), without a trained model: a risk phrase decides
alone; otherwise the risk model's probability against the threshold for inside or outside a form."""

from __future__ import annotations

import pytest

from bot.nlu.risk_model import RISK_PROBABILITY
from bot.safety import detector

ORDINARY = "a cleaner on Mondays"


def test_a_risk_phrase_decides_alone_inside_and_outside_a_form() -> None:
    for in_form in (True, False):
        assert detector.decide("I want to end it all", 0.0, in_form)


@pytest.mark.parametrize("in_form, threshold", [(True, detector.INSIDE_FORM), (False, detector.OUTSIDE_FORM)])
def test_the_risk_model_decides_at_its_threshold(in_form: bool, threshold: float) -> None:
    assert detector.decide(ORDINARY, threshold, in_form)
    assert not detector.decide(ORDINARY, threshold - 0.01, in_form)


def test_the_bar_is_not_lower_inside_a_form_than_outside() -> None:
    """Inside a form most messages are answers, so a false alarm there interrupts a plan."""
    assert detector.INSIDE_FORM >= detector.OUTSIDE_FORM


def test_the_risk_probability_is_read_from_the_parse() -> None:
    parse = {"text": ORDINARY, RISK_PROBABILITY: 0.99, "intent_ranking": [{"name": "inform", "confidence": 0.9}]}
    assert detector.risk_confidence(parse) == 0.99
    assert detector.message_shows_risk(parse, in_form=True)
    assert not detector.message_shows_risk({**parse, RISK_PROBABILITY: 0.01}, in_form=False)


def test_without_a_risk_model_the_intent_model_stands_in() -> None:
    ranking = [{"name": "inform", "confidence": 0.3}, {"name": "safeguarding", "confidence": 0.7}]
    assert detector.risk_confidence({"text": ORDINARY, "intent_ranking": ranking}) == 0.7
    assert detector.risk_confidence({"text": ORDINARY, "intent": {"name": "inform", "confidence": 1.0}}) == 0.0
    assert detector.risk_confidence(None) == 0.0


@pytest.mark.parametrize(
    "in_form, check_in, signpost",
    [(True, detector.CHECK_IN_INSIDE, detector.INSIDE_FORM), (False, detector.CHECK_IN_OUTSIDE, detector.OUTSIDE_FORM)],
)
def test_below_the_signposting_threshold_an_unsure_model_checks_in(
    in_form: bool, check_in: float, signpost: float
) -> None:
    assert check_in < signpost
    assert detector.assess(ORDINARY, signpost, in_form) is detector.Concern.RISK
    assert detector.assess(ORDINARY, check_in, in_form) is detector.Concern.CHECK_IN
    assert detector.assess(ORDINARY, check_in - 0.01, in_form) is detector.Concern.NONE


def test_a_risk_phrase_is_signposted_not_only_checked_on() -> None:
    assert detector.assess("I want to end it all", 0.0, in_form=True) is detector.Concern.RISK


@pytest.mark.parametrize("text", ["no. nothing more. finish", "yes", "no", "that's all", "hi, I'm back"])
def test_a_stock_reply_is_never_risk_on_the_model_alone(text: str) -> None:
    """A blind play-through: 'no. nothing more. finish' was signposted (the model gave it 0.70)."""
    for in_form in (True, False):
        assert detector.assess(text, 0.99, in_form) is detector.Concern.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I'm asking about money, not feeling suicidal",
        "There's no safeguarding concern here. Please don't log a referral",
        "I am safe. I dont want hurt myself. Just sad.",
        "I'm not in danger!",
    ],
)
def test_a_plain_denial_is_checked_on_at_most(text: str) -> None:
    """('no I'm not ok' is not a stock reply: the model decides it, below.)"""
    assert detector.assess(text, 0.99, True) is detector.Concern.CHECK_IN


@pytest.mark.parametrize(
    "text", ["I dont want to hurt myself but I cant stop thinking about ending it", "i want hurt myself"]
)
def test_risk_beside_a_denial_or_without_one_is_still_signposted(text: str) -> None:
    assert detector.assess(text, 0.0, True) is detector.Concern.RISK


def test_a_no_that_says_more_is_left_to_the_model() -> None:
    assert detector.assess("no I'm not ok", 0.99, True) is detector.Concern.RISK
