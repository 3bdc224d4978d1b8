"""Published reports (`supportplan report` and the Reporting page's downloads) never overlap an
earlier published one unless they cover exactly the same dates.

Subtracting one report from another that overlaps it gives exact figures for the days only one
of them covers, which would undo small-number suppression (bot/reporting/suppression.py). So
every published report is an audit_log line (action `report-published`, subject the dates), and
a report whose dates overlap an earlier one's but differ is refused. The same dates published
again later are allowed: they show what changed in between, which the README says."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.reporting.period import Period

PUBLISHED = "report-published"


class OverlappingReport(ValueError):
    """The dates overlap those of a report published before (the message says which)."""

    def __init__(self, earlier: Period) -> None:
        super().__init__(
            f"A report for {earlier.describe()} was already published. A report whose dates overlap it "
            "could be compared with it to work out the small numbers it hides, so it was not made. "
            "Choose dates that do not overlap it, or exactly the same dates."
        )


def publish(period: Period, actor: str) -> None:
    """Record that a report for `period` is published by `actor`; OverlappingReport if it overlaps
    an earlier one without being the same."""
    with session_scope() as session:
        keys = session.execute(select(AuditLog.subject).where(AuditLog.action == PUBLISHED).distinct()).scalars()
        for earlier in (Period.from_key(key) for key in keys):
            if earlier != period and earlier.overlaps(period):
                raise OverlappingReport(earlier)
        session.add(AuditLog(actor=actor, action=PUBLISHED, subject=period.key, detail=""))
