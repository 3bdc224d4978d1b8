"""Budget import (DESIGN §4): every bad row reported with its line number, all or nothing, upsert."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Dict, Tuple

import pytest
from sqlalchemy import func, select

from bot.budgets.importer import BudgetImportError, import_budgets
from bot.cli import DEMO_CSV
from bot.db.models import AuditLog, Budget, Person
from bot.db.session import session_scope
from bot.money import from_pence, weekly_amount

HEADER = "reference,given_name,family_name,date_of_birth,postcode,phone,budget_amount,budget_period\n"
ANN = "AB-1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n"


def write(tmp_path: Path, body: str, header: str = HEADER, name: str = "budgets.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + (header + body).encode("utf-8"))
    return path


def people() -> Dict[str, Tuple[str, str, date, str, str, int, str]]:
    """Everyone in the database: reference → (given, family, born, postcode, phone, pence, period)."""
    with session_scope() as session:
        return {
            p.reference: (
                p.given_name,
                p.family_name,
                p.date_of_birth,
                p.postcode,
                p.phone,
                p.budget.amount_pence,
                p.budget.period,
            )
            for p in session.execute(select(Person)).scalars()
        }


def rejected(path: Path) -> Dict[int, str]:
    with pytest.raises(BudgetImportError) as error:
        import_budgets(path)
    return dict(error.value.errors)


def test_a_good_file_is_imported_with_columns_in_any_order(database: str, tmp_path: Path) -> None:
    header = "Budget_Period, budget_amount,phone,postcode,date_of_birth,family_name,given_name,reference,notes\n"
    path = write(
        tmp_path,
        'Week ,"£1,250.50",+447700900123,ls6  2ab,1950-01-31,Smith,Ann,AB-12345,ignored\n'
        "\n"
        "YEAR,9000,,BD7 1DP,1960-05-05,Jones,Bob,AB-12346,\n",
        header,
    )
    result = import_budgets(path)
    assert (result.created, result.updated) == (2, 0)
    assert people() == {
        "AB-12345": ("Ann", "Smith", date(1950, 1, 31), "LS6 2AB", "+447700900123", 125050, "week"),
        "AB-12346": ("Bob", "Jones", date(1960, 5, 5), "BD7 1DP", None, 900000, "year"),
    }


def test_a_byte_order_mark_is_accepted(database: str, tmp_path: Path) -> None:
    assert import_budgets(write(tmp_path, ANN, bom=True)).created == 1


def test_every_bad_row_is_reported_with_its_line_and_nothing_changes(database: str, tmp_path: Path) -> None:
    import_budgets(write(tmp_path, ANN, name="first.csv"))
    before = people()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    reasons = rejected(
        write(
            tmp_path,
            "AB-1,Ann,Smith-Jones,1950-01-31,LS6 2AB,,300,week\n"  # line 2: good (would update)
            "AB-2,,Smith,31/01/1950,LS6 2AB,,250,week\n"  # 3
            "AB-3,Cy,Smith,1950-01-31,LS6 2AB,07700,-3,fortnight\n"  # 4
            "ab 1,Ann,Smith,1950-01-31,LS6 2AB,,250,week\n"  # 5: same reference as line 2
            "AB-4,Di,Smith,1950-02-30,nowhere,,0,month\n"  # 6
            f"AB-5,Ed,Smith,{tomorrow},LS6 2AB,,£12.345,week\n"  # 7
            "AB-6,Flo,Smith,1950-01-31,LS6 2AB,,250\n"  # 8: a value short
            '"AB-7",Gus,"Smith\nJones",1950-01-31,LS6 2AB,,250,week\n'  # 9–10: a quoted line break is fine
            "AB-8,Hal,Smith,1950-01-31,LS6 2AB,,250,day\n",  # 11
        )
    )
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 11]
    assert "given_name is empty" in reasons[3] and "date_of_birth" in reasons[3]
    assert all(column in reasons[4] for column in ("phone", "budget_amount", "budget_period"))
    assert "already on line 2" in reasons[5]
    assert all(column in reasons[6] for column in ("date_of_birth", "postcode", "budget_amount"))
    assert "not in the past" in reasons[7] and "budget_amount" in reasons[7]
    assert "7 values" in reasons[8]
    assert "budget_period" in reasons[11]
    assert people() == before


def test_reasons_name_the_column_never_the_value(database: str, tmp_path: Path) -> None:
    reasons = rejected(write(tmp_path, "AB-9,Zed,Smith,31/01/1950,QQ1,+12,£lots,weekly\n"))
    for value in ("31/01/1950", "QQ1", "+12", "lots", "weekly", "Zed"):
        assert value not in reasons[2]


def test_upsert_by_reference_updates_the_person_and_budget(database: str, tmp_path: Path) -> None:
    import_budgets(write(tmp_path, ANN + "AB-2,Bob,Jones,1960-05-05,BD7 1DP,,100,week\n", name="first.csv"))
    result = import_budgets(write(tmp_path, "AB-1,Ann,Smith-Jones,1950-01-31,LS6 2AB,+447700900999,300.00,4 weeks\n"))
    assert (result.created, result.updated) == (0, 1)
    everyone = people()
    assert everyone["AB-1"] == ("Ann", "Smith-Jones", date(1950, 1, 31), "LS6 2AB", "+447700900999", 30000, "4 weeks")
    assert everyone["AB-2"][5] == 10000
    with session_scope() as session:
        assert session.execute(select(func.count()).select_from(Budget)).scalar_one() == 2


@pytest.mark.parametrize(
    "header, missing",
    [
        ("reference,given_name\n", "family_name, date_of_birth, postcode, phone, budget_amount, budget_period"),
        (HEADER.replace(",phone", ""), "phone"),
        ("", "reference"),
    ],
)
def test_a_header_without_every_column_is_reported_on_line_1(
    database: str, tmp_path: Path, header: str, missing: str
) -> None:
    reasons = rejected(write(tmp_path, "" if not header else "AB-1,Ann\n", header=header))
    assert list(reasons) == [1] and missing in reasons[1]


def test_a_column_named_twice_is_refused(database: str, tmp_path: Path) -> None:
    reasons = rejected(write(tmp_path, ANN.rstrip() + ",Bob\n", header=HEADER.rstrip() + ",given_name\n"))
    assert "given_name" in reasons[1]


def test_a_file_that_is_not_utf8_is_refused_at_the_right_line(database: str, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + ANN + "AB-2,Zoë,Smith,1950-01-31,LS6 2AB,,250,week\n").encode("latin-1"))
    assert list(rejected(path)) == [3]
    assert people() == {}


def test_the_import_is_audited_with_counts_only(database: str, tmp_path: Path) -> None:
    import_budgets(write(tmp_path, ANN), actor="cli")
    with session_scope() as session:
        line = session.execute(select(AuditLog)).scalar_one()
        assert (line.actor, line.action, line.subject, line.detail) == (
            "cli",
            "import-budgets",
            "",
            "created=1 updated=0",
        )
        assert line.at.tzinfo is not None


def test_the_demo_file_is_valid(database: str) -> None:
    assert import_budgets(DEMO_CSV).created == 9
    everyone = people()
    assert everyone["PB-100234"] == ("Sam", "Taylor", date(1956, 4, 3), "LS6 2AB", "+447700900123", 25000, "week")
    assert {row[6] for row in everyone.values()} == {"week", "4 weeks", "month", "year"}
    assert sum(1 for row in everyone.values() if row[4] is None) == 1
    assert all(Decimal(100) <= weekly_amount(from_pence(row[5]), row[6]) <= Decimal(600) for row in everyone.values())
