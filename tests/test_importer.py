from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.budgets.importer import BudgetImportError, import_budgets
from bot.db.models import Budget, Person
from bot.db.session import session_scope

HEADER = "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period\n"
SUPPORTPLAN = str(Path(sys.executable).parent / "supportplan")


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "budgets.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def people() -> int:
    with session_scope() as session:
        return session.execute(select(func.count()).select_from(Person)).scalar_one()


def test_a_good_file_is_imported_with_columns_in_any_order(database: str, tmp_path: Path) -> None:
    header = "budget_period,budget_amount,phone,postcode,date_of_birth,family_name,given_name,reference\n"
    path = write(tmp_path, 'week,"£1,250.50",+447700900123,LS6 2AB,1950-01-31,Smith,Ann,AB-12345\nyear,9000,,BD7 1DP,1960-05-05,Jones,Bob,AB-12346\n', header)
    result = import_budgets(path)
    assert (result.created, result.updated) == (2, 0)
    with session_scope() as session:
        budget = session.execute(select(Budget).join(Person).where(Person.reference == "AB-12345")).scalar_one()
        assert (budget.amount_pence, budget.period) == (125050, "week")


def test_one_bad_row_rejects_the_whole_file_with_every_line_number(database: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n"
        "AB-2,,Smith,31/01/1950,LS6 2AB,,250,week\n"
        "AB-3,Cy,Smith,1950-01-31,LS6 2AB,07700,-3,fortnight\n"
        "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n",
    )
    with pytest.raises(BudgetImportError) as rejected:
        import_budgets(path)
    lines = [line for line, _ in rejected.value.errors]
    assert lines == [3, 4, 5]
    reasons = dict(rejected.value.errors)
    assert "given_name" in reasons[3] and "date_of_birth" in reasons[3]
    assert "phone" in reasons[4] and "budget_amount" in reasons[4] and "budget_period" in reasons[4]
    assert "already on line 2" in reasons[5]
    assert people() == 0


def test_upsert_by_reference_updates_the_budget(database: str, tmp_path: Path) -> None:
    import_budgets(write(tmp_path, "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n"))
    result = import_budgets(write(tmp_path, "AB-1,Ann,Smith-Jones,1950-01-31,LS6 2AB,,300.00,4 weeks\n"))
    assert (result.created, result.updated) == (0, 1)
    with session_scope() as session:
        person = session.execute(select(Person)).scalar_one()
        assert (person.family_name, person.budget.amount_pence, person.budget.period) == ("Smith-Jones", 30000, "4 weeks")


def test_a_missing_column_is_reported_on_line_1(database: str, tmp_path: Path) -> None:
    path = write(tmp_path, "AB-1,Ann\n", header="reference,given_name\n")
    with pytest.raises(BudgetImportError) as rejected:
        import_budgets(path)
    assert rejected.value.errors[0][0] == 1 and "date_of_birth" in rejected.value.errors[0][1]


def test_the_command_exits_2_and_lists_bad_rows_on_stderr(database: str, tmp_path: Path) -> None:
    path = write(tmp_path, "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\nAB-2,Bo,Smith,1950-01-31,nowhere,,250,week\n")
    done = subprocess.run([SUPPORTPLAN, "--database", database, "import-budgets", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "line 3: postcode" in done.stderr
    assert people() == 0
    good = write(tmp_path, "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n")
    done = subprocess.run([SUPPORTPLAN, "--database", database, "import-budgets", str(good)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert people() == 1
