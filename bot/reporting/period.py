"""The dates a report covers: ISO dates, both ends included, read as whole days in UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Optional


@dataclass(frozen=True)
class Period:
    """From the start of `first` to the end of `last`; either end may be open (None)."""

    first: Optional[date] = None
    last: Optional[date] = None

    def __post_init__(self) -> None:
        if self.first and self.last and self.first > self.last:
            raise ValueError("the start date is after the end date")

    @property
    def start(self) -> Optional[datetime]:
        """The first moment included, or None."""
        return datetime.combine(self.first, time.min, tzinfo=timezone.utc) if self.first else None

    @property
    def end(self) -> Optional[datetime]:
        """The first moment after the period (midnight after `last`), or None."""
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=timezone.utc) if self.last else None

    def overlaps(self, other: "Period") -> bool:
        """Whether the two periods share a day (an open end reaches as far as there is)."""
        return (self.first is None or other.last is None or self.first <= other.last) and (
            other.first is None or self.last is None or other.first <= self.last
        )

    @property
    def key(self) -> str:
        """'2026-03-01..2026-03-31', an open end left empty ('..2026-03-31')."""
        return f"{self.first or ''}..{self.last or ''}"

    @classmethod
    def from_key(cls, key: str) -> "Period":
        first, last = key.split("..")
        return cls(parse_date(first) if first else None, parse_date(last) if last else None)

    def describe(self) -> str:
        """In words, for messages: '2026-03-01 to 2026-03-31', 'all dates'…"""
        if self.first and self.last:
            return f"{self.first} to {self.last}"
        if self.first or self.last:
            return f"{self.first} onwards" if self.first else f"every date up to {self.last}"
        return "all dates"

    def as_dict(self) -> dict:
        return {
            "from": self.first.isoformat() if self.first else None,
            "to": self.last.isoformat() if self.last else None,
        }


def parse_date(text: str) -> date:
    """'2026-04-01' → date; ValueError for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2026-04-01") from None
