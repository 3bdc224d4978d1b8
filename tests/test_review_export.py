"""`supportplan export-review` and `supportplan export-plan --version`: a review as JSON and text,
and each version of a plan a review changed."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List

import pytest

from bot.cli import main
from bot.plans import service
from bot.reviews import record
from tests.support.plans import make_plan

D = Decimal
REVIEW_KEYS = [
    "review_id",
    "plan_reference",
    "new_plan_reference",
    "started_at",
    "finished_at",
    "channel",
    "status",
    "outcome_ratings",
    "services",
    "life_changes",
    "would_change",
    "needs_person",
    "next_review_due",
]
SERVICE_KEYS = [
    "service_id",
    "description",
    "happening",
    "still_right",
    "cost_same",
    "change",
    "words",
    "weekly_cost_before",
    "weekly_cost_after",
]


@pytest.fixture
def reviewed(demo_person: str) -> Dict[str, Any]:
    """Sam's agreed plan, reviewed: outcome 1 worse, the PA up to 8 hours, the swimming club stopped."""
    ref = make_plan(demo_person, "c1", submit=True)
    service.mark_agreed(ref, "adviser:test")
    review = record.start_review(demo_person, "sms")
    record.rate_outcome(review.id, 1, "worse", "The pool shut")
    record.check_service(review.id, 1, happening=True, still_right=True, cost_same=False)
    record.change_service_cost(review.id, 1, hours_per_week=D("8"))
    record.stop_service(review.id, 2)
    record.set_life_changes(review.id, "I moved house")
    done = record.finish_review(review.id)
    return {"old": ref, "new": done.new_plan_reference, "review": done}


def run(database: str, capsys: pytest.CaptureFixture, *args: str) -> Any:
    code = main(["--database", database, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_review_json_has_the_shape(
    database: str, demo_person: str, reviewed: Dict[str, Any], capsys: pytest.CaptureFixture
) -> None:
    code, out, _ = run(database, capsys, "export-review", demo_person, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == REVIEW_KEYS
    review = reviewed["review"]
    assert (data["review_id"], data["plan_reference"], data["new_plan_reference"]) == (
        review.id,
        reviewed["old"],
        reviewed["new"],
    )
    assert (data["channel"], data["status"], data["needs_person"], data["life_changes"]) == (
        "sms",
        "done",
        True,
        "I moved house",
    )
    assert data["started_at"] == review.started_at.isoformat() and data["finished_at"].startswith("20")
    assert data["outcome_ratings"] == [
        {"outcome_id": 1, "text": "Go swimming every week", "rating": "worse", "words": "The pool shut"},
        {"outcome_id": 2, "text": "Cook my own meals", "rating": None, "words": None},
    ]
    services: List[Dict[str, Any]] = data["services"]
    assert [list(s) for s in services] == [SERVICE_KEYS, SERVICE_KEYS]
    assert services[0] == {
        "service_id": 1,
        "description": "A PA to help me cook",
        "happening": True,
        "still_right": True,
        "cost_same": False,
        "change": "changed",
        "words": None,
        "weekly_cost_before": "90.00",
        "weekly_cost_after": "120.00",
    }
    assert (services[1]["change"], services[1]["weekly_cost_after"]) == ("stopped", None)


def test_export_review_text_and_nothing_to_export(
    database: str, demo_person: str, reviewed: Dict[str, Any], capsys: pytest.CaptureFixture
) -> None:
    code, out, _ = run(database, capsys, "export-review", demo_person, "--format", "text")
    assert code == 0
    assert f"Review of plan {reviewed['old']}" in out and "Go swimming every week: Worse." in out
    assert "£90.00 before, £120.00 after" in out and reviewed["new"] in out
    code, out, err = run(database, capsys, "export-review", "PB-100235")
    assert (code, out) == (1, "") and "There is no review for PB-100235" in err


def test_export_plan_takes_a_version(
    database: str, demo_person: str, reviewed: Dict[str, Any], capsys: pytest.CaptureFixture
) -> None:
    latest = json.loads(run(database, capsys, "export-plan", demo_person)[1])
    assert (latest["plan_reference"], latest["version"], latest["replaces"]) == (reviewed["new"], 2, reviewed["old"])
    assert (latest["status"], latest["total_weekly_cost"]) == ("submitted", "120.00")
    assert list(latest)[-3:] == ["version", "replaces", "skipped_questions"]
    first = json.loads(run(database, capsys, "export-plan", demo_person, "--version", "1")[1])
    assert (first["plan_reference"], first["version"], first["replaces"]) == (reviewed["old"], 1, None)
    assert (first["status"], first["total_weekly_cost"]) == ("agreed", "190.00")
    assert json.loads(run(database, capsys, "export-plan", demo_person, "--version", "2")[1]) == latest
    text = run(database, capsys, "export-plan", demo_person, "--version", "1", "--format", "text")[1]
    assert "£190.00" in text and "Version" not in text
    for form in ("text", "html"):
        newer = run(database, capsys, "export-plan", demo_person, "--format", form)[1]
        assert f"Version 2 of this plan, made at a review. It replaces plan {reviewed['old']}, which is kept." in newer
    code, out, err = run(database, capsys, "export-plan", demo_person, "--version", "3")
    assert (code, out) == (1, "") and "There is no version 3" in err
    with pytest.raises(SystemExit):
        main(["--database", database, "export-plan", demo_person, "--version", "0"])
