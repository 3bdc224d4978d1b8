"""`supportplan reviews [--due-by DATE] --format text|json|csv`: agreed plans due or overdue a review;
`supportplan export-review PERSON_REFERENCE [--format json|text]`: the person's latest review."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from typing import Callable, Dict, List

from bot.reporting.cli import date_argument
from bot.reviews.due import DueReview, reviews_due
from bot.reviews.export import review_to_json, review_to_text
from bot.reviews.record import latest_review

FORMATS = ("text", "json", "csv")
FIELDS = ("plan_reference", "person_reference", "management", "agreed_on", "kind", "due", "days_overdue")


def _row(review: DueReview, today: date) -> Dict[str, object]:
    return {
        "plan_reference": review.plan_reference,
        "person_reference": review.person_reference,
        "management": review.management,
        "agreed_on": review.agreed_on.isoformat(),
        "kind": review.kind,
        "due": review.due.isoformat(),
        "days_overdue": review.days_overdue(today),
    }


def _text(rows: List[Dict[str, object]]) -> str:
    if not rows:
        return "No plans are due a review by then."
    lines = [f"{len(rows)} plan(s) due a review:"]
    for row in rows:
        late = f", {row['days_overdue']} days overdue" if row["days_overdue"] else ""
        lines.append(f"{row['plan_reference']}  {row['person_reference']}  {row['kind']} due {row['due']}{late}")
    return "\n".join(lines)


def _csv(rows: List[Dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


RENDER: Dict[str, Callable[[List[Dict[str, object]]], str]] = {
    "text": _text,
    "json": lambda rows: json.dumps(rows, indent=2),
    "csv": _csv,
}


def add_reviews_parser(commands: "argparse._SubParsersAction") -> None:
    """Adds the `reviews` sub-command to the `supportplan` command line."""
    reviews = commands.add_parser("reviews", help="agreed plans due or overdue a review (references and dates only)")
    reviews.add_argument(
        "--due-by", metavar="DATE", type=date_argument, default=None, help="due on or before this date (default: today)"
    )
    reviews.add_argument("--format", choices=FORMATS, default="text")


def run_reviews(args: argparse.Namespace) -> int:
    today = date.today()
    rows = [_row(review, today) for review in reviews_due(args.due_by or today)]
    sys.stdout.write(RENDER[args.format](rows).rstrip("\n") + "\n")
    return 0


REVIEW_FORMATS: Dict[str, Callable[..., str]] = {
    "json": lambda review: json.dumps(review_to_json(review), indent=2),
    "text": review_to_text,
}


def add_export_review_parser(commands: "argparse._SubParsersAction") -> None:
    """Adds the `export-review` sub-command to the `supportplan` command line."""
    export = commands.add_parser("export-review", help="print a person's latest review")
    export.add_argument("person_reference", metavar="PERSON_REFERENCE")
    export.add_argument("--format", choices=tuple(REVIEW_FORMATS), default="json")


def run_export_review(args: argparse.Namespace) -> int:
    review = latest_review(args.person_reference)
    if review is None:
        print(
            f"There is no review for {args.person_reference} yet. Please check the reference and try again.",
            file=sys.stderr,
        )
        return 1
    sys.stdout.write(REVIEW_FORMATS[args.format](review).rstrip("\n") + "\n")
    return 0
