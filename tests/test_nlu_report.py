"""The NLU report's targets and floors (bot/nlu/report.py): figures in, each check met or not, and
the exit status of `python -m bot.nlu.report` on made-up Rasa results (no training)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from bot.nlu.report import CROSS_VALIDATION, HOLDOUT, Check, SweepRow, checks, fallback_threshold, main

#: the hold-out figures of 5 December 2026 (macro-F1, lowest intent F1, FAQ accuracy, at 0.4)
TODAY_F1 = {"goodbye": 0.868, "inform": 0.889, "start_again": 1.0}
TODAY_AT_THRESHOLD = SweepRow(0.4, in_scope_turned_away=0.014, accepted_accuracy=0.915, out_of_scope_caught=0.89)


def holdout_checks(
    macro: float = 0.911,
    f1: Optional[Dict[str, float]] = None,
    faq_accuracy: Optional[float] = 0.808,
    at_threshold: SweepRow = TODAY_AT_THRESHOLD,
) -> List[Check]:
    return checks(HOLDOUT, macro, f1 or TODAY_F1, faq_accuracy, at_threshold)


def unmet(found: List[Check]) -> List[str]:
    return [check.label for check in found if not check.met]


def test_todays_holdout_figures_meet_every_floor() -> None:
    found = holdout_checks()
    assert [check.label for check in found] == [
        "intent macro-F1",
        "lowest intent F1 (goodbye)",
        "FAQ answer accuracy",
        "in-scope turned away at threshold 0.4",
        "accepted accuracy at threshold 0.4",
        "out-of-scope caught at threshold 0.4",
    ]
    assert unmet(found) == []


def test_each_figure_under_its_floor_is_named() -> None:
    assert unmet(holdout_checks(macro=0.889)) == ["intent macro-F1"]
    assert unmet(holdout_checks(f1={**TODAY_F1, "greet": 0.82})) == ["lowest intent F1 (greet)"]
    assert unmet(holdout_checks(faq_accuracy=0.77)) == ["FAQ answer accuracy"]
    assert unmet(holdout_checks(faq_accuracy=None)) == ["FAQ answer accuracy"]  # no FAQ report at all
    worse = SweepRow(0.4, in_scope_turned_away=0.031, accepted_accuracy=0.88, out_of_scope_caught=0.85)
    assert unmet(holdout_checks(at_threshold=worse)) == [
        "in-scope turned away at threshold 0.4",
        "accepted accuracy at threshold 0.4",
        "out-of-scope caught at threshold 0.4",
    ]


def test_a_figure_at_its_bound_meets_it() -> None:
    edge = SweepRow(0.4, in_scope_turned_away=0.03, accepted_accuracy=0.89, out_of_scope_caught=0.86)
    assert unmet(holdout_checks(macro=0.89, f1={"greet": 0.83}, faq_accuracy=0.78, at_threshold=edge)) == []


def test_cross_validation_checks_only_the_intent_targets() -> None:
    found = checks(CROSS_VALIDATION, 0.911, TODAY_F1, None, TODAY_AT_THRESHOLD)
    assert [(check.label, check.met) for check in found] == [
        ("intent macro-F1", False),
        ("lowest intent F1 (goodbye)", True),
    ]


def test_a_check_prints_its_figure_beside_its_bound() -> None:
    macro, _, _, turned_away, _, _ = holdout_checks()
    assert macro.line("floor").split() == ["intent", "macro-F1", "0.911", "floor", "≥", "0.89", "met"]
    assert turned_away.line("floor").split()[-5:] == ["1.4%", "limit", "≤", "3.0%", "met"]


def test_the_threshold_checked_is_config_ymls(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("pipeline:\n  - name: WhitespaceTokenizer\n  - name: FallbackClassifier\n    threshold: 0.55\n")
    assert fallback_threshold(config) == 0.55
    assert fallback_threshold() in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def rasa_results(out: Path, macro: float, faq_accuracy: float) -> Path:
    """What `rasa test nlu` leaves in `out`, made up: two intents, one FAQ answer, four messages."""
    out.mkdir()
    intents = {
        "greet": {"f1-score": 0.95, "support": 2},
        "out_of_scope": {"f1-score": 0.9, "support": 2},
        "macro avg": {"f1-score": macro, "support": 4},
    }
    (out / "intent_report.json").write_text(json.dumps(intents))
    faq = {"faq/reviews": {"f1-score": 0.9}, "accuracy": faq_accuracy, "macro avg": {"f1-score": 0.9}}
    (out / "response_selection_report.json").write_text(json.dumps(faq))
    messages = [("greet", "greet", 0.9), ("greet", "greet", 0.8), ("out_of_scope", "out_of_scope", 0.9)] + [
        ("out_of_scope", "greet", 0.2)
    ]
    rows = [{"text": "…", "intent": i, "intent_prediction": {"name": p, "confidence": c}} for i, p, c in messages]
    (out / "intent_successes.json").write_text(json.dumps(rows))
    return out


@pytest.mark.parametrize(("macro", "faq_accuracy", "status"), [(0.95, 0.9, 0), (0.85, 0.9, 1), (0.95, 0.5, 1)])
def test_the_holdout_report_exits_non_zero_under_its_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], macro: float, faq_accuracy: float, status: int
) -> None:
    out = rasa_results(tmp_path / "out", macro, faq_accuracy)
    assert main(["--holdout", "--no-train", "--out", str(out)]) == status
    printed = capsys.readouterr().out
    assert "floor ≥ 0.89" in printed and ("Floors met." in printed) == (status == 0)
    assert json.loads((out / "summary.json").read_text())["targets_met"] == (status == 0)
