"""Budget sources: this database (read in a thread) and a council finance API over HTTP, tested
against a real aiohttp server started in the test."""

from __future__ import annotations

import asyncio
import threading
from decimal import Decimal
from typing import AsyncIterator, List

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.budgets import source
from bot.budgets.source import (
    BudgetFigures,
    BudgetSourceError,
    DatabaseBudgetSource,
    HttpBudgetSource,
    budget_source_from_settings,
)
from bot.config import Settings

D = Decimal
ASKED = web.AppKey("asked", List[str])


async def finance_api(request: web.Request) -> web.Response:
    request.app[ASKED].append(request.match_info["reference"])
    answers = {
        "PB-1": web.json_response({"amount": "1,300.00", "period": "month"}),
        "PB-2": web.json_response({"amount": 250, "period": " Week "}),
        "PB-3": web.json_response(
            {
                "amount": "1000",
                "period": "4 weeks",
                "contribution_amount": "160.00",
                "eligible_needs": ["nutrition", "Community"],
                "assessed_on": "2026-09-01",
            }
        ),
        "PB-4": web.json_response({"amount": "250", "period": "week", "eligible_needs": "toileting; dressing"}),
        "BAD-NEEDS": web.json_response({"amount": "250", "period": "week", "eligible_needs": ["bathing"]}),
        "BIG-SHARE": web.json_response({"amount": "250", "period": "week", "contribution_amount": "251"}),
        "BAD-DATE": web.json_response({"amount": "250", "period": "week", "assessed_on": "last Tuesday"}),
        "BROKEN": web.json_response({"amount": "lots", "period": "week"}),
        "NO-PERIOD": web.json_response({"amount": "250.00"}),
        "BAD-PERIOD": web.json_response({"amount": "250.00", "period": "fortnight"}),
        "ZERO": web.json_response({"amount": "0", "period": "week"}),
        "LIST": web.json_response([1, 2]),
        "HTML": web.Response(text="<html>oops</html>", content_type="text/html"),
        "DOWN": web.Response(status=503),
        "FORBIDDEN": web.Response(status=403),
    }
    if request.match_info["reference"] == "SLOW":
        await asyncio.sleep(2)
    return answers.get(request.match_info["reference"], web.Response(status=404))


@pytest.fixture
async def api_server() -> AsyncIterator[TestServer]:
    """The finance API on a free local port; app[ASKED] lists the references it was asked for."""
    app = web.Application()
    app[ASKED] = []
    app.router.add_get("/budgets/{reference}", finance_api)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield server
    await server.close()


@pytest.fixture
def api_url(api_server: TestServer) -> str:
    return str(api_server.make_url("/"))


def test_budget_figures() -> None:
    assert BudgetFigures.of(D("1300"), "month") == BudgetFigures(D("1300"), "month", D("300.00"), D("15600.00"))
    with pytest.raises(ValueError):
        BudgetFigures.of(D("1"), "fortnight")


async def test_http_source_reads_a_budget(api_url: str) -> None:
    budget = await HttpBudgetSource(api_url).budget_for("PB-1")
    assert budget == BudgetFigures(D("1300.00"), "month", D("300.00"), D("15600.00"))
    assert await HttpBudgetSource(api_url).budget_for("PB-2") == BudgetFigures.of(D("250.00"), "week")


async def test_http_source_reads_the_assessment(api_url: str) -> None:
    budget = await HttpBudgetSource(api_url).budget_for("PB-3")
    assert budget is not None and (budget.weekly, budget.contribution_weekly, budget.council_weekly) == (
        D("250.00"),
        D("40.00"),
        D("210.00"),
    )
    assert (budget.eligible_needs, str(budget.assessed_on)) == (("nutrition", "community"), "2026-09-01")
    other = await HttpBudgetSource(api_url).budget_for("PB-4")
    assert other is not None and other.eligible_needs == ("toileting", "dressing") and other.contribution is None


async def test_http_source_quotes_the_reference(api_server: TestServer) -> None:
    assert await HttpBudgetSource(str(api_server.make_url("/"))).budget_for("PB 9/../x") is None
    assert api_server.app[ASKED] == ["PB 9/../x"]


async def test_http_source_unknown_person_is_none(api_url: str) -> None:
    assert await HttpBudgetSource(api_url).budget_for("PB-404") is None


@pytest.mark.parametrize(
    "reference",
    [
        "BAD-NEEDS",
        "BIG-SHARE",
        "BAD-DATE",
        "BROKEN",
        "NO-PERIOD",
        "BAD-PERIOD",
        "ZERO",
        "LIST",
        "HTML",
        "DOWN",
        "FORBIDDEN",
    ],
)
async def test_http_source_failures_raise(api_url: str, reference: str) -> None:
    with pytest.raises(BudgetSourceError):
        await HttpBudgetSource(api_url).budget_for(reference)


async def test_http_source_times_out(api_url: str) -> None:
    assert source.HTTP_TIMEOUT_SECONDS == 10
    with pytest.raises(BudgetSourceError):
        await HttpBudgetSource(api_url, timeout_seconds=0.2).budget_for("SLOW")


async def test_http_source_nobody_listening() -> None:
    with pytest.raises(BudgetSourceError):
        await HttpBudgetSource("http://127.0.0.1:9").budget_for("PB-1")


async def test_database_source(demo_person: str) -> None:
    budget = await DatabaseBudgetSource().budget_for("pb100234")
    assert budget == BudgetFigures(D("250.00"), "week", D("250.00"), D("13000.00"))
    assert await DatabaseBudgetSource().budget_for("PB-100235") == BudgetFigures.of(D("1300.00"), "month")
    assert await DatabaseBudgetSource().budget_for("PB-000000") is None


async def test_database_source_reads_off_the_event_loop(demo_person: str, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: List[threading.Thread] = []
    read = source._budget_from_database

    def spy(reference: str):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return read(reference)

    monkeypatch.setattr(source, "_budget_from_database", spy)
    assert (await DatabaseBudgetSource().budget_for("PB-100234")).weekly == D("250.00")
    assert threads and threads[0] is not threading.main_thread()


@pytest.mark.parametrize(
    "setting, kind",
    [
        ("database", DatabaseBudgetSource),
        ("http://finance.local/api", HttpBudgetSource),
        ("https://x.example", HttpBudgetSource),
    ],
)
def test_budget_source_from_settings(setting: str, kind: type) -> None:
    chosen = budget_source_from_settings(Settings.from_env({"BUDGET_SOURCE": setting}))
    assert isinstance(chosen, kind)


def test_an_unknown_budget_source_is_refused() -> None:
    with pytest.raises(ValueError):
        budget_source_from_settings(Settings.from_env({"BUDGET_SOURCE": "ftp://nope"}))
