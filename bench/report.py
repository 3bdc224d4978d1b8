"""The bench results as ratios to the stock bot, checked against issue 7's targets, and as a
Markdown table (printed, and pasted into the README)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Optional


@dataclass(frozen=True)
class Target:
    name: str
    limit: float
    at_least: bool = False

    def met(self, value: Optional[float]) -> Optional[bool]:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return value >= self.limit if self.at_least else value <= self.limit

    def describe(self) -> str:
        return f"{'≥' if self.at_least else '≤'} {self.limit:g}"


TARGETS = {
    "one_user_p95_ratio_to_stock": Target("one-user p95 ÷ stock bot's", 1.3),
    "users_20_throughput_msg_s": Target("messages/s, 20 users", 15, at_least=True),
    "users_20_p95_s": Target("p95 s, 20 users", 1.5),
    "users_20_errors": Target("errors, 20 users", 0),
    "turn_100_ratio_to_turn_1": Target("turn-100 ÷ turn-1 median", 1.5),
    "rasa_rss_gb": Target("Rasa server GB resident", 1.3),
    "action_rss_mb": Target("action server MB resident", 150),
    "ready_s": Target("seconds to ready", 45),
}


def _ratio(ours: Optional[float], stock: Optional[float]) -> Optional[float]:
    if ours is None or not stock:
        return None
    return round(ours / stock, 2)


def ratios(results: Dict[str, Any]) -> Dict[str, Optional[float]]:
    ours, stock = results["ours"], results["stock"]
    return {
        "one_user_p50": _ratio(ours["one_user"]["p50_ms"], stock["one_user"]["p50_ms"]),
        "one_user_p95": _ratio(ours["one_user"]["p95_ms"], stock["one_user"]["p95_ms"]),
        "one_user_p99": _ratio(ours["one_user"]["p99_ms"], stock["one_user"]["p99_ms"]),
        "rasa_rss": _ratio(ours["rasa_memory"]["rss_mb"], stock["rasa_memory"]["rss_mb"]),
        "ready": _ratio(ours["ready_s"], stock["ready_s"]),
        "training": _ratio(ours["training_s"], stock["training_s"]),
    }


def measured(results: Dict[str, Any]) -> Dict[str, Optional[float]]:
    """The value each target is checked against."""
    ours = results["ours"]
    long = ours["long_conversation"]
    load = ours["load"]["users_20"]
    return {
        "one_user_p95_ratio_to_stock": results["ratios"]["one_user_p95"],
        "users_20_throughput_msg_s": load["throughput_msg_s"],
        "users_20_p95_s": round(load["p95_ms"] / 1000, 2),
        "users_20_errors": load["errors"],
        "turn_100_ratio_to_turn_1": _ratio(long[f"turn_{long['turns']}_median_ms"], long["turn_1_median_ms"]),
        "rasa_rss_gb": round(ours["rasa_memory"]["rss_mb"] / 1000, 2),
        "action_rss_mb": ours["action_memory"]["rss_mb"],
        "ready_s": ours["ready_s"],
    }


def check_targets(results: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    values = measured(results)
    return {
        key: {"target": target.describe(), "value": values[key], "met": target.met(values[key])}
        for key, target in TARGETS.items()
    }


def _cell(value: Any) -> str:
    return "–" if value is None else str(value)


def table(results: Dict[str, Any]) -> str:
    """Markdown: our figures, the stock bot's, the ratio; then the targets."""
    ours, stock, ratio = results["ours"], results["stock"], results["ratios"]
    rows: List[List[Any]] = [["Measure", "Ours", "Stock `rasa init` bot", "Ratio"]]
    for name, key in (("p50", "p50_ms"), ("p95", "p95_ms"), ("p99", "p99_ms")):
        rows.append(
            [
                f"One user, {name} per message (ms)",
                ours["one_user"][key],
                stock["one_user"][key],
                ratio[f"one_user_{name}"],
            ]
        )
    for users in (20, 50):
        load = ours["load"][f"users_{users}"]
        rows.append(
            [
                f"{users} conversations at once: messages/s, p95 ms, errors",
                f"{load['throughput_msg_s']}, {load['p95_ms']}, {load['errors']}",
                None,
                None,
            ]
        )
    long = ours["long_conversation"]
    last = long[f"turn_{long['turns']}_median_ms"]
    rows.append(
        [
            f"Long conversation: turn 1 / turn {long['turns']} median (ms)",
            f"{long['turn_1_median_ms']} / {last}",
            None,
            None,
        ]
    )
    rows.append(
        [
            "Rasa server resident memory (MB)",
            ours["rasa_memory"]["rss_mb"],
            stock["rasa_memory"]["rss_mb"],
            ratio["rasa_rss"],
        ]
    )
    rows.append(["Action server resident memory (MB)", ours["action_memory"]["rss_mb"], None, None])
    rows.append(["Start to first reply (s)", ours["ready_s"], stock["ready_s"], ratio["ready"]])
    rows.append(["Training (s)", ours["training_s"], stock["training_s"], ratio["training"]])
    worst = results.get("worst_message")
    if worst:
        rows.append(
            [
                f"Worst accepted message ({worst['chars']} characters: {worst['worst']}) through analyse() (ms)",
                worst["worst_analyse_ms"],
                None,
                None,
            ]
        )
    lines = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    lines.insert(1, "|---|---:|---:|---:|")
    lines += ["", "| Target | Measured | Met |", "|---|---:|:---:|"]
    for key, check in results["targets"].items():
        met = {True: "yes", False: "**no**", None: "–"}[check["met"]]
        lines.append(f"| {TARGETS[key].name} {check['target']} | {_cell(check['value'])} | {met} |")
    machine = results["machine"]
    lines += [
        "",
        f"Measured {results['measured_at']} on {machine['cpus']} CPUs; load average "
        f"{machine['load_average_before'][0]} before, {machine['load_average_after'][0]} after"
        f"{' (quick run: the latest model, shorter load)' if results['quick'] else ''}; database {ours['database']}.",
    ]
    return "\n".join(lines)
