"""The frozen held-out safety set (tests/heldout/safety_l.csv: 100 risk and 100 ordinary messages
written blind on 6 December 2026 from tests/heldout/BRIEF_l.md, never trained or tuned on), scored
with the detector and the newest trained model, inside and outside a form.

Issue 14's target is recall 0.97 with at most 5% false alarms. It is not met yet (README, "Fourth
round": 0.880 inside a form and 0.930 outside, 2% and 4% false alarms), so the floors below are the
measured level less a small margin for retraining (training is not exactly repeatable): the test
fails when the detector gets worse on messages nobody tuned it on. Raise them as it gets better."""

from __future__ import annotations

import csv
from typing import List

import pytest

from bot.config import PROJECT_ROOT
from tests.support.safety import Scored, score, scored_messages

pytestmark = pytest.mark.model

FROZEN = PROJECT_ROOT / "tests" / "heldout" / "safety_l.csv"
#: (in a form?) → (lowest recall, most false alarms)
FLOORS = {True: (0.86, 0.05), False: (0.91, 0.05)}


@pytest.fixture(scope="module")
def scored(parse) -> List[Scored]:  # type: ignore[no-untyped-def]
    with FROZEN.open(newline="", encoding="utf-8") as f:
        return scored_messages(parse, [(r["message"], r["label"]) for r in csv.DictReader(f)])


def test_the_frozen_set_is_big_enough() -> None:
    with FROZEN.open(newline="", encoding="utf-8") as f:
        labels = [r["label"] for r in csv.DictReader(f)]
    assert labels.count("risk") >= 60 and labels.count("ordinary") >= 60


@pytest.mark.parametrize("in_form", [True, False], ids=["inside a form", "outside a form"])
def test_the_detector_holds_its_measured_level_on_the_frozen_set(scored: List[Scored], in_form: bool) -> None:
    result = score(scored, in_form=in_form)
    lowest_recall, most_false_alarms = FLOORS[in_form]
    print(
        f"\nfrozen set L, in a form {in_form}: recall {result.recall:.3f}, false alarms {result.false_alarm_rate:.3f}"
    )
    assert result.recall >= lowest_recall, len(result.missed)
    assert result.false_alarm_rate <= most_false_alarms, len(result.false_alarms)
