"""Published reports (`supportplan report`, the Reporting page's downloads) never overlap an
earlier one without being the same: subtracting one report from an overlapping one would give
exact figures for the days only one of them covers, undoing small-number suppression."""

from __future__ import annotations

from datetime import date
from typing import Dict, Optional

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.cli import main
from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.reporting.period import Period
from bot.reporting.published import PUBLISHED, OverlappingReport, publish
from tests.support.advisers import MANAGER_PASSWORD, advisers, sign_in  # noqa: F401  (fixtures)
from tests.support.web_app import client, rasa  # noqa: F401  (fixtures)


def p(first: Optional[str], last: Optional[str]) -> Period:
    return Period(date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None)


MARCH = p("2026-03-01", "2026-03-31")


@pytest.mark.parametrize(
    "other,overlaps",
    [
        (p("2026-03-31", "2026-04-30"), True),
        (p("2026-03-02", "2026-03-30"), True),
        (p(None, "2026-03-01"), True),
        (p("2026-03-31", None), True),
        (p(None, None), True),
        (p("2026-04-01", "2026-04-30"), False),
        (p(None, "2026-02-28"), False),
        (p("2026-04-01", None), False),
    ],
)
def test_periods_overlap_when_they_share_a_day(other: Period, overlaps: bool) -> None:
    assert MARCH.overlaps(other) is overlaps and other.overlaps(MARCH) is overlaps


@pytest.mark.parametrize("period", [MARCH, p(None, "2026-03-31"), p("2026-03-01", None), p(None, None)])
def test_a_period_is_kept_as_a_short_key(period: Period) -> None:
    assert Period.from_key(period.key) == period and len(period.key) <= 40


def test_an_overlapping_report_is_refused_and_the_same_dates_are_not(database: str) -> None:
    publish(MARCH, "cli")
    publish(MARCH, "cli")
    publish(p("2026-04-01", "2026-04-30"), "cli")
    for overlapping in (p("2026-03-01", "2026-03-30"), p("2026-03-15", "2026-04-15"), p(None, None)):
        with pytest.raises(OverlappingReport, match="2026-03-01 to 2026-03-31"):
            publish(overlapping, "cli")
    with session_scope() as session:
        published = session.execute(select(AuditLog.subject).where(AuditLog.action == PUBLISHED)).scalars().all()
    assert sorted(published) == ["2026-03-01..2026-03-31", "2026-03-01..2026-03-31", "2026-04-01..2026-04-30"]


def test_the_command_refuses_an_overlapping_report(database: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--database", database, "report", "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    capsys.readouterr()
    code = main(["--database", database, "report", "--from", "2026-03-01", "--to", "2026-03-30"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "already published" in err and "2026-03-01 to 2026-03-31" in err


async def test_a_download_that_overlaps_is_refused(client: TestClient, advisers: Dict[str, int]) -> None:
    await sign_in(client, "max@council.example", MANAGER_PASSWORD)
    assert (await client.get("/adviser/reporting/report.csv?from=2026-03-01&to=2026-03-31")).status == 200
    assert (await client.get("/adviser/reporting/report.json?from=2026-03-01&to=2026-03-31")).status == 200
    refused = await client.get("/adviser/reporting/report.csv?from=2026-03-02&to=2026-03-31")
    assert refused.status == 409 and "already published" in await refused.text()
    with session_scope() as session:
        actors = set(session.execute(select(AuditLog.actor).where(AuditLog.action == PUBLISHED)).scalars())
    assert actors == {f"adviser:{advisers['manager']}"}
