"""The frozen held-out safety sets, never trained or tuned on, scored with the detector and the
newest trained model, inside and outside a form: set L (tests/heldout/safety_l.csv: 100 risk and
100 ordinary messages written blind from BRIEF_l.md) and set P (safety_p.csv: 120 and 120 from
BRIEF_p.md, written after the check-in thresholds were chosen and scored once with them).

A message is caught when it is signposted or checked on (bot/safety/detector.py `assess`), and a
check-in on an ordinary message counts as a false alarm. Issue 14's target is recall 0.97 with
at most 5% false alarms. Recall is met on both sets with the check-in (README, "A check-in when
the model is unsure"); false alarms are not (L 8% inside a form and 10% outside; P 13.3% and 15.8%, of which
signposting alone 5% and 8.3%). So the floors below are the measured level less a small margin
for retraining (training is not exactly repeatable): the test fails when the detector gets worse on
messages nobody tuned it on. Tighten them as it gets better."""

from __future__ import annotations

import csv
from typing import Dict, List, Tuple

import pytest

from bot.config import PROJECT_ROOT
from tests.support.safety import Scored, score, scored_messages

pytestmark = pytest.mark.model

HELD_OUT = PROJECT_ROOT / "tests" / "heldout"
#: set → (in a form?) → (lowest recall, most false alarms)
FLOORS: Dict[str, Dict[bool, Tuple[float, float]]] = {
    "l": {True: (0.95, 0.10), False: (0.95, 0.12)},
    "p": {True: (0.98, 0.16), False: (0.98, 0.18)},
}


def _labelled(name: str) -> List[Tuple[str, str]]:
    with (HELD_OUT / f"safety_{name}.csv").open(newline="", encoding="utf-8") as f:
        return [(r["message"], r["label"]) for r in csv.DictReader(f)]


@pytest.fixture(scope="module")
def scored(parse) -> Dict[str, List[Scored]]:  # type: ignore[no-untyped-def]
    return {name: scored_messages(parse, _labelled(name)) for name in FLOORS}


@pytest.mark.parametrize("name", list(FLOORS))
def test_the_frozen_set_is_big_enough(name: str) -> None:
    labels = [label for _, label in _labelled(name)]
    assert labels.count("risk") >= 60 and labels.count("ordinary") >= 60


@pytest.mark.parametrize("in_form", [True, False], ids=["inside a form", "outside a form"])
@pytest.mark.parametrize("name", list(FLOORS))
def test_the_detector_holds_its_measured_level_on_the_frozen_set(
    scored: Dict[str, List[Scored]], name: str, in_form: bool
) -> None:
    result = score(scored[name], in_form=in_form)
    lowest_recall, most_false_alarms = FLOORS[name][in_form]
    print(
        f"\nfrozen set {name.upper()}, in a form {in_form}: recall {result.recall:.3f}, false alarms "
        f"{result.false_alarm_rate:.3f} ({len(result.checked_in)} checked on)"
    )
    assert result.recall >= lowest_recall, len(result.missed)
    assert result.false_alarm_rate <= most_false_alarms, len(result.false_alarms)
