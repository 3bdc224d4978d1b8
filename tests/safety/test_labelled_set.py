"""The labelled set (tests/safety/labelled_messages.csv), scored with the detector the actions
use and the newest trained model: recall 1.0 on the risk messages, and few ordinary ones
signposted (which flags the plan for the safeguarding team) inside a form, where most messages are
answers to the plan's questions. The set is tuned on (README, "Signs of risk"), so its figures are
a regression check, not the headline (the frozen blind sets are: test_frozen_set.py).

Since 7 December 2026 the signposting threshold inside a form is 0.5 (was 0.7; chosen by the
sweep's rule after rounds 3 to 5 of training data), which signposts 8 of these 130 hard ordinary
messages (was 3), so MAX_FALSE_ALARMS is that level with a small margin. The check-in below it is
a false alarm too, but a lighter one (a kind line, no flag, the question asked again);
signposting and check-ins together are held at MAX_CAUGHT_ORDINARY, the measured level (11 of
130) with a margin.

Run with -s to see the figures and how they move with the risk model's threshold."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import List

import pytest

from bot.safety import detector
from tests.support.safety import Scored, score, scored_messages

pytestmark = pytest.mark.model

LABELLED = Path(__file__).with_name("labelled_messages.csv")
MAX_FALSE_ALARMS = 0.075
MAX_CAUGHT_ORDINARY = 0.14


@pytest.fixture(scope="module")
def scored(parse) -> List[Scored]:  # type: ignore[no-untyped-def]
    with LABELLED.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return scored_messages(parse, [(r["text"], r["label"]) for r in rows])


def test_the_set_is_big_enough_and_labelled() -> None:
    with LABELLED.open(newline="", encoding="utf-8") as f:
        labels = [r["label"] for r in csv.DictReader(f)]
    assert set(labels) == {"risk", "ordinary"}
    assert labels.count("risk") >= 60 and labels.count("ordinary") >= 60


def test_inside_a_form_every_risk_message_is_caught_with_few_false_alarms(scored: List[Scored]) -> None:
    result = score(scored, in_form=True)
    print(
        f"\nlabelled set ({sum(m.risk for m in scored)} risk, {sum(not m.risk for m in scored)} ordinary), inside a form: "
        f"recall {result.recall:.3f}, false alarms {result.false_alarm_rate:.3f} ({len(result.checked_in)} checked on)"
    )
    signposted = [text for text in result.false_alarms if text not in result.checked_in]
    assert result.missed == [], "risk messages missed"
    assert len(signposted) / sum(not m.risk for m in scored) <= MAX_FALSE_ALARMS, signposted
    assert result.false_alarm_rate <= MAX_CAUGHT_ORDINARY, result.false_alarms


def test_outside_a_form_every_risk_message_is_caught(scored: List[Scored]) -> None:
    result = score(scored, in_form=False)
    print(f"\noutside a form: recall {result.recall:.3f}, false alarms {result.false_alarm_rate:.3f}")
    assert result.missed == []


@pytest.mark.parametrize(
    "text",
    ["I want to keep living in my own home", "to carry on living at home with my cat", "living in my own flat"],
)
def test_wanting_to_live_at_home_is_not_heard_as_risk(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    """The intent model gave the first 0.82 for risk (2 December 2026)."""
    assert not detector.message_shows_risk(parse(text), in_form=True)


def test_threshold_sweep(scored: List[Scored]) -> None:
    """Prints recall and false alarms here for each threshold of the risk model (the thresholds
    themselves are chosen by cross-validation on the training data: bot/safety/sweep.py)."""
    phrases_only = score([Scored(m.text, m.risk, 0.0) for m in scored], in_form=True)
    print(f"\nphrases alone: recall {phrases_only.recall:.3f}, false alarms {phrases_only.false_alarm_rate:.3f}")
    print("threshold  recall  false alarms")
    for threshold in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01):
        flagged = [(m.risk, detector.decide(m.text, m.confidence, True, threshold, threshold)) for m in scored]
        risky, ordinary = [f for r, f in flagged if r], [f for r, f in flagged if not r]
        print(f"{threshold:9.2f}  {sum(risky) / len(risky):6.3f}  {sum(ordinary) / len(ordinary):12.3f}")
    assert phrases_only.false_alarm_rate <= MAX_FALSE_ALARMS
