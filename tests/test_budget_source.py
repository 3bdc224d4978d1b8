"""The HTTP budget source against a real aiohttp server standing in for a council finance API."""
from __future__ import annotations

from decimal import Decimal

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.budgets.source import BudgetSourceError, DatabaseBudgetSource, HttpBudgetSource


async def finance_api(request: web.Request) -> web.Response:
    reference = request.match_info["reference"]
    if reference == "PB-1":
        return web.json_response({"amount": "1,300.00", "period": "month"})
    if reference == "BROKEN":
        return web.json_response({"amount": "lots"})
    if reference == "DOWN":
        return web.Response(status=503)
    return web.Response(status=404)


@pytest.fixture
async def api_url():
    app = web.Application()
    app.router.add_get("/budgets/{reference}", finance_api)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


async def test_http_source_reads_a_budget(api_url: str) -> None:
    budget = await HttpBudgetSource(api_url).budget_for("PB-1")
    assert (budget.amount, budget.period, budget.weekly, budget.annual) == (Decimal("1300.00"), "month", Decimal("300.00"), Decimal("15600.00"))


async def test_http_source_unknown_person_is_none(api_url: str) -> None:
    assert await HttpBudgetSource(api_url).budget_for("PB-404") is None


@pytest.mark.parametrize("reference", ["BROKEN", "DOWN"])
async def test_http_source_failures_raise(api_url: str, reference: str) -> None:
    with pytest.raises(BudgetSourceError):
        await HttpBudgetSource(api_url).budget_for(reference)


async def test_database_source(demo_person: str) -> None:
    budget = await DatabaseBudgetSource().budget_for("pb100234")
    assert budget.weekly == Decimal("250.00") and budget.annual == Decimal("13000.00")
    assert await DatabaseBudgetSource().budget_for("PB-000000") is None
