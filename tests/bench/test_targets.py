"""The bench's targets: figures in, which targets are met, which are named as missed, and the exit
status of `python -m bench` (no servers, made-up figures)."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

from bench.report import TARGETS, check_targets, exit_code, missed, ratios, table
from tests.bench.results import results

Figures = Dict[str, Any]


def rechecked(made_up: Figures) -> Figures:
    made_up["ratios"] = ratios(made_up)
    made_up["targets"] = check_targets(made_up)
    return made_up


def good() -> Figures:
    return results(p95_ms=60.0, throughput=16.0)


def _set(*path: str) -> Callable[[Figures, float], None]:
    def setter(made_up: Figures, value: float) -> None:
        *outer, last = path
        for key in outer:
            made_up = made_up[key]
        made_up[last] = value

    return setter


#: each target: where its figure is, the worst value that meets it and a value that misses it
EDGES = {
    "one_user_p95": (_set("ours", "one_user", "p95_ms"), 65.0, 65.5),  # stock's p95 is 50 ms
    "load_throughput": (_set("ours", "load", "users_20", "throughput_msg_s"), 15.0, 14.99),
    "load_p95": (_set("ours", "load", "users_20", "p95_ms"), 1500.0, 1500.1),
    "load_errors": (_set("ours", "load", "users_20", "errors"), 0, 1),
    "long_conversation": (_set("ours", "long_conversation", "turn_100_median_ms"), 60.0, 60.4),  # turn 1: 40 ms
    "rasa_memory": (_set("ours", "rasa_memory", "rss_mb"), 1300.0, 1300.1),
    "action_memory": (_set("ours", "action_memory", "rss_mb"), 150.0, 150.1),
    "ready": (_set("ours", "ready_s"), 45.0, 45.1),
}


def test_every_target_is_covered_here() -> None:
    assert set(EDGES) == set(TARGETS) == set(good()["targets"])


def test_figures_within_every_target_pass() -> None:
    made_up = good()
    assert all(check["met"] is True for check in made_up["targets"].values())
    assert missed(made_up["targets"]) == [] and exit_code(made_up["targets"]) == 0
    assert "Targets: 8 of 8 met." in table(made_up)


@pytest.mark.parametrize("key", sorted(EDGES))
def test_a_target_is_met_at_its_limit_and_missed_past_it(key: str) -> None:
    place, at_limit, past = EDGES[key]
    made_up = good()
    place(made_up, at_limit)
    assert rechecked(made_up)["targets"][key]["met"] is True and exit_code(made_up["targets"]) == 0
    place(made_up, past)
    checks = rechecked(made_up)["targets"]
    assert checks[key]["met"] is False
    assert missed(checks) == [f"{TARGETS[key].name}: {checks[key]['value']}, target {checks[key]['target']}"]
    assert exit_code(checks) == 1


def test_every_missed_target_is_named() -> None:
    made_up = good()
    for place, _, past in EDGES.values():
        place(made_up, past)
    checks = rechecked(made_up)["targets"]
    assert [name.split(":")[0] for name in missed(checks)] == [target.name for target in TARGETS.values()]
    assert exit_code(checks) == 1
    assert "Targets: 0 of 8 met; missed: " in table(made_up)


def test_a_figure_not_measured_is_a_missed_target() -> None:
    made_up = good()
    made_up["ours"]["long_conversation"]["turn_1_median_ms"] = float("nan")  # no long conversation finished
    made_up["stock"]["one_user"]["p95_ms"] = 0.0  # no ratio to the stock bot
    checks = rechecked(made_up)["targets"]
    assert checks["long_conversation"] == {"target": "last ÷ first ≤ 1.5", "value": None, "met": None}
    assert missed(checks) == [
        "one user, p95 per message: not measured, target ours ÷ stock ≤ 1.3",
        "long conversation, last turn's median against turn 1's: not measured, target last ÷ first ≤ 1.5",
    ]
    assert exit_code(checks) == 1
    assert "| **not measured** |" in table(made_up)


def test_each_target_is_printed_beside_its_figure() -> None:
    printed = table(good()).splitlines()
    assert "| One user, p95 per message (ms) | 60.0 | 50.0 | 1.2 | ours ÷ stock ≤ 1.3 | yes (1.2) |" in printed
    assert "| 20 conversations at once: messages/s | 16.0 | 8.0 | 2.0 | ≥ 15 | yes |" in printed
    assert "| 20 conversations at once: errors | 0 | 0 | – | ≤ 0 | yes |" in printed
    assert (
        "| Long conversation: turn 1 / turn 100 median (ms) | 40.0 / 50.0 | – | – | last ÷ first ≤ 1.5 | yes (1.25) |"
        in (printed)
    )
    assert "| Training (s) | 300.0 | 100.0 | 3.0 | – | – |" in printed
