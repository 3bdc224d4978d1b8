"""The `supportplan` command line (DESIGN §2)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional

from sqlalchemy import func, select

from bot.budgets.importer import BudgetImportError, import_budgets
from bot.config import PROJECT_ROOT, get_settings
from bot.db.migrate import upgrade
from bot.db.models import Person
from bot.db.session import session_scope, use_database
from bot.plans.export import plan_to_dict, plan_to_text
from bot.plans.service import latest_plan

DEMO_CSV = PROJECT_ROOT / "bot" / "demo" / "demo_people.csv"


def _import(args: argparse.Namespace) -> int:
    try:
        result = import_budgets(Path(args.file))
    except FileNotFoundError:
        print(f"There is no file called {args.file}.", file=sys.stderr)
        return 2
    except BudgetImportError as rejected:
        print("The file was not imported. Nothing has changed. Please fix these rows:", file=sys.stderr)
        for line, reason in rejected.errors:
            print(f"line {line}: {reason}", file=sys.stderr)
        return 2
    print(f"Imported {result.created + result.updated} people: {result.created} new, {result.updated} updated.")
    return 0


def _export(args: argparse.Namespace) -> int:
    plan = latest_plan(args.person_reference)
    if plan is None:
        print("There is no plan for that reference yet.", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(plan_to_dict(plan), indent=2))
    elif args.format == "text":
        print(plan_to_text(plan))
    else:
        print(f"The {args.format} format is not available yet. Use json or text.", file=sys.stderr)
        return 3
    return 0


def _migrate(args: argparse.Namespace) -> int:
    print("The database is up to date.")
    return 0


def _load_demo(args: argparse.Namespace) -> int:
    with session_scope() as session:
        people = session.execute(select(func.count()).select_from(Person)).scalar_one()
    if people:
        print("The database already has people in it; the demo people were not loaded.")
        return 0
    result = import_budgets(DEMO_CSV, actor="demo")
    print(f"Loaded {result.created} demo people. Try PB-100234, born 3/4/1956.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from bot.launcher import serve  # imports subprocess machinery only when serving

    return serve(get_settings())


COMMANDS: Dict[str, Callable[[argparse.Namespace], int]] = {
    "import-budgets": _import,
    "export-plan": _export,
    "migrate": _migrate,
    "load-demo": _load_demo,
    "serve": _serve,
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="supportplan", description="Support-planning assistant: data and servers")
    p.add_argument("--database", help="SQLAlchemy URL of the database (default: DATABASE_URL, else SQLite in var/)")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import-budgets", help="load people and budgets from a CSV file (all or nothing)")
    imp.add_argument("file")
    exp = sub.add_parser("export-plan", help="print a person's latest plan")
    exp.add_argument("person_reference")
    exp.add_argument("--format", choices=["json", "text", "html", "pdf"], default="json")
    sub.add_parser("migrate", help="create or migrate the database")
    sub.add_parser("load-demo", help="load the demo people if the database is empty")
    sub.add_parser("serve", help="start the action server, Rasa server and web app")
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.database:
        use_database(args.database)
    upgrade()
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
