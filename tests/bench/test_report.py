"""The bench's arithmetic and report, on made-up figures (no servers)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Dict

from bench.conversation import bench_people_csv, long_conversation, percentile, whole_plan
from bench.load import latency_summary
from bench.report import check_targets, ratios, table


def results(p95_ms: float, throughput: float) -> Dict[str, Any]:
    memory = {"rss_mb": 1100.0}
    made_up: Dict[str, Any] = {
        "measured_at": "2026-01-01T00:00:00Z",
        "quick": False,
        "machine": {"cpus": 2, "load_average_before": [1.0, 1.0, 1.0], "load_average_after": [2.0, 2.0, 2.0]},
        "ours": {
            "training_s": 300.0,
            "ready_s": 30.0,
            "one_user": {"p50_ms": 50.0, "p95_ms": p95_ms, "p99_ms": 90.0},
            "long_conversation": {"turns": 100, "turn_1_median_ms": 40.0, "turn_100_median_ms": 50.0},
            "load": {f"users_{n}": {"throughput_msg_s": throughput, "p95_ms": 1200.0, "errors": 0} for n in (20, 50)},
            "rasa_memory": memory,
            "action_memory": {"rss_mb": 140.0},
            "database": "sqlite",
        },
        "stock": {
            "training_s": 100.0,
            "ready_s": 20.0,
            "one_user": {"p50_ms": 40.0, "p95_ms": 50.0, "p99_ms": 60.0},
            "load": {"users_20": {"throughput_msg_s": 8.0, "p95_ms": 600.0, "errors": 0}},
            "rasa_memory": memory,
        },
    }
    made_up["ratios"] = ratios(made_up)
    made_up["targets"] = check_targets(made_up)
    return made_up


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
