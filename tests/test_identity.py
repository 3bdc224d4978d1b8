"""Identity: reference (however it is typed) and date of birth, both needed."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest

from bot.answers.trackers import domain
from bot.config import PROJECT_ROOT
from bot.identity import VerifiedPerson, normalise_reference, verify_identity

SAM_BORN = date(1956, 4, 3)


@pytest.mark.parametrize(
    "typed, key",
    [
        ("PB-100234", "PB100234"),
        ("pb 100 234", "PB100234"),
        (" Pb_100234. ", "PB100234"),
        ("", ""),
        ("--", ""),
    ],
)
def test_normalise_reference(typed: str, key: str) -> None:
    assert normalise_reference(typed) == key


@pytest.mark.parametrize("typed", ["PB-100234", "pb100234", "pb 100234", "PB/100-234"])
def test_the_right_reference_and_date_of_birth_verify(demo_person: str, typed: str) -> None:
    assert verify_identity(typed, SAM_BORN) == VerifiedPerson("PB-100234", "Sam", "Taylor")


@pytest.mark.parametrize(
    "reference, born",
    [
        ("PB-100234", date(1956, 4, 4)),  # wrong date of birth
        ("PB-100234", date(1956, 3, 4)),  # day and month swapped
        ("PB-100235", SAM_BORN),  # someone else's reference
        ("PB-999999", SAM_BORN),  # nobody's reference
        ("", SAM_BORN),
        ("--", SAM_BORN),
    ],
)
def test_anything_else_gives_the_same_answer(demo_person: str, reference: str, born: date) -> None:
    assert verify_identity(reference, born) is None


def test_a_verified_person_cannot_be_changed(demo_person: str) -> None:
    person = verify_identity("PB-100234", SAM_BORN)
    with pytest.raises(AttributeError):
        person.reference = "PB-100235"  # type: ignore[misc]


def test_no_example_the_bot_gives_is_a_demo_persons_login() -> None:
    """The examples in the questions ('It looks like PB-123456', 'For example, 21/7/1950') are made
    up: copied, they must not open anyone's budget (they once were the first demo person's)."""
    said = " ".join(variant.get("text") or "" for variants in domain()["responses"].values() for variant in variants)
    with (PROJECT_ROOT / "bot" / "demo" / "demo_people.csv").open(newline="", encoding="utf-8") as f:
        people = list(csv.DictReader(f))
    for person in people:
        born = datetime.strptime(person["date_of_birth"], "%Y-%m-%d").date()
        assert person["reference"] not in said
        assert f"{born.day}/{born.month}/{born.year}" not in said
