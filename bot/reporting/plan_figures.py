"""The raw figures from plans, outcomes and services (before any suppression).

Every query counts plans created in the period (`Plan.created_at`: when the person's identity
was verified and the budget told). Spend, management, outcomes and checks count finished plans
only (submitted or agreed): a draft's spending is not yet planned."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Dict, List, Tuple

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from bot.db.models import Outcome, Plan, Service
from bot.reporting.period import Period

FINISHED = ("submitted", "agreed")
#: a finished plan whose management option was not recorded
NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class Group:
    """Plans sharing one value, how many items (services or outcomes) they hold and their weekly spend."""

    plans: int
    items: int = 0
    weekly_pence: int = 0


def _in_period(statement: Select, period: Period, finished: bool = False) -> Select:
    if period.start is not None:
        statement = statement.where(Plan.created_at >= period.start)
    if period.end is not None:
        statement = statement.where(Plan.created_at < period.end)
    return statement.where(Plan.status.in_(FINISHED)) if finished else statement


def plans_by_status(session: Session, period: Period) -> Dict[str, int]:
    statement = _in_period(select(Plan.status, func.count(Plan.id)).group_by(Plan.status), period)
    return {status: count for status, count in session.execute(statement)}


def plans_by_channel(session: Session, period: Period) -> Dict[Tuple[str, str], int]:
    """Plans by (Rasa input channel, who planned)."""
    statement = _in_period(
        select(Plan.channel, Plan.planned_by, func.count(Plan.id)).group_by(Plan.channel, Plan.planned_by), period
    )
    return {(channel, planned_by): count for channel, planned_by, count in session.execute(statement)}


def spend_by_management(session: Session, period: Period) -> Dict[str, Group]:
    option = func.coalesce(Plan.management, NOT_RECORDED)
    statement = _in_period(
        select(
            option,
            func.count(distinct(Plan.id)),
            func.count(Service.id),
            func.coalesce(func.sum(Service.weekly_cost_pence), 0),
        )
        .select_from(Plan)
        .outerjoin(Service, Service.plan_id == Plan.id)
        .group_by(option),
        period,
        finished=True,
    )
    return {key: Group(plans, items, int(pence)) for key, plans, items, pence in session.execute(statement)}


def spend_by_category(session: Session, period: Period) -> Dict[str, Group]:
    statement = _in_period(
        select(
            Service.category, func.count(distinct(Plan.id)), func.count(Service.id), func.sum(Service.weekly_cost_pence)
        )
        .join(Plan, Service.plan_id == Plan.id)
        .group_by(Service.category),
        period,
        finished=True,
    )
    return {key: Group(plans, items, int(pence)) for key, plans, items, pence in session.execute(statement)}


def outcomes_by_domain(session: Session, period: Period) -> Dict[str, Group]:
    statement = _in_period(
        select(Outcome.domain, func.count(distinct(Plan.id)), func.count(Outcome.id))
        .join(Plan, Outcome.plan_id == Plan.id)
        .group_by(Outcome.domain),
        period,
        finished=True,
    )
    return {key: Group(plans, items) for key, plans, items in session.execute(statement)}


def plans_with_checks(session: Session, period: Period) -> Tuple[int, Dict[str, int]]:
    """(finished plans, how many of them raised each direct-payment check at least once). Checks
    are a JSON list, read here so it works the same on SQLite and PostgreSQL."""
    statement = _in_period(select(Plan.checks), period, finished=True)
    plans, counts = 0, Counter[str]()
    for (checks,) in session.execute(statement):
        plans += 1
        counts.update({check["code"] for check in checks or ()})
    return plans, dict(counts)


def submissions(session: Session, period: Period) -> List[Tuple[str, datetime, datetime]]:
    """(plan reference, created_at, submitted_at) of every plan sent to the council."""
    statement = _in_period(
        select(Plan.plan_reference, Plan.created_at, Plan.submitted_at).where(Plan.submitted_at.is_not(None)),
        period,
    )
    return [tuple(row) for row in session.execute(statement)]
