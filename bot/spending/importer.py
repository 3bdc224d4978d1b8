"""`supportplan import-spend FILE.csv` (DESIGN §2): `reference,date,amount,category,description`,
all or nothing like `import-budgets` (bot/csv_files.py). `amount` is in pounds (below 0 for a
refund); `category` is a kind of support (catalogue CATEGORIES, or the words for one, such as
"personal assistant"); `description` may be empty. The same file loaded twice changes nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Dict, List, Optional

from sqlalchemy import select

from bot.csv_files import CsvImportError, read_rows
from bot.db.models import AuditLog, Person, Spend, SpendImport
from bot.db.session import session_scope
from bot.identity import normalise_reference
from bot.money import parse_pounds, to_pence
from bot.plans.catalogue import CATEGORIES

COLUMNS = ("reference", "date", "amount", "category", "description")
MAX_DESCRIPTION = 200
#: a payment above this is refused as a likely mistake in the file (pounds)
MAX_AMOUNT = Decimal("100000")


@dataclass(frozen=True)
class SpendRow:
    reference: str
    spent_on: date
    amount: Decimal
    category: str
    description: Optional[str]


@dataclass(frozen=True)
class SpendResult:
    loaded: int
    #: True when this very file was loaded before (nothing changed)
    already_loaded: bool = False


def _spent_on(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("date is not a date like 2026-11-30") from None
    if day > date.today():
        raise ValueError("date is in the future")
    return day


def _amount(text: str) -> Decimal:
    negative = text.startswith("-")
    try:
        amount = parse_pounds(text[1:] if negative else text)
    except ValueError:
        raise ValueError("amount is not an amount in pounds like 45.50 (or -45.50 for a refund)") from None
    if amount == 0 or amount > MAX_AMOUNT:
        raise ValueError(f"amount must be more than 0 and at most £{MAX_AMOUNT:,}")
    return -amount if negative else amount


#: a category as the file may name it: its code or any of its words, in any case, "_" or " "
_CATEGORY_NAMES = {
    " ".join(name.replace("_", " ").split()): term.code for term in CATEGORIES for name in (term.code, *term.words)
}


def _category(text: str) -> str:
    code = _CATEGORY_NAMES.get(" ".join(text.lower().replace("_", " ").split()))
    if code is None:
        raise ValueError(f"category is not a kind of support (use one of: {', '.join(CATEGORIES.codes)})")
    return code


def _parse_row(value: Dict[str, str]) -> SpendRow:
    problems: List[str] = []
    if not normalise_reference(value["reference"]):
        problems.append("reference is empty")
    spent_on: Optional[date] = None
    amount: Optional[Decimal] = None
    category: Optional[str] = None
    try:
        spent_on = _spent_on(value["date"])
    except ValueError as problem:
        problems.append(str(problem))
    try:
        amount = _amount(value["amount"])
    except ValueError as problem:
        problems.append(str(problem))
    try:
        category = _category(value["category"])
    except ValueError as problem:
        problems.append(str(problem))
    if len(value["description"]) > MAX_DESCRIPTION:
        problems.append(f"description is longer than {MAX_DESCRIPTION} characters")
    if problems or spent_on is None or amount is None or category is None:
        raise ValueError("; ".join(problems))
    return SpendRow(value["reference"], spent_on, amount, category, value["description"] or None)


def import_spend(path: Path, actor: str = "cli") -> SpendResult:
    """Check the whole file (every reference must be a person on record), then load it in one transaction."""
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    rows, errors = read_rows(Path(path), COLUMNS, (), _parse_row)
    with session_scope() as session:
        if session.execute(select(SpendImport.id).where(SpendImport.sha256 == digest)).first():
            return SpendResult(0, already_loaded=True)
        keys = {normalise_reference(row.reference) for _, row in rows}
        people = {
            person.reference_key: person.id
            for person in session.execute(select(Person).where(Person.reference_key.in_(keys))).scalars()
        }
        errors += [
            (line, "reference is not a person on record")
            for line, row in rows
            if normalise_reference(row.reference) not in people
        ]
        if errors:
            raise CsvImportError(sorted(errors))
        loaded = SpendImport(sha256=digest, rows=len(rows))
        session.add(loaded)
        session.flush()
        session.add_all(
            Spend(
                person_id=people[normalise_reference(row.reference)],
                import_id=loaded.id,
                spent_on=row.spent_on,
                amount_pence=to_pence(row.amount),
                category=row.category,
                description=row.description,
            )
            for _, row in rows
        )
        session.add(AuditLog(actor=actor, action="import-spend", subject="", detail=f"rows={len(rows)}"))
    return SpendResult(len(rows))
