"""The bench results as ratios to the stock bot, checked against the targets in README
"Performance", and as a Markdown table (printed, and pasted into the README)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

from bench.load import COMPARED_USERS, MORE_USERS

Results = Dict[str, Any]


@dataclass(frozen=True)
class Target:
    """A limit on one figure of a run, printed beside that figure's row of the table."""

    name: str
    limit: float
    figure: Callable[[Results], Optional[float]]
    at_least: bool = False
    #: what is compared with the limit when it is not the row's own figure ("" when it is)
    checked: str = ""

    def met(self, value: Optional[float]) -> Optional[bool]:
        """Whether `value` is within the limit; None when there is no figure."""
        if value is None:
            return None
        return value >= self.limit if self.at_least else value <= self.limit

    def describe(self) -> str:
        return f"{self.checked + ' ' if self.checked else ''}{'≥' if self.at_least else '≤'} {self.limit:g}"


def _ratio(ours: Optional[float], stock: Optional[float]) -> Optional[float]:
    if ours is None or not stock or math.isnan(ours) or math.isnan(stock):
        return None
    return round(ours / stock, 2)


def _last_turn_ratio(results: Results) -> Optional[float]:
    long = results["ours"]["long_conversation"]
    return _ratio(long[f"turn_{long['turns']}_median_ms"], long["turn_1_median_ms"])


def _load(results: Results, who: str = "ours") -> Dict[str, Any]:
    return results[who]["load"][f"users_{COMPARED_USERS}"]


#: every target in README "Performance", keyed by the table row it is printed beside
TARGETS: Dict[str, Target] = {
    "one_user_p95": Target(
        "one user, p95 per message", 1.3, lambda r: r["ratios"]["one_user_p95"], checked="ours ÷ stock"
    ),
    "load_throughput": Target(
        f"{COMPARED_USERS} conversations at once, messages/s", 15, lambda r: _load(r)["throughput_msg_s"], at_least=True
    ),
    "load_p95": Target(
        f"{COMPARED_USERS} conversations at once, p95 per message (ms)", 1500, lambda r: _load(r)["p95_ms"]
    ),
    "load_errors": Target(f"{COMPARED_USERS} conversations at once, errors", 0, lambda r: _load(r)["errors"]),
    "long_conversation": Target(
        "long conversation, last turn's median against turn 1's", 1.5, _last_turn_ratio, checked="last ÷ first"
    ),
    "rasa_memory": Target("Rasa server resident memory (MB)", 1300, lambda r: r["ours"]["rasa_memory"]["rss_mb"]),
    "action_memory": Target("action server resident memory (MB)", 150, lambda r: r["ours"]["action_memory"]["rss_mb"]),
    "ready": Target("start to first reply (s)", 45, lambda r: r["ours"]["ready_s"]),
}


def ratios(results: Results) -> Dict[str, Optional[float]]:
    ours, stock = results["ours"], results["stock"]
    return {
        "one_user_p50": _ratio(ours["one_user"]["p50_ms"], stock["one_user"]["p50_ms"]),
        "one_user_p95": _ratio(ours["one_user"]["p95_ms"], stock["one_user"]["p95_ms"]),
        "one_user_p99": _ratio(ours["one_user"]["p99_ms"], stock["one_user"]["p99_ms"]),
        "load_throughput": _ratio(_load(results)["throughput_msg_s"], _load(results, "stock")["throughput_msg_s"]),
        "load_p95": _ratio(_load(results)["p95_ms"], _load(results, "stock")["p95_ms"]),
        "rasa_rss": _ratio(ours["rasa_memory"]["rss_mb"], stock["rasa_memory"]["rss_mb"]),
        "ready": _ratio(ours["ready_s"], stock["ready_s"]),
        "training": _ratio(ours["training_s"], stock["training_s"]),
    }


def check_targets(results: Results) -> Dict[str, Dict[str, Any]]:
    """Each target's limit, the figure checked against it (None if not measured) and whether it is met."""
    checks = {}
    for key, target in TARGETS.items():
        value = target.figure(results)
        value = None if value is None or math.isnan(value) else value
        checks[key] = {"target": target.describe(), "value": value, "met": target.met(value)}
    return checks


def missed(checks: Dict[str, Dict[str, Any]]) -> List[str]:
    """The targets not met (a figure that was not measured counts as missed), each named."""
    return [
        f"{TARGETS[key].name}: {'not measured' if check['value'] is None else check['value']}, target {check['target']}"
        for key, check in checks.items()
        if not check["met"]
    ]


