"""`supportplan import-spend`: all or nothing with line numbers, like the budget import; the same
file twice changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.csv_files import CsvImportError
from bot.db.models import AuditLog, Spend
from bot.db.session import session_scope
from bot.spending.importer import import_spend

HEADER = "reference,date,amount,category,description\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "spend.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def spending() -> list:
    with session_scope() as session:
        rows = session.execute(select(Spend).order_by(Spend.id)).scalars()
        return [(s.spent_on.isoformat(), s.amount_pence, s.category, s.description) for s in rows]


def test_a_good_file_is_loaded_once(demo_person: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pb100234,2026-11-02,£120.00,personal_assistant,PA wages\n"
        'PB-100234,2026-11-09,"1,000",Personal Assistant,\n'
        "PB-100235,2026-11-10,-15.50,transport,refund from taxi firm\n",
    )
    assert import_spend(path).loaded == 3
    assert spending() == [
        ("2026-11-02", 12000, "personal_assistant", "PA wages"),
        ("2026-11-09", 100000, "personal_assistant", None),
        ("2026-11-10", -1550, "transport", "refund from taxi firm"),
    ]
    again = import_spend(path)
    assert again.already_loaded and len(spending()) == 3
    with session_scope() as session:
        details = session.execute(select(AuditLog.detail).where(AuditLog.action == "import-spend")).scalars().all()
    assert details == ["rows=3"]


def test_every_bad_row_is_reported_and_nothing_is_loaded(demo_person: str, tmp_path: Path) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    path = write(
        tmp_path,
        "PB-100234,2026-11-02,120,personal_assistant,ok\n"
        "PB-999999,2026-11-02,120,personal_assistant,nobody\n"
        f"PB-100234,{tomorrow},120,transport,\n"
        "PB-100234,02/11/2026,0,gardening,\n"
        "PB-100234,2026-11-02,lots,equipment," + "x" * 201 + "\n"
        "PB-100234,2026-11-02,120\n",
    )
    with pytest.raises(CsvImportError) as error:
        import_spend(path)
    reasons = dict(error.value.errors)
    assert sorted(reasons) == [3, 4, 5, 6, 7]
    assert reasons[3] == "reference is not a person on record"
    assert "future" in reasons[4]
    assert (
        "date is not a date" in reasons[5] and "amount must be more than 0" in reasons[5] and "category" in reasons[5]
    )
    assert "not an amount" in reasons[6] and "description is longer" in reasons[6]
    assert "the row has 3 values" in reasons[7]
    assert spending() == []


def test_the_command_line(demo_person: str, database: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = write(tmp_path, "PB-100234,2026-11-02,120,transport,taxi\n")
    assert main(["--database", database, "import-spend", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "Loaded 1 payments."
    assert main(["--database", database, "import-spend", str(good)]) == 0
    assert "loaded before" in capsys.readouterr().out
    bad = write(tmp_path, "PB-100234,2026-11-02,120,hats,\n", header="reference,date,amount,category\n")
    assert main(["--database", database, "import-spend", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 1: the header is missing: description" in err and "nothing has changed" in err
    assert main(["--database", database, "import-spend", str(tmp_path / "missing.csv")]) == 1
    assert "Could not read" in capsys.readouterr().err
    with session_scope() as session:
        assert session.execute(select(func.count()).select_from(Spend)).scalar_one() == 1
