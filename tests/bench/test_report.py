"""The bench's arithmetic and report, on made-up figures (no servers)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Dict

from bench.conversation import bench_people_csv, long_conversation, percentile, whole_plan
from bench.load import latency_summary
from bench.report import check_targets, ratios, table
from tests.bench.results import results


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)) == (50.0, 95.0, 99.0)
    assert math.isnan(percentile([], 0.5))
    assert latency_summary([0.1, 0.2, 0.3]) == {"messages": 3, "p50_ms": 200.0, "p95_ms": 300.0, "p99_ms": 300.0}


def test_targets_follow_the_figures() -> None:
    good = results(p95_ms=60.0, throughput=16.0)
    assert good["ratios"]["one_user_p95"] == 1.2 and good["ratios"]["training"] == 3.0
    assert all(check["met"] for check in good["targets"].values())
    bad = results(p95_ms=70.0, throughput=14.0)
    assert bad["targets"]["one_user_p95"]["met"] is False
    assert bad["targets"]["load_throughput"]["met"] is False
    assert "**no**" in table(bad) and "| 50.0 | 40.0 | 1.25 |" in table(bad)


def test_bench_people_and_scripts(tmp_path: Path) -> None:
    references = bench_people_csv(tmp_path / "people.csv", 3)
    assert len(set(references)) == 3
    assert (tmp_path / "people.csv").read_text().count("\n") == 4
    assert whole_plan(references[0])[2][0] == f"my reference is {references[0]}"
    assert len(long_conversation(references[1], 100)) == 100


def test_the_worst_message_is_in_the_table_when_measured() -> None:
    made_up = results(p95_ms=60.0, throughput=16.0)
    assert "Worst accepted message" not in table(made_up)
    made_up["worst_message"] = {"chars": 1000, "worst": "mixed punctuation", "worst_analyse_ms": 42.5}
    assert "| Worst accepted message (1000 characters: mixed punctuation) through analyse() (ms) | 42.5 |" in table(
        made_up
    )