def exit_code(checks: Dict[str, Dict[str, Any]]) -> int:
    """`python -m bench`'s exit status: 1 when any target was missed."""
    return 1 if missed(checks) else 0


def _cell(value: Any) -> str:
    return "–" if value is None else str(value)


def _verdict(key: Optional[str], checks: Dict[str, Dict[str, Any]]) -> List[Any]:
    """The Target and Met cells of a row: the figure checked is shown when it is not the row's own."""
    if key is None:
        return [None, None]
    check, target = checks[key], TARGETS[key]
    met = {True: "yes", False: "**no**", None: "**not measured**"}[check["met"]]
    shown = f" ({check['value']})" if target.checked and check["value"] is not None else ""
    return [check["target"], met + shown]


def table(results: Results) -> str:
    """Markdown: our figures, the stock bot's, the ratio, and beside each checked figure its target."""
    ours, stock, ratio, checks = results["ours"], results["stock"], results["ratios"], results["targets"]
    rows: List[List[Any]] = []

    def row(
        measure: str, mine: Any, theirs: Any = None, ours_to_stock: Any = None, target: Optional[str] = None
    ) -> None:
        rows.append([measure, mine, theirs, ours_to_stock, *_verdict(target, checks)])

    for name, key in (("p50", "p50_ms"), ("p95", "p95_ms"), ("p99", "p99_ms")):
        row(
            f"One user, {name} per message (ms)",
            ours["one_user"][key],
            stock["one_user"][key],
            ratio[f"one_user_{name}"],
            "one_user_p95" if name == "p95" else None,
        )
    load, stock_load = _load(results), _load(results, "stock")
    row(
        f"{COMPARED_USERS} conversations at once: messages/s",
        load["throughput_msg_s"],
        stock_load["throughput_msg_s"],
        ratio["load_throughput"],
        "load_throughput",
    )
    row(
        f"{COMPARED_USERS} conversations at once: p95 per message (ms)",
        load["p95_ms"],
        stock_load["p95_ms"],
        ratio["load_p95"],
        "load_p95",
    )
    row(f"{COMPARED_USERS} conversations at once: errors", load["errors"], stock_load["errors"], None, "load_errors")
    more = ours["load"][f"users_{MORE_USERS}"]
    row(
        f"{MORE_USERS} conversations at once: messages/s, p95 ms, errors",
        f"{more['throughput_msg_s']}, {more['p95_ms']}, {more['errors']}",
    )
    long = ours["long_conversation"]
    last = long[f"turn_{long['turns']}_median_ms"]
    row(
        f"Long conversation: turn 1 / turn {long['turns']} median (ms)",
        f"{long['turn_1_median_ms']} / {last}",
        target="long_conversation",
    )
    row(
        "Rasa server resident memory (MB)",
        ours["rasa_memory"]["rss_mb"],
        stock["rasa_memory"]["rss_mb"],
        ratio["rasa_rss"],
        "rasa_memory",
    )
    row("Action server resident memory (MB)", ours["action_memory"]["rss_mb"], target="action_memory")
    row("Start to first reply (s)", ours["ready_s"], stock["ready_s"], ratio["ready"], "ready")
    row("Training (s)", ours["training_s"], stock["training_s"], ratio["training"])
    worst = results.get("worst_message")
    if worst:
        row(
            f"Worst accepted message ({worst['chars']} characters: {worst['worst']}) through analyse() (ms)",
            worst["worst_analyse_ms"],
        )
    lines = ["| Measure | Ours | Stock `rasa init` bot | Ours ÷ stock | Target | Met |", "|---|---:|---:|---:|---|---|"]
    lines += ["| " + " | ".join(_cell(c) for c in cells) + " |" for cells in rows]
    failed = missed(checks)
    machine = results["machine"]
    lines += [
        "",
        f"Targets: {len(checks) - len(failed)} of {len(checks)} met"
        + (f"; missed: {'; '.join(failed)}." if failed else "."),
        "",
        f"Measured {results['measured_at']} on {machine['cpus']} CPUs; load average "
        f"{machine['load_average_before'][0]} before, {machine['load_average_after'][0]} after"
        f"{' (quick run: shorter load, our model not trained)' if results['quick'] else ''}; database {ours['database']}.",
    ]
    return "\n".join(lines)
