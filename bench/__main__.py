"""`python -m bench` (`make bench`): run the benchmarks, print the table, write the results; exit
status 1, naming each on stderr, when a target in bench/report.py is missed."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import List, Optional

from bench import worst_message
from bench.report import check_targets, exit_code, missed, ratios, table
from bench.run import Scope, run

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="no training (our latest model in models/; the stock bot's model an earlier run kept in "
        "var/bench-stock, trained only if there is none), shorter runs",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="our servers on a new PostgreSQL database instead of SQLite"
    )
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results.json")
    parser.add_argument(
        "--worst-message",
        action="store_true",
        help="only the cost of the worst accepted message (seconds, no servers); written to bench/worst_message.json",
    )
    args = parser.parse_args(argv)
    if args.worst_message:
        return measure_worst_message(BENCH_DIR / "worst_message.json")
    log = BENCH_DIR / "bench.log"
    print(f"Benchmarking (servers' output in {log}); this takes a while…", flush=True)
    results = asyncio.run(run(Scope.quick() if args.quick else Scope.full(), args.postgres, log))
    results["ratios"] = ratios(results)
    results["targets"] = check_targets(results)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nWritten to {args.out}.")
    for name in missed(results["targets"]):
        print(f"Target missed: {name}", file=sys.stderr)
    return exit_code(results["targets"])


def measure_worst_message(out: Path) -> int:
    result = worst_message.measure()
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(worst_message.table(result))
    print(f"\nWritten to {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
