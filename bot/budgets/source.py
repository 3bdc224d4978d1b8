"""Where a person's budget comes from: this database (loaded by `import-budgets`) or a council
finance API over HTTP (`BUDGET_SOURCE=https://…`: GET {base}/budgets/{reference} answering
{"amount": "250.00", "period": "week"}, or 404 when the council has no budget for them)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional, Protocol
from urllib.parse import quote

import aiohttp

from bot.config import Settings
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import annual_amount, from_pence, parse_pounds, weekly_amount

HTTP_TIMEOUT_SECONDS = 10.0


class BudgetSourceError(Exception):
    """The budget source could not answer (not: the person has no budget)."""


@dataclass(frozen=True)
class BudgetFigures:
    amount: Decimal
    period: str
    weekly: Decimal
    annual: Decimal

    @classmethod
    def of(cls, amount: Decimal, period: str) -> "BudgetFigures":
        """The figures for `amount` per `period` (ValueError for an unknown period)."""
        return cls(amount, period, weekly_amount(amount, period), annual_amount(amount, period))


class BudgetSource(Protocol):
    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        """The person's current budget, None if there is none; BudgetSourceError if the source failed."""
        ...


def _budget_from_database(reference: str) -> Optional[BudgetFigures]:
    with session_scope() as session:
        person = find_person(session, reference)
        if person is None or person.budget is None:
            return None
        return BudgetFigures.of(from_pence(person.budget.amount_pence), person.budget.period)


class DatabaseBudgetSource:
    """Budgets imported into this database; the query runs in a worker thread."""

    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        return await asyncio.to_thread(_budget_from_database, reference)


def _figures_from_json(body: Any) -> BudgetFigures:
    try:
        amount = parse_pounds(str(body["amount"]))
        if amount <= 0:
            raise ValueError("amount must be more than 0")
        return BudgetFigures.of(amount, " ".join(str(body["period"]).lower().split()))
    except (KeyError, TypeError, ValueError) as error:
        raise BudgetSourceError("the budget source sent an answer that could not be read") from error


class HttpBudgetSource:
    """A council finance API, read with aiohttp."""

    def __init__(self, base_url: str, timeout_seconds: float = HTTP_TIMEOUT_SECONDS) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        url = f"{self.base_url}/budgets/{quote(reference, safe='')}"
        try:
            async with aiohttp.ClientSession(timeout=self.timeout) as session:
                async with session.get(url, headers={"Accept": "application/json"}) as response:
                    if response.status == 404:
                        return None
                    response.raise_for_status()
                    body = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise BudgetSourceError(f"the budget source failed ({type(error).__name__})") from error
        return _figures_from_json(body)


def budget_source_from_settings(settings: Settings) -> BudgetSource:
    """BUDGET_SOURCE: 'database', or the http(s) base URL of a finance API."""
    if settings.budget_source == "database":
        return DatabaseBudgetSource()
    if settings.budget_source.startswith(("http://", "https://")):
        return HttpBudgetSource(settings.budget_source)
    raise ValueError("BUDGET_SOURCE must be 'database' or an http(s) URL")
