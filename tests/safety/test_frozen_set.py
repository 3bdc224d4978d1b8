"""The frozen held-out safety sets, never trained or tuned on, scored with the detector and the
newest trained model, inside and outside a form. Each was written blind by a helper who saw only
its brief (tests/heldout/BRIEF_<set>.md): L (100 risk, 100 ordinary), P, Q, R, S and W (120 and
120 each; Q, R, S and W on 7 December 2026, S and W each scored once, with the model and thresholds
already fixed), Y, Z and AA (120 and 120 each; Z on 8 December 2026, scored first with the
sentence embedding and its thresholds already fixed; AA the same night, scored first after round 7
of the training messages and the thresholds the sweep then chose).

A message is caught when it is signposted or checked on (bot/safety/detector.py `assess`), and a
check-in on an ordinary message counts as a false alarm. Issue 14's target is recall 0.97 with at
most 5% false alarms; on these sets neither is met everywhere (README, "Fifth round: more data,
pairs and three more blind sets"). So the floors below are the measured level less a small margin
for retraining: the test fails when the detector gets worse on messages nobody tuned it on.
Tighten them as it gets better. On 8 December 2026 the sentence embedding (bot/nlu/risk_model.py)
and the thresholds the sweep then chose raised recall on 7 of the 8 sets inside a form and 6
outside (none fell), and false alarms on 5 inside and 6 outside (check-ins outside a form now
start at 0.25): the floors were set again from that measurement (README, "The risk model hears
meaning"). Round 7 (the same night) left every floor met; AA's floors are its first score less a
small margin (README, "Round 7 and set AA")."""

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
    "l": {True: (0.97, 0.08), False: (0.97, 0.09)},
    "p": {True: (0.97, 0.08), False: (0.98, 0.09)},
    "q": {True: (0.89, 0.11), False: (0.90, 0.13)},
    "r": {True: (0.93, 0.07), False: (0.95, 0.10)},
    "s": {True: (0.95, 0.15), False: (0.95, 0.16)},
    "w": {True: (0.93, 0.09), False: (0.93, 0.14)},
    "y": {True: (0.93, 0.11), False: (0.94, 0.12)},
    "z": {True: (0.94, 0.08), False: (0.94, 0.09)},
    "aa": {True: (0.95, 0.14), False: (0.96, 0.18)},
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
