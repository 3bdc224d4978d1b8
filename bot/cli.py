"""The `supportplan` command line (DESIGN §2). Every command first creates or migrates the
database. Output names no person and shows no date of birth; only export-plan prints a plan, and
export-review a review.

Exit codes: 0 done; 1 not found or could not run; 2 the budget file, or an adviser login or
password, was rejected."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional, TypeVar, Union

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from bot.budgets.importer import import_budgets
from bot.config import get_settings
from bot.csv_files import CsvImportError
from bot.db.migrate import upgrade
from bot.db.models import Person
from bot.db.session import session_scope, use_database
from bot.identity import unlock_reference
from bot.plans.documents import plan_to_html, plan_to_pdf
from bot.plans.export import plan_to_dict, plan_to_text
from bot.plans.service import latest_plan
from bot.plans.versions import plan_version
from bot.privacy.erasure import forget, purge
from bot.reporting.cli import add_report_parser, run_report
from bot.reviews.cli import add_export_review_parser, add_reviews_parser, run_export_review, run_reviews
from bot.secret_keys import PRODUCTION
from bot.spending.importer import import_spend
from bot.startup import settings_or_exit
from bot.web.accounts import (
    ROLES,
    ROLES_NEEDING_TOTP,
    AccountError,
    Enrolment,
    UnknownAdviser,
    create_adviser,
    disable_adviser,
    enable_adviser,
    enrol_totp,
    reset_password,
)

DEMO_CSV = Path(__file__).resolve().parent / "demo" / "demo_people.csv"
EXPORTERS: Dict[str, Callable] = {
    "json": lambda plan: json.dumps(plan_to_dict(plan), indent=2),
    "text": plan_to_text,
    "html": plan_to_html,
}
FORMATS = ("json", "text", "html", "pdf")
T = TypeVar("T")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _reject(rejected: CsvImportError) -> None:
    _err("The file was not imported and nothing has changed. Please fix these rows and try again:")
    for line, reason in rejected.errors:
        _err(f"line {line}: {reason}")


def _read_csv(load: Callable[[Path], T], file: str) -> Union[T, int]:
    """What `load` made of the CSV file, or the exit status after saying why it could not."""
    try:
        return load(Path(file))
    except OSError:
        _err(f"Could not read {file}. Check the file name and try again.")
        return 1
    except CsvImportError as rejected:
        _reject(rejected)
        return 2


def _import(args: argparse.Namespace) -> int:
    result = _read_csv(import_budgets, args.file)
    if isinstance(result, int):
        return result
    print(f"Imported {result.created + result.updated} people: {result.created} new, {result.updated} updated.")
    return 0


def _import_spend(args: argparse.Namespace) -> int:
    result = _read_csv(import_spend, args.file)
    if isinstance(result, int):
        return result
    if result.already_loaded:
        print("This file was loaded before, so nothing has changed.")
    else:
        print(f"Loaded {result.loaded} payments.")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.version is None:
        plan = latest_plan(args.person_reference)
        missing = f"There is no plan for {args.person_reference} yet."
    else:
        plan = plan_version(args.person_reference, args.version)
        missing = f"There is no version {args.version} of the plan for {args.person_reference}."
    if plan is None:
        _err(f"{missing} Please check the reference and try again.")
        return 1
    if args.format == "pdf":
        sys.stdout.buffer.write(plan_to_pdf(plan))
        sys.stdout.flush()
        return 0
    sys.stdout.write(EXPORTERS[args.format](plan).rstrip("\n") + "\n")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    print("The database is up to date.")
    return 0


def _load_demo(args: argparse.Namespace) -> int:
    if get_settings().environment == PRODUCTION:
        _err("This is a production system (SUPPORTPLAN_ENV=production), so the demo people were not loaded.")
        return 0
    with session_scope() as session:
        people = session.execute(select(func.count()).select_from(Person)).scalar_one()
    if people:
        print("The database already has people in it, so the demo people were not loaded.")
        return 0
    result = import_budgets(DEMO_CSV, actor="demo")
    print(f"Loaded {result.created} demo people.")
    return 0


def _purge(args: argparse.Namespace) -> int:
    days = get_settings().retention_days if args.older_than is None else args.older_than
    erased = purge(days)
    print(f"Deleted {erased.conversations} conversations and {erased.plans} draft plans older than {days} days.")
    return 0


def _forget(args: argparse.Namespace) -> int:
    erased = forget(args.person_reference)
    if erased is None:
        _err(f"There is nobody with the reference {args.person_reference}. Please check it and try again.")
        return 1
    print(f"Erased {erased.plans} plans and {erased.conversations} conversations. The budget record is kept.")
    return 0


def _read_password() -> str:
    """The new password: asked twice without echo at a terminal, else the first line of stdin."""
    if sys.stdin.isatty():
        password = getpass.getpass("Password (at least 12 characters): ")
        if getpass.getpass("The same password again: ") != password:
            raise AccountError("The two passwords are not the same.")
        return password
    return sys.stdin.readline().rstrip("\r\n")


def _print_enrolment(email: str, enrolment: Enrolment) -> None:
    """The TOTP secret, shown this once (never logged): for the adviser's authenticator app."""
    print(f"Add this to {email}'s authenticator app now; it is not shown again.")
    print(f"  key: {enrolment.secret}")
    print(f"  or the address (or a QR code of it): {enrolment.uri}")
    print("From now on, signing in asks for the 6-digit code from the app after the password.")


def _adviser_add(args: argparse.Namespace) -> int:
    adviser = create_adviser(args.email, _read_password(), role=args.role)
    print(f"Made a login for {adviser.email} ({adviser.role}). They can sign in at /adviser/.")
    if adviser.role in ROLES_NEEDING_TOTP or args.totp:
        _print_enrolment(adviser.email, enrol_totp(adviser.email, get_settings().secret_key))
    return 0


