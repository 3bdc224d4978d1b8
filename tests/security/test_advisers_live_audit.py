"""The console's live view (/adviser/plans/{ref}/live: the plan and conversation as they change)
is audited like the page (issue 18 item 7): reading it without the page writes a line, and an
adviser watching a plan leaves a line for every few minutes they watch, not one every 5 seconds."""

from __future__ import annotations

from datetime import timedelta
from typing import Dict, List

from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.db.models import AuditLog
from bot.db.session import session_scope
from bot.web.console_queries import LIVE_AUDIT_INTERVAL
from tests.support.advisers import advisers, sign_in  # noqa: F401  (fixtures)
from tests.support.plans import make_plan  # noqa: F401  (fixtures)
from tests.support.web_app import client, rasa  # noqa: F401  (fixtures)


def views() -> List[AuditLog]:
    with session_scope() as session:
        return list(
            session.execute(
                select(AuditLog).where(AuditLog.action.like("plan-viewed%")).order_by(AuditLog.id)
            ).scalars()
        )


def age_audit(by: timedelta) -> None:
    with session_scope() as session:
        for line in session.execute(select(AuditLog)).scalars():
            line.at -= by


async def test_the_live_view_alone_is_audited(client: TestClient, advisers: Dict[str, int], demo_person: str) -> None:  # noqa: F811
    ref = make_plan(demo_person, "web-live")
    await sign_in(client)
    assert (await client.get(f"/adviser/plans/{ref}/live")).status == 200
    [line] = views()
    assert (line.actor, line.action, line.subject, line.detail) == (
        f"adviser:{advisers['adviser']}",
        "plan-viewed-live",
        ref,
        "",
    )


async def test_watching_a_plan_leaves_a_line_every_few_minutes(
    client: TestClient,
    advisers: Dict[str, int],
    demo_person: str,  # noqa: F811
) -> None:
    ref = make_plan(demo_person, "web-live")
    await sign_in(client)
    await client.get(f"/adviser/plans/{ref}")
    for _ in range(3):  # the page's own updates, seconds apart
        assert (await client.get(f"/adviser/plans/{ref}/live")).status == 200
    assert [line.action for line in views()] == ["plan-viewed"]
    age_audit(LIVE_AUDIT_INTERVAL + timedelta(seconds=1))
    await client.get(f"/adviser/plans/{ref}/live")
    await client.get(f"/adviser/plans/{ref}/live")
    assert [line.action for line in views()] == ["plan-viewed", "plan-viewed-live"]
