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
