"""Plan versions. A review that changes an agreed plan never edits it: the first change makes a new
plans row, a copy of everything in the plan (person, budget snapshot, answers, outcomes, services
with their links and needs, money, flags, who took part…) with its own reference, `version` one
more and `replaces` pointing at the old row, sent to the council to agree again (status
`submitted`). The old row stays as it was, and can still be exported."""

from __future__ import annotations

import copy
from typing import Any, Dict, Iterable, Optional

from sqlalchemy.orm import Session

from bot.db.models import AuditLog, Outcome, Plan, Service, utcnow
from bot.db.session import session_scope
from bot.identity import find_person
from bot.plans.service import new_reference, newest_plan, plan_view
from bot.plans.views import PlanView

#: what a new version does not copy: its identity, its conversation and its life as a sent plan
_NOT_COPIED = {
    "id",
    "plan_reference",
    "status",
    "channel",
    "conversation_id",
    "created_at",
    "updated_at",
    "submitted_at",
    "agreed_at",
    "review_due",
    "version",
    "replaces_plan_id",
}
_NOT_COPIED_ITEM = {"id", "plan_id"}


def _columns(row: Any, leave_out: Iterable[str]) -> Dict[str, Any]:
    """Every column of `row` except `leave_out`, JSON values copied (never shared with the old row)."""
    return {
        column.key: copy.deepcopy(getattr(row, column.key))
        for column in row.__table__.columns
        if column.key not in leave_out
    }


def new_version(session: Session, plan: Plan, channel: str) -> Plan:
    """The next version of `plan`, added to `session`, waiting for the council (status submitted)."""
    now = utcnow()
    version = Plan(
        **_columns(plan, _NOT_COPIED),
        plan_reference=new_reference(),
        status="submitted",
        channel=channel,
        created_at=now,
        updated_at=now,
        submitted_at=now,
        version=plan.version + 1,
        person=plan.person,
        replaces=plan,
    )
    version.outcomes = [Outcome(**_columns(outcome, _NOT_COPIED_ITEM)) for outcome in plan.outcomes]
    version.services = [Service(**_columns(service, _NOT_COPIED_ITEM)) for service in plan.services]
    session.add(version)
    session.add(AuditLog(actor="system", action="plan-version-made", subject=version.plan_reference, detail=""))
    return version


def plan_version(person_reference: str, version: int) -> Optional[PlanView]:
    """Version `version` of the person's latest plan (following `replaces` back from it), or None."""
    with session_scope() as session:
        person = find_person(session, person_reference)
        if person is None:
            return None
        plan = newest_plan(session, person)
        while plan is not None and plan.version > version:
            plan = plan.replaces
        return plan_view(plan) if plan is not None and plan.version == version else None
