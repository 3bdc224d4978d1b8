"""`supportplan import-budgets FILE.csv` (DESIGN §4): all or nothing, upsert by reference
(the file is read by bot/csv_files.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from sqlalchemy import select

from bot.csv_files import CsvImportError, read_rows
from bot.db.models import AuditLog, Budget, Person
from bot.db.session import session_scope
from bot.identity import normalise_reference
from bot.money import PERIODS, parse_pounds, to_pence
from bot.plans.catalogue import NEEDS

COLUMNS = (
    "reference",
    "given_name",
    "family_name",
    "date_of_birth",
    "postcode",
    "phone",
    "budget_amount",
    "budget_period",
)
#: optional columns (DESIGN §4): a file without them stays valid, and leaves what is on record as it is
ASSESSMENT_COLUMNS = ("contribution_amount", "eligible_needs", "assessed_on")
_E164 = re.compile(r"^\+[1-9]\d{7,14}$", re.ASCII)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.ASCII)


#: kept under its old name for callers of this module
BudgetImportError = CsvImportError


@dataclass(frozen=True)
class BudgetRow:
    reference: str
    given_name: str
    family_name: str
    date_of_birth: date
    postcode: str
    phone: Optional[str]
    amount: Decimal
    period: str
    #: None where the file has no such column
    contribution: Optional[Decimal] = None
    eligible_needs: Optional[Tuple[str, ...]] = None
    assessed_on: Optional[date] = None
    #: which of ASSESSMENT_COLUMNS the file has
    assessment_columns: Tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _past_date(text: str, name: str, example: str) -> date:
    if not _ISO_DATE.match(text):
        raise ValueError(f"{name} is not a date like {example}")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} is not a real date") from None
    return day


def _date_of_birth(text: str) -> date:
    born = _past_date(text, "date_of_birth", "1956-04-03")
    if born >= date.today():
        raise ValueError("date_of_birth is not in the past")
    return born


def _assessed_on(text: str) -> Optional[date]:
    if not text:
        return None
    day = _past_date(text, "assessed_on", "2026-03-31")
    if day > date.today():
        raise ValueError("assessed_on is in the future")
    return day


def _contribution(text: str) -> Optional[Decimal]:
    if not text:
        return None
    try:
        amount = parse_pounds(text)
    except ValueError:
        raise ValueError("contribution_amount is not an amount in pounds like 40.00") from None
    if amount < 0:
        raise ValueError("contribution_amount must not be below 0")
    return amount


def _eligible_needs(text: str) -> Tuple[str, ...]:
    codes = tuple(dict.fromkeys(code.strip().lower() for code in text.split(";") if code.strip()))
    unknown = [code for code in codes if code not in NEEDS]
    if unknown:
        raise ValueError(f"eligible_needs has codes that are not needs (use: {'; '.join(NEEDS.codes)})")
    return codes


def _amount(text: str) -> Decimal:
    try:
        amount = parse_pounds(text)
    except ValueError:
        raise ValueError("budget_amount is not an amount in pounds like 250.00") from None
    if amount <= 0:
        raise ValueError("budget_amount must be more than 0")
    return amount


def _period(text: str) -> str:
    period = " ".join(text.lower().split())
    if period not in PERIODS:
        raise ValueError(f"budget_period must be one of: {', '.join(PERIODS)}")
    return period


def _postcode(text: str) -> str:
    postcode = " ".join(text.upper().split())
    if not _POSTCODE.match(postcode):
        raise ValueError("postcode is not a UK postcode like LS6 2AB")
    return postcode


def _phone(text: str) -> Optional[str]:
    if text and not _E164.match(text):
        raise ValueError("phone is not in the form +447700900123")
    return text or None


def _text_problems(value: Dict[str, str]) -> List[str]:
    problems = []
    for name in ("reference", "given_name", "family_name"):
        limit = Person.__table__.c[name].type.length
        if not value[name]:
            problems.append(f"{name} is empty")
        elif len(value[name]) > limit:
            problems.append(f"{name} is longer than {limit} characters")
    if value["reference"] and not normalise_reference(value["reference"]):
        problems.append("reference has no letters or digits")
    return problems


def _parse_row(value: Dict[str, str]) -> BudgetRow:
    """One row, checked; raises ValueError naming every problem in it."""
    problems = _text_problems(value)
    checked: Dict[str, Any] = {}
    checks: Tuple[Tuple[str, Callable[[str], Any]], ...] = (
        ("date_of_birth", _date_of_birth),
        ("postcode", _postcode),
        ("phone", _phone),
        ("budget_amount", _amount),
        ("budget_period", _period),
        ("contribution_amount", _contribution),
        ("eligible_needs", _eligible_needs),
        ("assessed_on", _assessed_on),
    )
    for name, check in checks:
        if name not in value:
            continue
        try:
            checked[name] = check(value[name])
        except ValueError as problem:
            problems.append(str(problem))
    amount, contribution = checked.get("budget_amount"), checked.get("contribution_amount")
    if amount is not None and contribution is not None and contribution > amount:
        problems.append("contribution_amount is more than budget_amount")
    if problems:
        raise ValueError("; ".join(problems))
    return BudgetRow(
        reference=value["reference"],
        given_name=value["given_name"],
        family_name=value["family_name"],
        date_of_birth=checked["date_of_birth"],
        postcode=checked["postcode"],
        phone=checked["phone"],
        amount=checked["budget_amount"],
        period=checked["budget_period"],
        contribution=checked.get("contribution_amount"),
        eligible_needs=checked.get("eligible_needs"),
        assessed_on=checked.get("assessed_on"),
        assessment_columns=tuple(name for name in ASSESSMENT_COLUMNS if name in value),
    )


def read_budget_file(path: Path) -> List[BudgetRow]:
    """Every row of the file, checked; CsvImportError lists every bad one (a reference twice, too)."""
    parsed, errors = read_rows(Path(path), COLUMNS, ASSESSMENT_COLUMNS, _parse_row)
    rows: List[BudgetRow] = []
    seen: Dict[str, int] = {}
    for line, row in parsed:
        key = normalise_reference(row.reference)
        if key in seen:
            errors.append((line, f"the same reference is already on line {seen[key]}"))
            continue
        seen[key] = line
        rows.append(row)
    if errors:
        raise CsvImportError(sorted(errors))
    return rows


def _record_assessment(budget: Budget, row: BudgetRow) -> None:
    """The optional columns the file has; a column the file lacks leaves its value as it was."""
    if "contribution_amount" in row.assessment_columns:
        budget.contribution_pence = None if row.contribution is None else to_pence(row.contribution)
    if "eligible_needs" in row.assessment_columns:
        budget.eligible_needs = list(row.eligible_needs or ())
    if "assessed_on" in row.assessment_columns:
        budget.assessed_on = row.assessed_on


def import_budgets(path: Path, actor: str = "cli") -> ImportResult:
    """Check the whole file, then create or update every person and their budget in one transaction."""
    rows = read_budget_file(Path(path))
    created = updated = 0
    with session_scope() as session:
        for row in rows:
            key = normalise_reference(row.reference)
            person = session.execute(select(Person).where(Person.reference_key == key)).scalar_one_or_none()
            if person is None:
                person = Person(reference_key=key)
                session.add(person)
                created += 1
            else:
                updated += 1
            person.reference, person.given_name, person.family_name = row.reference, row.given_name, row.family_name
            person.date_of_birth, person.postcode, person.phone = row.date_of_birth, row.postcode, row.phone
            if person.budget is None:
                person.budget = Budget(eligible_needs=[])
            person.budget.amount_pence, person.budget.period = to_pence(row.amount), row.period
            _record_assessment(person.budget, row)
        session.add(
            AuditLog(actor=actor, action="import-budgets", subject="", detail=f"created={created} updated={updated}")
        )
    return ImportResult(created, updated)
