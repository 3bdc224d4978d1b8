"""Where a person's budget comes from: this database (loaded by `import-budgets`) or a council
finance API over HTTP (`BUDGET_SOURCE=https://…`: GET {base}/budgets/{reference} answering
{"amount": "250.00", "period": "week"}, or 404 when the council has no budget for them). The API
may add the assessment as the CSV's optional columns do: "contribution_amount" (per period),
"eligible_needs" (a list of codes, or one string with ';' between them) and "assessed_on"."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, Optional, Protocol, Tuple
from urllib.parse import quote

import aiohttp

from bot.config import Settings
from bot.db.session import session_scope
from bot.identity import find_person
from bot.money import annual_amount, from_pence, parse_pounds, weekly_amount
from bot.plans.catalogue import NEEDS

HTTP_TIMEOUT_SECONDS = 10.0


class BudgetSourceError(Exception):
    """The budget source could not answer (not: the person has no budget)."""


@dataclass(frozen=True)
class BudgetFigures:
    """The personal budget, and what the assessment said when the council sent it: the person's
    assessed contribution (per `period`), the eligibility-outcome codes of the needs, the date."""

    amount: Decimal
    period: str
    weekly: Decimal
    annual: Decimal
    contribution: Optional[Decimal] = None
    contribution_weekly: Optional[Decimal] = None
    eligible_needs: Tuple[str, ...] = ()
    assessed_on: Optional[date] = None

    @property
    def council_weekly(self) -> Optional[Decimal]:
        """The council's share a week, when a contribution is known (the two add up to `weekly`)."""
        return None if self.contribution_weekly is None else self.weekly - self.contribution_weekly

    @classmethod
    def of(
        cls,
        amount: Decimal,
        period: str,
        contribution: Optional[Decimal] = None,
        eligible_needs: Iterable[str] = (),
        assessed_on: Optional[date] = None,
    ) -> "BudgetFigures":
        """The figures for `amount` per `period` (ValueError for an unknown period, or for a
        contribution below 0 or above the budget, or an unknown need code)."""
        needs = tuple(dict.fromkeys(eligible_needs))
        unknown = [code for code in needs if code not in NEEDS]
        if unknown:
            raise ValueError(f"eligible needs must be among: {', '.join(NEEDS.codes)}")
        if contribution is not None and not Decimal(0) <= contribution <= amount:
            raise ValueError("the contribution must be between 0 and the budget")
        return cls(
            amount,
            period,
            weekly_amount(amount, period),
            annual_amount(amount, period),
            contribution,
            None if contribution is None else weekly_amount(contribution, period),
            needs,
            assessed_on,
        )


class BudgetSource(Protocol):
    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        """The person's current budget, None if there is none; BudgetSourceError if the source failed."""
        ...


def _budget_from_database(reference: str) -> Optional[BudgetFigures]:
    with session_scope() as session:
        person = find_person(session, reference)
        if person is None or person.budget is None:
            return None
        budget = person.budget
        return BudgetFigures.of(
            from_pence(budget.amount_pence),
            budget.period,
            None if budget.contribution_pence is None else from_pence(budget.contribution_pence),
            budget.eligible_needs or (),
            budget.assessed_on,
        )


class DatabaseBudgetSource:
    """Budgets imported into this database; the query runs in a worker thread."""

    async def budget_for(self, reference: str) -> Optional[BudgetFigures]:
        return await asyncio.to_thread(_budget_from_database, reference)


def _needs_from_json(value: Any) -> Tuple[str, ...]:
    if value is None:
        return ()
    codes = value.split(";") if isinstance(value, str) else list(value)
    return tuple(code.strip().lower() for code in codes if str(code).strip())


def _figures_from_json(body: Any) -> BudgetFigures:
    try:
        amount = parse_pounds(str(body["amount"]))
        if amount <= 0:
            raise ValueError("amount must be more than 0")
        contribution = body.get("contribution_amount")
        assessed_on = body.get("assessed_on")
        return BudgetFigures.of(
            amount,
            " ".join(str(body["period"]).lower().split()),
            None if contribution in (None, "") else parse_pounds(str(contribution)),
            _needs_from_json(body.get("eligible_needs")),
            date.fromisoformat(assessed_on) if assessed_on else None,
        )
    except (AttributeError, KeyError, TypeError, ValueError) as error:
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
