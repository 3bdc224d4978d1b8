"""Where a person's budget comes from: this database (loaded by `import-budgets`) or a council
finance API over HTTP (`BUDGET_SOURCE=https://…`: GET {base}/budgets/{reference})."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Protocol
from urllib.parse import quote

import aiohttp

from bot.config import Settings
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import PERIODS, annual_amount, from_pence, parse_pounds, weekly_amount

HTTP_TIMEOUT_SECONDS = 10


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
        return cls(amount, period, weekly_amount(amount, period), annual_amount(amount, period))


class BudgetSource(Protocol):
    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        ...


def _budget_from_database(reference: str) -> Optional[BudgetFigures]:
    with session_scope() as session:
        person = find_person(session, reference)
        if person is None or person.budget is None:
            return None
        return BudgetFigures.of(from_pence(person.budget.amount_pence), person.budget.period)


class DatabaseBudgetSource:
    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        return await asyncio.to_thread(_budget_from_database, reference)


class HttpBudgetSource:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        url = f"{self.base_url}/budgets/{quote(reference, safe='')}"
        timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_SECONDS)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.get(url) as response:
                    if response.status == 404:
                        return None
                    response.raise_for_status()
                    body = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise BudgetSourceError(f"budget source failed: {type(error).__name__}") from error
        try:
            period = str(body["period"]).strip().lower()
            if period not in PERIODS:
                raise ValueError(period)
            return BudgetFigures.of(parse_pounds(str(body["amount"])), period)
        except (KeyError, TypeError, ValueError) as error:
            raise BudgetSourceError("budget source sent an answer that could not be read") from error


def budget_source_from_settings(settings: Settings) -> BudgetSource:
    if settings.budget_source.startswith(("http://", "https://")):
        return HttpBudgetSource(settings.budget_source)
    return DatabaseBudgetSource()
