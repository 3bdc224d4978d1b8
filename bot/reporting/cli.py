"""`supportplan report [--from DATE] [--to DATE] --format json|csv`: the council report to stdout."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from bot.reporting.output import FORMATS, render
from bot.reporting.period import Period, parse_date
from bot.reporting.published import OverlappingReport, publish
from bot.reporting.report import build_report


def date_argument(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a date like 2026-04-01") from None


def add_report_parser(commands: "argparse._SubParsersAction") -> None:
    """Adds the `report` sub-command to the `supportplan` command line."""
    report = commands.add_parser(
        "report", help="figures for the council (no personal data; counts under 5 shown as 'fewer than 5')"
    )
    report.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        type=date_argument,
        help="plans started on or after this date (YYYY-MM-DD, UTC)",
    )
    report.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        type=date_argument,
        help="plans started on or before this date (YYYY-MM-DD, UTC)",
    )
    report.add_argument("--format", choices=FORMATS, default="json")


def run_report(args: argparse.Namespace) -> int:
    """Prints the report; exit code 2 when the dates are the wrong way round, or overlap those of
    a report published before (bot/reporting/published.py)."""
    try:
        period = Period(args.first, args.last)
    except ValueError:
        print("The --from date is after the --to date. Please swap them and try again.", file=sys.stderr)
        return 2
    try:
        publish(period, "cli")
    except OverlappingReport as overlap:
        print(overlap, file=sys.stderr)
        return 2
    sys.stdout.write(render(build_report(period), args.format).rstrip("\n") + "\n")
    return 0