def _identity(args: argparse.Namespace) -> int:
    if unlock_reference(args.person_reference, actor="cli"):
        print("The failed identity checks for that reference are cleared. The person can try again now.")
    else:
        print("Nothing to clear: no failed identity checks are recorded for that reference.")
    return 0


def _adviser_totp(args: argparse.Namespace) -> int:
    enrolment = enrol_totp(args.email, get_settings().secret_key)
    _print_enrolment(args.email.strip().lower(), enrolment)
    print("Any old code app for this login no longer works, and its console sessions have ended.")
    return 0


def _adviser_disable(args: argparse.Namespace) -> int:
    adviser = disable_adviser(args.email)
    print(f"The login for {adviser.email} is turned off and its console sessions have ended.")
    return 0


def _adviser_enable(args: argparse.Namespace) -> int:
    adviser = enable_adviser(args.email)
    print(f"The login for {adviser.email} is turned on again. They can sign in at /adviser/.")
    return 0


def _adviser_reset_password(args: argparse.Namespace) -> int:
    adviser = reset_password(args.email, _read_password())
    print(f"The password for {adviser.email} is changed and its console sessions have ended.")
    return 0


ADVISER_ACTIONS: Dict[str, Callable[[argparse.Namespace], int]] = {
    "add": _adviser_add,
    "totp": _adviser_totp,
    "disable": _adviser_disable,
    "enable": _adviser_enable,
    "reset-password": _adviser_reset_password,
}


def _adviser(args: argparse.Namespace) -> int:
    """`supportplan adviser ACTION EMAIL`: exit 1 for an unknown login, 2 for a refused change."""
    try:
        return ADVISER_ACTIONS[args.adviser_command](args)
    except UnknownAdviser as problem:
        _err(f"{problem} Please check the email address and try again.")
        return 1
    except AccountError as problem:
        _err(f"Nothing was changed. {problem}")
        return 2


def _version_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("give a version number, like 1 or 2")
    return int(text)


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError("give a whole number of days, like 365")
    return int(text)


def _serve(args: argparse.Namespace) -> int:
    from bot.launcher import serve  # the process machinery is only needed here

    return serve(get_settings())


COMMANDS: Dict[str, Callable[[argparse.Namespace], int]] = {
    "import-budgets": _import,
    "import-spend": _import_spend,
    "export-plan": _export,
    "migrate": _migrate,
    "load-demo": _load_demo,
    "serve": _serve,
    "purge": _purge,
    "forget": _forget,
    "adviser": _adviser,
    "identity": _identity,
    "report": run_report,
    "reviews": run_reviews,
    "export-review": run_export_review,
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="supportplan", description="Support-planning assistant: data and servers")
    p.add_argument(
        "--database", metavar="URL", help="SQLAlchemy URL of the database (default: DATABASE_URL, else SQLite in var/)"
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    imp = sub.add_parser("import-budgets", help="load people and budgets from a CSV file (all or nothing)")
    imp.add_argument("file", metavar="FILE")
    spend = sub.add_parser(
        "import-spend", help="load what was spent from card and direct-payment accounts (all or nothing)"
    )
    spend.add_argument("file", metavar="FILE")
    exp = sub.add_parser("export-plan", help="print a person's latest plan")
    exp.add_argument("person_reference", metavar="PERSON_REFERENCE")
    exp.add_argument("--format", choices=FORMATS, default="json")
    exp.add_argument(
        "--version", metavar="N", type=_version_number, help="that version of the plan (default: the latest)"
    )
    sub.add_parser("migrate", help="create or migrate the database")
    sub.add_parser("load-demo", help="load the demo people if the database has nobody in it (never in production)")
    sub.add_parser("serve", help="start the action server, Rasa server and web app")
    pur = sub.add_parser("purge", help="delete conversations and draft plans past retention")
    pur.add_argument("--older-than", metavar="DAYS", type=_days, help="default: SUPPORTPLAN_RETENTION_DAYS (365)")
    fgt = sub.add_parser("forget", help="erase a person's conversations and plans (right to erasure)")
    fgt.add_argument("person_reference", metavar="PERSON_REFERENCE")
    adv = sub.add_parser("adviser", help="adviser logins for the console")
    adv_sub = adv.add_subparsers(dest="adviser_command", required=True, metavar="ACTION")
    add = adv_sub.add_parser("add", help="make a login (the password is read from stdin)")
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--role", choices=ROLES, default="adviser", help="manager can also see reporting (and needs TOTP)")
    add.add_argument("--totp", action="store_true", help="also set up a 6-digit code app (managers always get one)")
    for action, text in (
        ("totp", "set up (or replace) the login's 6-digit code app; prints its key once"),
        ("disable", "turn the login off and end its console sessions"),
        ("enable", "turn a login that was turned off back on"),
        ("reset-password", "set a new password (read from stdin) and end the login's sessions"),
    ):
        adv_sub.add_parser(action, help=text).add_argument("email", metavar="EMAIL")
    idn = sub.add_parser("identity", help="identity checks: clear a locked reference")
    idn_sub = idn.add_subparsers(dest="identity_command", required=True, metavar="ACTION")
    unlock = idn_sub.add_parser("unlock", help="clear the failed checks and lock for a reference (audited)")
    unlock.add_argument("person_reference", metavar="PERSON_REFERENCE")
    add_report_parser(sub)
    add_reviews_parser(sub)
    add_export_review_parser(sub)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    settings_or_exit()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    use_database(args.database)
    try:
        upgrade()
        return COMMANDS[args.command](args)
    except OperationalError as error:
        _err(f"Could not use the database ({type(error.orig).__name__}). Check DATABASE_URL or --database.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
