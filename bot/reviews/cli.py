"""`supportplan reviews [--due-by DATE] --format text|json|csv`: agreed plans due or overdue a review;
`supportplan reviews invite [--due-by DATE] [--dry-run] [--format text|json]`: text those people an
invitation to review (bot/reviews/invite.py);
`supportplan export-review PERSON_REFERENCE [--format json|text]`: the person's latest review."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date
from typing import Callable, Dict, List

from bot.config import get_settings
from bot.council import council_rules
from bot.reporting.cli import date_argument
from bot.reviews.due import DueReview, reviews_due
from bot.reviews.export import review_to_json, review_to_text
from bot.reviews.invite import FAILED, RESULTS, SENT, SKIPPED, WOULD_SEND, CannotInvite, Report, invite
from bot.reviews.record import latest_review

FORMATS = ("text", "json", "csv")
INVITE_FORMATS = ("text", "json")
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


def _due_by_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--due-by", metavar="DATE", type=date_argument, default=None, help="due on or before this date (default: today)"
    )


def add_reviews_parser(commands: "argparse._SubParsersAction") -> None:
    """Adds the `reviews` sub-command, and its `invite` action, to the `supportplan` command line."""
    reviews = commands.add_parser("reviews", help="agreed plans due or overdue a review (references and dates only)")
    _due_by_argument(reviews)
    reviews.add_argument("--format", choices=FORMATS, default="text")
    actions = reviews.add_subparsers(dest="reviews_command", metavar="ACTION")
    invite_parser = actions.add_parser(
        "invite", help="text each person due a review an invitation to reply REVIEW (no care details)"
    )
    _due_by_argument(invite_parser)
    invite_parser.add_argument(
        "--dry-run", action="store_true", help="show who would be texted (phones masked); send and record nothing"
    )
    invite_parser.add_argument("--format", choices=INVITE_FORMATS, default="text")


def _invite_line(row: Dict[str, object], words: str) -> str:
    phone = f" {row['phone']}" if "phone" in row else ""
    return f"{row['plan_reference']}  {row['person_reference']}  {row['kind']} due {row['due']}  {words}{phone}"


def _invite_summary(report: Report) -> str:
    done = WOULD_SEND if report.dry_run else SENT
    skipped = ", ".join(f"{RESULTS[reason]} {report.count(reason)}" for reason in SKIPPED)
    return (
        f"{RESULTS[done].capitalize()}: {report.count(done)}. "
        f"Skipped: {sum(report.count(reason) for reason in SKIPPED)} ({skipped}). Failed: {report.count(FAILED)}."
    )


def _invite_text(report: Report) -> str:
    lines = []
    if report.dry_run:
        lines.append("Dry run: nothing is sent or recorded.")
        lines.append(f"The text: {report.text}" if report.text else f"Nothing could be sent yet. {report.problem}")
    lines.append(f"Review invitations for plans due by {report.due_by.isoformat()}:")
    for outcome in report.outcomes:
        words = f"skipped: {RESULTS[outcome.result]}" if outcome.result in SKIPPED else RESULTS[outcome.result]
        lines.append(_invite_line(outcome.as_dict(), words))
    if not report.outcomes:
        lines.append("No one is due a review by then.")
    lines.append(_invite_summary(report))
    return "\n".join(lines)


def _invite_json(report: Report) -> str:
    return json.dumps(
        {
            "due_by": report.due_by.isoformat(),
            "dry_run": report.dry_run,
            "text": report.text,
            "problem": report.problem,
            "counts": {result: report.count(result) for result in RESULTS},
            "people": [outcome.as_dict() for outcome in report.outcomes],
        },
        indent=2,
    )


INVITE_RENDER: Dict[str, Callable[[Report], str]] = {"text": _invite_text, "json": _invite_json}


def run_invite(args: argparse.Namespace) -> int:
    """`supportplan reviews invite`: 1 when any text failed, or nothing could be sent."""
    try:
        report = invite(args.due_by or date.today(), args.dry_run, get_settings(), council_rules())
    except CannotInvite as error:
        print(f"No invitations were sent. {error}", file=sys.stderr)
        return 1
    sys.stdout.write(INVITE_RENDER[args.format](report).rstrip("\n") + "\n")
    return 1 if report.failed else 0


def run_reviews(args: argparse.Namespace) -> int:
    if getattr(args, "reviews_command", None) == "invite":
        return run_invite(args)
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
