"""The Reporting page's charts: horizontal bar charts drawn server-side as SVG with matplotlib
(no JavaScript). Each chart has a table of the same figures beside it on the page, so a
suppressed bar is drawn as nothing, with its words ("fewer than 5") where the bar would be."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import List, Tuple

from matplotlib import rc_context
from matplotlib.figure import Figure

from bot.reporting.labels import MEASURES, MONEY, PERCENTAGES, group_label, number, shown
from bot.reporting.report import Report

BAR_COLOUR = "#1d70b8"  # GOV.UK blue: 5.2:1 against white
TEXT_COLOUR = "#0b0c0c"


@dataclass(frozen=True)
class Chart:
    """One chart of the page: which report table it draws and which of its figures."""

    name: str
    table: str
    measure: str
    caption: str
    #: the heading of the table's first column
    group_heading: str


CHARTS = (
    Chart("status", "plans_by_status", "plans", "Plans by status", "Status"),
    Chart(
        "management",
        "management",
        "share_of_spend_percent",
        "Share of planned weekly spend by how the budget is managed",
        "How it is managed",
    ),
    Chart(
        "categories", "service_categories", "weekly_spend", "Planned weekly spend by kind of support", "Kind of support"
    ),
    Chart("domains", "outcomes_by_domain", "outcomes", "Outcomes by area of need", "Area of need"),
    Chart("channels", "channels", "plans", "Plans by how people made them", "How it was made"),
    Chart(
        "checks",
        "checks",
        "share_of_plans_percent",
        "Share of sent plans with each direct-payment check raised",
        "Check raised",
    ),
    Chart("funnel", "funnel", "conversations", "How far conversations got", "Stage reached"),
)
CHARTS_BY_NAME = {chart.name: chart for chart in CHARTS}


def bars(report: Report, chart: Chart) -> List[Tuple[str, object]]:
    """(label, published figure) for each bar, top to bottom."""
    return [
        (group_label(chart.table, str(next(iter(row.values())))), row[chart.measure]) for row in report[chart.table]
    ]


def draw(report: Report, chart: Chart) -> bytes:
    """The chart as an SVG document. Text is drawn as shapes, so it looks the same in every
    browser whatever fonts it has; the alt text and the table beside it carry the words."""
    with rc_context({"font.size": 11, "svg.hashsalt": chart.name}):
        return _draw(report, chart)


def _draw(report: Report, chart: Chart) -> bytes:
    shown_bars = bars(report, chart)
    labels = [label for label, _ in shown_bars]
    values = [number(value) or 0.0 for _, value in shown_bars]
    figure = Figure(figsize=(4.8, 0.4 * len(shown_bars) + 1.0))
    axes = figure.add_subplot()
    positions = range(len(shown_bars))
    axes.barh(positions, values, color=BAR_COLOUR)
    axes.set_yticks(list(positions), labels=labels, color=TEXT_COLOUR)
    axes.invert_yaxis()
    unit = " (%)" if chart.measure in PERCENTAGES else " (£)" if chart.measure in MONEY else ""
    axes.set_xlabel(MEASURES[chart.measure] + unit, color=TEXT_COLOUR)
    axes.set_xlim(0, max(values + [1.0]) * 1.3)
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    for position, (_, value), width in zip(positions, shown_bars, values, strict=False):
        axes.annotate(
            shown(chart.measure, value),
            (width, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            color=TEXT_COLOUR,
        )
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()
