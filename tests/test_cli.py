"""The `supportplan` command line and the schema it migrates to. Most commands run in this process
(bot.cli.main, tests/support/cli.py); the console script itself runs as a new process for each
family of commands: its exit codes 0, 1 and 2 and what it writes to stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Dict, Optional

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from bot.budgets.source import BudgetFigures
from bot.config import PROJECT_ROOT
from bot.db.migrate import alembic_config, upgrade
from bot.db.models import Base, Budget, Person
from bot.db.session import get_engine, session_scope
from bot.plans import service
from tests.support.cli import supportplan, supportplan_process
from tests.support.servers import SUPPORTPLAN

BIN = Path(sys.executable).parent
HEADER = "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period\n"


def cli(database: str, *args: str, env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    """`supportplan --database DATABASE ARGS` in this process."""
    return supportplan("--database", database, *args, env=env)


def cli_process(database: str, *args: str) -> subprocess.CompletedProcess:
    """`supportplan --database DATABASE ARGS`, the console script as a new process."""
    return supportplan_process("--database", database, *args)


def people() -> int:
    with session_scope() as session:
        return session.execute(select(func.count()).select_from(Person)).scalar_one()


# --- the schema ----------------------------------------------------------------------------


def test_the_migration_matches_the_models(database: str) -> None:
    with get_engine(database).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_migration_names_constraints_like_the_models(database: str) -> None:
    inspector = inspect(get_engine(database))
    assert {c["name"] for c in inspector.get_unique_constraints("people")} == {
        "uq_people_reference",
        "uq_people_reference_key",
    }
    indexes = {i["name"] for i in inspector.get_indexes("plans") if not i.get("duplicates_constraint")}
    assert indexes == {"ix_plans_person_id", "ix_plans_conversation_id"}
    assert [fk["name"] for fk in inspector.get_foreign_keys("services")] == ["fk_services_plan_id_plans"]
    assert {c["name"] for c in inspector.get_check_constraints("budgets")} == {
        "ck_budgets_period",
        "ck_budgets_amount_positive",
    }
    assert {c["name"] for c in inspector.get_check_constraints("plans")} == {"ck_plans_status", "ck_plans_planned_by"}


@pytest.mark.parametrize("period, pence", [("fortnight", 100), ("week", 0)])
def test_the_database_refuses_a_bad_budget(database: str, period: str, pence: int) -> None:
    with pytest.raises(IntegrityError):
        with session_scope() as session:
            person = Person(
                reference="X-1",
                reference_key="X1",
                given_name="A",
                family_name="B",
                date_of_birth=date(1950, 1, 1),
                postcode="LS6 2AB",
            )
            person.budget = Budget(amount_pence=pence, period=period)
            session.add(person)
    assert people() == 0


def test_migrating_again_changes_nothing(demo_person: str, database: str) -> None:
    upgrade(database)
    upgrade(database)
    assert people() == 9


def test_the_migrate_command(database: str) -> None:
    done = cli_process(database, "migrate")
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "The database is up to date.", "")


def test_a_new_database_is_created_by_any_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    done = cli_process(url, "load-demo")
    assert done.returncode == 0 and "Loaded 9 demo people" in done.stdout
    with get_engine(url).connect() as connection:
        heads = set(ScriptDirectory.from_config(alembic_config(url)).get_heads())
        assert set(MigrationContext.configure(connection).get_current_heads()) == heads
    get_engine(url).dispose()


def test_the_alembic_command_takes_the_url_from_x_or_database_url(database: str) -> None:
    alembic = [str(BIN / "alembic"), "-c", str(PROJECT_ROOT / "bot" / "db" / "alembic.ini")]
    by_x = subprocess.run([*alembic, "-x", f"url={database}", "current"], capture_output=True, text=True, timeout=60)
    assert by_x.returncode == 0 and "(head)" in by_x.stdout, by_x.stderr
    by_env = subprocess.run(
        [*alembic, "current"], capture_output=True, text=True, timeout=60, env={**os.environ, "DATABASE_URL": database}
    )
    assert by_env.returncode == 0 and "(head)" in by_env.stdout, by_env.stderr


# --- import-budgets ------------------------------------------------------------------------


def test_import_budgets_succeeds_with_a_one_line_summary(database: str, tmp_path: Path) -> None:
    path = tmp_path / "budgets.csv"
    path.write_text(
        HEADER + "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\nAB-2,Bob,Jones,1960-05-05,BD7 1DP,,9000,year\n"
    )
    done = cli(database, "import-budgets", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Imported 2 people: 2 new, 0 updated."]
    assert people() == 2
    done = cli(database, "import-budgets", str(path))
    assert done.stdout.splitlines() == ["Imported 2 people: 0 new, 2 updated."]


def test_import_budgets_rejects_the_file_listing_every_bad_row(database: str, tmp_path: Path) -> None:
    path = tmp_path / "budgets.csv"
    path.write_text(
        HEADER
        + "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n"
        + "AB-2,Bob,Smith,1950-01-31,nowhere,,250,week\n"
        + "AB-3,Cy,Smith,1950-13-01,LS6 2AB,,250,week\n"
        + "AB-4,Di,Smith,1950-01-31,LS6 2AB,,lots,week\n"
    )
    done = cli_process(database, "import-budgets", str(path))
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert "nothing has changed" in lines[0]
    assert [line.split(":")[0] for line in lines[1:]] == ["line 3", "line 4", "line 5"]
    assert "postcode" in lines[1] and "date_of_birth" in lines[2] and "budget_amount" in lines[3]
    assert "nowhere" not in done.stderr and "1950" not in done.stderr and "Bob" not in done.stderr
    assert people() == 0


def test_import_budgets_of_a_missing_file(database: str, tmp_path: Path) -> None:
    done = cli(database, "import-budgets", str(tmp_path / "nope.csv"))
    assert done.returncode == 1 and "Could not read" in done.stderr


# --- export-plan ---------------------------------------------------------------------------


@pytest.fixture
def plan_ref(demo_person: str) -> str:
    ref = service.open_plan(demo_person, "self", "rest", "c1", BudgetFigures.of(Decimal("250"), "week")).plan_reference
    service.set_important_to_me(ref, "My garden")
    service.add_outcome(ref, "Go swimming")
    return ref


def test_export_plan_as_json(plan_ref: str, database: str) -> None:
    done = cli(database, "export-plan", "pb 100234", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["plan_reference"] == plan_ref and data["outcomes"][0]["domain"] == "community"
    assert data["budget"]["annual"] == "13000.00"


def test_export_plan_as_text(plan_ref: str, database: str) -> None:
    done = cli(database, "export-plan", "PB-100234", "--format", "text")
    assert done.returncode == 0 and "What is important to me" in done.stdout and "My garden" in done.stdout
    assert plan_ref in done.stdout


def test_export_plan_defaults_to_json(plan_ref: str, database: str) -> None:
    assert json.loads(cli(database, "export-plan", "PB-100234").stdout)["plan_reference"] == plan_ref


def test_export_plan_as_html(plan_ref: str, database: str) -> None:
    done = cli(database, "export-plan", "PB-100234", "--format", "html")
    assert done.returncode == 0 and done.stdout.startswith("<!DOCTYPE html>")
    assert plan_ref in done.stdout and "My garden" in done.stdout and "<style>" in done.stdout


def test_export_plan_as_pdf(plan_ref: str, database: str) -> None:
    done = subprocess.run(
        [SUPPORTPLAN, "--database", database, "export-plan", "PB-100234", "--format", "pdf"],
        capture_output=True,
        timeout=120,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 0 and done.stdout.startswith(b"%PDF-")


@pytest.mark.parametrize("reference", ["PB-999999", "PB-100235"])  # unknown person; known but no plan
def test_export_plan_without_a_plan(demo_person: str, database: str, reference: str) -> None:
    done = cli(database, "export-plan", reference, "--format", "json")
    assert done.returncode == 1 and done.stdout == ""
    assert f"There is no plan for {reference} yet" in done.stderr and "Traceback" not in done.stderr


# --- load-demo and --database --------------------------------------------------------------


def test_load_demo_only_into_an_empty_database(database: str) -> None:
    first = cli(database, "load-demo")
    assert first.returncode == 0 and first.stdout.strip() == "Loaded 9 demo people."
    again = cli(database, "load-demo")
    assert again.returncode == 0 and "were not loaded" in again.stdout
    assert people() == 9
    for personal in ("Sam", "Taylor", "1956", "250"):
        assert personal not in first.stdout + first.stderr


def test_demo_people_are_never_loaded_into_a_production_database(database: str) -> None:
    env = {
        **os.environ,
        "SUPPORTPLAN_ENV": "production",
        "SUPPORTPLAN_SECRET_KEY": "k" * 10 + "abcdefghijklmnopqrstuvwxyz0123456789",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--database", database, "load-demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "SUPPORTPLAN_ENV=production" in done.stderr and "not loaded" in done.stderr
    assert people() == 0


def test_the_database_option_overrides_database_url(database: str, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    done = cli(database, "load-demo", env={**os.environ, "DATABASE_URL": f"sqlite:///{elsewhere}"})
    assert done.returncode == 0 and people() == 9
    assert not elsewhere.exists()


def test_an_unreachable_database_is_reported_kindly(tmp_path: Path) -> None:
    done = cli_process(f"sqlite:///{tmp_path / 'missing-folder' / 'x.db'}", "migrate")
    assert done.returncode == 1 and "Could not use the database" in done.stderr and "Traceback" not in done.stderr
