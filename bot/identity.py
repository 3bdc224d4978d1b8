"""Checking a person's identity against the council's records: reference and date of birth."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Person
from bot.db.session import session_scope


@dataclass(frozen=True)
class VerifiedPerson:
    reference: str
    given_name: str
    family_name: str


def normalise_reference(text: str) -> str:
    """'pb-100 234' → 'PB100234': what people type, matched however they punctuate it."""
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def find_person(session: Session, reference: str) -> Optional[Person]:
    """The person whose reference matches however it was typed, within `session`."""
    key = normalise_reference(reference)
    if not key:
        return None
    return session.execute(select(Person).where(Person.reference_key == key)).scalar_one_or_none()


def verify_identity(reference: str, date_of_birth: date) -> Optional[VerifiedPerson]:
    """The person if both match; None otherwise, the same whether or not the reference exists."""
    with session_scope() as session:
        person = find_person(session, reference)
        if person is None or person.date_of_birth != date_of_birth:
            return None
        return VerifiedPerson(person.reference, person.given_name, person.family_name)
