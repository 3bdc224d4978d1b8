"""Made-up benchmark results for the report's tests."""

from __future__ import annotations

from typing import Any, Dict

from bench.report import check_targets, ratios


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
