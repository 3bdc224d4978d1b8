"""The Reporting page of the adviser console (/adviser/reporting, managers only): the council
report (bot/reporting) as charts, each with a table of the same figures beside it, and the
same report to download as CSV or JSON. Charts are SVG images drawn on the server."""

from __future__ import annotations

import asyncio
import time
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import web

from bot.db.session import current_database_url
from bot.reporting.charts import CHARTS, CHARTS_BY_NAME, draw
from bot.reporting.labels import MEASURES, group_label, shown
from bot.reporting.output import FORMATS
from bot.reporting.output import render as render_report
from bot.reporting.period import Period, parse_date
from bot.reporting.published import OverlappingReport, publish
from bot.reporting.report import Report, build_report
from bot.web.auth import current_adviser, render_console_page, require_adviser

#: a report is worked out at most once a minute for the same dates (the page, its charts, downloads)
CACHE_SECONDS = 60
#: an SVG chart may style itself, and load and run nothing
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
CONTENT_TYPES = {"json": "application/json", "csv": "text/csv"}
#: tables shown without a chart: (report table, caption, heading of the first column)
REVIEW_TABLES = (
    ("outcome_ratings_by_wellbeing", "Outcome ratings at reviews by wellbeing area", "Wellbeing area"),
    ("reviews_on_time", "Reviews due, done on time or not", "Review"),
    ("spend_against_plan_by_category", "Planned against actual spend a week by kind of support", "Kind of support"),
    (
        "spend_against_plan_by_management",
        "Planned against actual spend a week by how the budget is managed",
        "How it is managed",
    ),
)


@lru_cache(maxsize=16)
def _report_for(_database: str, period: Period, _minute: int) -> Report:
    return build_report(period)


async def _report(period: Period) -> Report:
    minute = int(time.time() // CACHE_SECONDS)
    return await asyncio.to_thread(_report_for, current_database_url(), period, minute)


def _period(request: web.Request) -> Tuple[Optional[Period], Dict[str, str]]:
    """The dates asked for (?from=…&to=…), or None and a message for each date that is wrong."""
    errors: Dict[str, str] = {}
    dates = {}
    for key, word in (("from", "start"), ("to", "end")):
        text = request.query.get(key, "").strip()
        try:
            dates[key] = parse_date(text) if text else None
        except ValueError:
            errors[key] = f"Enter the {word} date as a real date, like 2026-04-01."
    if errors:
        return None, errors
    try:
        return Period(dates["from"], dates["to"]), {}
    except ValueError:
        return None, {"from": "The start date must be the same as or before the end date."}


def _table(report: Report, table: str, group_heading: str) -> Dict[str, Any]:
    """A table of the report: the group, then every figure of its rows (funnel step numbers are in the labels)."""
    measures = [m for m in report[table][0] if m != "step"][1:]
    rows = [
        [group_label(table, str(next(iter(row.values()))))] + [shown(m, row[m]) for m in measures]
        for row in report[table]
    ]
    return {"headings": [group_heading] + [MEASURES[m] for m in measures], "rows": rows}


def _query(period: Period) -> str:
    parts = [f"{key}={value}" for key, value in period.as_dict().items() if value]
    return "?" + "&".join(parts) if parts else ""


@require_adviser("manager")
async def reporting_page(request: web.Request) -> web.Response:
    period, errors = _period(request)
    context: Dict[str, Any] = {"errors": errors, "values": {k: request.query.get(k, "") for k in ("from", "to")}}
    if period is None:
        return await render_console_page(request, "console/reporting.html", title="Reporting", status=400, **context)
    report = await _report(period)
    figures: List[Dict[str, Any]] = [
        {
            "chart": chart,
            "table": _table(report, chart.table, chart.group_heading),
            "src": f"/adviser/reporting/charts/{chart.name}.svg{_query(period)}",
        }
        for chart in CHARTS
    ]
    timing = {MEASURES[m]: shown(m, v) for m, v in report["verification_to_submission"][0].items()}
    return await render_console_page(
        request,
        "console/reporting.html",
        title="Reporting",
        report=report,
        figures=figures,
        timing=timing,
        tables=[
            {"name": name, "caption": caption, "table": _table(report, name, heading)}
            for name, caption, heading in REVIEW_TABLES
        ],
        query=_query(period),
        formats=FORMATS,
        **context,
    )


@require_adviser("manager")
async def chart_image(request: web.Request) -> web.Response:
    chart = CHARTS_BY_NAME.get(request.match_info["chart"])
    period, _ = _period(request)
    if chart is None or period is None:
        raise web.HTTPNotFound(text="There is no such chart.")
    svg = await asyncio.to_thread(draw, await _report(period), chart)
    response = web.Response(body=svg, content_type="image/svg+xml")
    response.headers["Content-Security-Policy"] = CHART_POLICY
    response.headers["Cache-Control"] = "no-store"
    return response


@require_adviser("manager")
async def download(request: web.Request) -> web.Response:
    fmt = request.match_info["format"]
    period, errors = _period(request)
    if period is None:
        raise web.HTTPBadRequest(text=" ".join(errors.values()), content_type="text/plain")
    adviser = await current_adviser(request)
    assert adviser is not None  # require_adviser let the request in
    try:
        await asyncio.to_thread(publish, period, f"adviser:{adviser.id}")
    except OverlappingReport as overlap:
        raise web.HTTPConflict(text=str(overlap), content_type="text/plain") from None
    response = web.Response(text=render_report(await _report(period), fmt), content_type=CONTENT_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="support-plan-report.{fmt}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/adviser/reporting", reporting_page, name="reporting")
    app.router.add_get("/adviser/reporting/charts/{chart}.svg", chart_image)
    app.router.add_get("/adviser/reporting/report.{format:json|csv}", download)
