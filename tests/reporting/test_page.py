"""The Reporting page in the adviser console through the real aiohttp app: managers only, the
known figures in its tables, a chart image for each table, bad dates, and the downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Dict

from aiohttp.test_utils import TestClient

from bot.reporting.charts import CHARTS
from tests.support.advisers import MANAGER_PASSWORD, advisers, sign_in  # noqa: F401  (fixtures)
from tests.support.html_tables import table_rows
from tests.support.known_data import PERSONAL
from tests.support.web_app import client, rasa  # noqa: F401  (fixtures)

MARCH = "?from=2026-03-01&to=2026-03-31"


async def test_only_managers_see_reporting(client: TestClient, advisers: Dict[str, int]) -> None:
    assert (await client.get("/adviser/reporting", allow_redirects=False)).status == 303
    await sign_in(client)
    for path in ("/adviser/reporting", "/adviser/reporting/charts/status.svg", "/adviser/reporting/report.csv"):
        response = await client.get(path)
        assert response.status == 403 and "for managers" in await response.text(), path
    assert "/adviser/reporting" not in await (await client.get("/adviser/")).text()


async def test_the_page_shows_the_known_figures(client: TestClient, advisers: Dict[str, int], known_data: str) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    response = await client.get("/adviser/reporting" + MARCH)
    page = await response.text()
    assert response.status == 200 and 'aria-current="page">Reporting' in page
    assert table_rows(page, "plans by status") == {
        "Being made (draft)": ["6"],
        "Sent to the council": ["8"],
        "Agreed": ["5"],
    }
    management = table_rows(page, "share of planned weekly spend by how the budget is managed")
    assert management["Direct payment"] == ["6", "13", "£690.00", "69.7%"]
    assert management["Council-managed"] == ["fewer than 5", "fewer than 5", "not shown", "not shown"]
    assert table_rows(page, "how far conversations got")["10. Plan sent"] == ["12"]
    assert table_rows(page, "plans by how people made them")["With an adviser"] == ["fewer than 5"]
    assert "35.0" in page and "13.5" in page
    checks = table_rows(page, "share of sent plans with each direct-payment check raised")
    assert checks["PA paid below the living wage"] == ["6", "46.2%"]
    assert checks["Paying a partner or relative who lives with the person"] == ["fewer than 5", "not shown"]
    for chart in CHARTS:
        assert f'src="/adviser/reporting/charts/{chart.name}.svg{MARCH.replace("&", "&amp;")}"' in page
    assert not [word for word in PERSONAL if word in page]


async def test_each_chart_is_an_svg_image_that_can_style_itself_only(
    client: TestClient, advisers: Dict[str, int], known_data: str
) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    for chart in CHARTS:
        response = await client.get(f"/adviser/reporting/charts/{chart.name}.svg" + MARCH)
        svg = await response.text()
        assert response.status == 200 and response.content_type == "image/svg+xml"
        assert response.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
        assert svg.lstrip().startswith("<?xml") and "<script" not in svg
    funnel = await (await client.get("/adviser/reporting/charts/funnel.svg" + MARCH)).text()
    # matplotlib draws text as shapes, and keeps each piece as a comment
    assert "<!-- 10. Plan sent -->" in funnel and "<!-- 26 -->" in funnel
    management = await (await client.get("/adviser/reporting/charts/management.svg" + MARCH)).text()
    assert "<!-- 69.7% -->" in management and "<!-- not shown -->" in management
    assert (await client.get("/adviser/reporting/charts/nothing.svg")).status == 404


async def test_wrong_dates_are_explained(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    response = await client.get("/adviser/reporting?from=2026-02-30&to=soon")
    page = await response.text()
    assert response.status == 400 and "There is a problem" in page
    assert "Enter the start date as a real date" in page and "Enter the end date as a real date" in page
    response = await client.get("/adviser/reporting?from=2026-04-01&to=2026-03-01")
    assert response.status == 400 and "must be the same as or before the end date" in await response.text()
    assert (await client.get("/adviser/reporting/report.csv?from=nope")).status == 400


async def test_downloads(client: TestClient, advisers: Dict[str, int], known_data: str) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    response = await client.get("/adviser/reporting/report.json" + MARCH)
    report = json.loads(await response.text())
    assert response.status == 200 and "attachment" in response.headers["Content-Disposition"]
    assert report["period"] == {"from": "2026-03-01", "to": "2026-03-31"} and report["funnel"][0]["conversations"] == 26
    rows = list(csv.reader(io.StringIO(await (await client.get("/adviser/reporting/report.csv" + MARCH)).text())))
    assert ["channels", "web", "plans", "9"] in rows
