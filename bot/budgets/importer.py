"""`supportplan import-budgets FILE.csv` (DESIGN §4): all or nothing, upsert by reference."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Dict, List, Tuple

from sqlalchemy import select

from bot.db.models import AuditLog, Budget, Person
from bot.db.session import session_scope
from bot.identity import normalise_reference
from bot.money import PERIODS, parse_pounds, to_pence

COLUMNS = ("reference", "given_name", "family_name", "date_of_birth", "postcode", "phone", "budget_amount", "budget_period")
_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)


class BudgetImportError(Exception):
    """The file was rejected; `errors` holds (line number, reason) for every bad row."""

    def __init__(self, errors: List[Tuple[int, str]]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the file")
        self.errors = errors


@dataclass(frozen=True)
class BudgetRow:
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    postcode: str
    phone: str | None
    amount: Decimal
    period: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _parse_row(row: Dict[str, str]) -> BudgetRow:
    """One row, checked; raises ValueError naming every problem in it."""
    value = {k: (row.get(k) or "").strip() for k in COLUMNS}
    problems: List[str] = []
    for name in ("reference", "given_name", "family_name"):
        if not value[name]:
            problems.append(f"{name} is empty")
    if value["reference"] and not normalise_reference(value["reference"]):
        problems.append("reference has no letters or digits")
    born = None
    try:
        born = date.fromisoformat(value["date_of_birth"])
        if born >= date.today():
            problems.append("date_of_birth is not in the past")
    except ValueError:
        problems.append(f"date_of_birth {value['date_of_birth']!r} is not a date like 1956-04-03")
    if not _POSTCODE.match(value["postcode"]):
        problems.append(f"postcode {value['postcode']!r} is not a UK postcode")
    if value["phone"] and not _E164.match(value["phone"]):
        problems.append(f"phone {value['phone']!r} is not in the form +447700900123")
    amount = None
    try:
        amount = parse_pounds(value["budget_amount"])
        if amount <= 0:
            problems.append("budget_amount must be more than 0")
    except ValueError:
        problems.append(f"budget_amount {value['budget_amount']!r} is not an amount in pounds")
    period = value["budget_period"].lower()
    if period not in PERIODS:
        problems.append(f"budget_period {value['budget_period']!r} is not one of: {', '.join(PERIODS)}")
    if problems:
        raise ValueError("; ".join(problems))
    return BudgetRow(
        value["reference"], value["given_name"], value["family_name"], born, value["postcode"].upper(),  # type: ignore[arg-type]
        value["phone"] or None, amount, period,  # type: ignore[arg-type]
    )


def read_budget_file(path: Path) -> List[BudgetRow]:
    """Every row of the file, or BudgetImportError listing every bad one."""
    errors: List[Tuple[int, str]] = []
    rows: List[BudgetRow] = []
    seen: Dict[str, int] = {}
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise BudgetImportError([(1, f"the header is missing: {', '.join(missing)}")])
            for row in reader:
                line = reader.line_num
                try:
                    parsed = _parse_row(row)
                except ValueError as problem:
                    errors.append((line, str(problem)))
                    continue
                key = normalise_reference(parsed.reference)
                if key in seen:
                    errors.append((line, f"reference {parsed.reference} is already on line {seen[key]}"))
                    continue
                seen[key] = line
                rows.append(parsed)
    except UnicodeDecodeError:
        raise BudgetImportError([(1, "the file is not UTF-8 text")])
    if errors:
        raise BudgetImportError(errors)
    return rows


def import_budgets(path: Path, actor: str = "cli") -> ImportResult:
    rows = read_budget_file(Path(path))
    created = updated = 0
    with session_scope() as session:
        for row in rows:
            key = normalise_reference(row.reference)
            person = session.execute(select(Person).where(Person.reference_key == key)).scalar_one_or_none()
            if person is None:
                person = Person(reference=row.reference, reference_key=key)
                session.add(person)
                created += 1
            else:
                updated += 1
            person.given_name, person.family_name = row.given_name, row.family_name
            person.date_of_birth, person.postcode, person.phone = row.date_of_birth, row.postcode, row.phone
            if person.budget is None:
                person.budget = Budget(amount_pence=to_pence(row.amount), period=row.period)
            else:
                person.budget.amount_pence, person.budget.period = to_pence(row.amount), row.period
        session.add(AuditLog(actor=actor, action="import-budgets", detail=f"created={created} updated={updated}"))
    return ImportResult(created, updated)
