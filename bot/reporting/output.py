"""The report as JSON or CSV. CSV is long format, one figure a line:
`table,group,measure,value` (e.g. `management,direct_payment,weekly_spend,1250.00`)."""

from __future__ import annotations

import csv
import io
import json

from bot.reporting.report import TABLES, Report

FORMATS = ("json", "csv")
CSV_HEADER = ("table", "group", "measure", "value")


def to_json(report: Report) -> str:
    return json.dumps(report, indent=2)


def to_csv(report: Report) -> str:
    """Every figure of every table; a row's first column names its group (a table with one
    row has an empty group). The period and rules come first, as table `report`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for measure, value in (*report["period"].items(), ("rules", report["rules"])):
        writer.writerow(("report", "", measure, "" if value is None else value))
    for table in TABLES:
        for row in report[table]:
            values = list(row.items())
            group, measures = (str(values[0][1]), values[1:]) if len(report[table]) > 1 else ("", values)
            for measure, value in measures:
                writer.writerow((table, group, measure, value))
    return out.getvalue()


def render(report: Report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    return to_json(report) if fmt == "json" else to_csv(report)
