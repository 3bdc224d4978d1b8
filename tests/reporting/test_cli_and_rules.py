"""`supportplan report` (JSON and CSV, dates, mistakes), the small-number rules on their own,
and that no report holds personal data."""

from __future__ import annotations

import csv
import io
import json

import pytest

from bot.cli import main
from bot.reporting.output import CSV_HEADER
from bot.reporting.suppression import hidden_parts, shown_count, shown_figure
from tests.support.known_data import PERSONAL


def run(capsys: pytest.CaptureFixture, database: str, *args: str) -> tuple:
    code = main(["--database", database, "report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_for_a_period(known_data: str, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(capsys, known_data, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    assert report["management"][0] == {
        "option": "direct_payment",
        "plans": 6,
        "services": 13,
        "weekly_spend": "690.00",
        "share_of_spend_percent": "69.7",
    }
    assert "fewer than 5" in report["rules"]


def test_csv_has_one_figure_a_line(known_data: str, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(capsys, known_data, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and tuple(rows[0]) == CSV_HEADER and all(len(row) == 4 for row in rows)
    assert ["report", "", "from", "2026-03-01"] in rows
    assert ["service_categories", "home_care_agency", "plans", "fewer than 5"] in rows
    assert ["funnel", "services", "conversations", "16"] in rows
    assert ["verification_to_submission", "", "median_turns", "13.5"] in rows
    assert ["checks", "living_wage", "share_of_plans_percent", "46.2"] in rows


def test_dates_are_inclusive_and_on_when_the_plan_started(known_data: str, capsys: pytest.CaptureFixture) -> None:
    # the last draft started at 23:59:59 on 31 March; the plan started at midnight on 1 April is left out
    _, out, _ = run(capsys, known_data, "--from", "2026-03-31", "--to", "2026-03-31")
    assert json.loads(out)["plans_by_status"][0] == {"status": "draft", "plans": "fewer than 5"}
    _, out, _ = run(capsys, known_data, "--from", "2026-04-01")
    assert [r["plans"] for r in json.loads(out)["plans_by_status"]] == [0, "fewer than 5", 0]


def test_no_personal_data_in_any_format(known_data: str, capsys: pytest.CaptureFixture) -> None:
    for fmt in ("json", "csv"):
        _, out, _ = run(capsys, known_data, "--format", fmt)
        assert not [word for word in PERSONAL if word in out], fmt


@pytest.mark.parametrize(
    "args, problem",
    [
        (["--from", "2026-02-30"], "give a date like 2026-04-01"),
        (["--to", "yesterday"], "give a date like 2026-04-01"),
        (["--format", "xml"], "invalid choice"),
    ],
)
def test_mistakes_in_the_command(database: str, capsys: pytest.CaptureFixture, args: list, problem: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--database", database, "report", *args])
    assert stopped.value.code == 2 and problem in capsys.readouterr().err


def test_dates_the_wrong_way_round(database: str, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run(capsys, database, "--from", "2026-04-01", "--to", "2026-03-01")
    assert code == 2 and out == "" and "Please swap them" in err


def test_small_counts_and_zero() -> None:
    assert [shown_count(n) for n in (0, 1, 4, 5, 120)] == [0, "fewer than 5", "fewer than 5", 5, 120]
    assert shown_count(7, hide=True) == "not shown" and shown_count(0, hide=True) == 0
    assert shown_figure("12.50", 4) == "not shown" and shown_figure("12.50", 5) == "12.50"
    assert shown_figure("0.00", 0) == "0.00"


def test_one_hidden_part_hides_the_next_smallest_too() -> None:
    assert hidden_parts({"a": 3, "b": 9, "c": 6, "d": 0}) == {"a", "c"}
    assert hidden_parts({"a": 3, "b": 2, "c": 6}) == {"a", "b"}
    assert hidden_parts({"a": 3, "b": 0}) == {"a"}  # nothing else to hide: the total is "fewer than 5" anyway
    assert hidden_parts({"a": 5, "b": 9}) == set()
