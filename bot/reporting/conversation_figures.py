"""The raw figures from Rasa's stored conversations (the SQL tracker store's `events` table).

A conversation is one sender id with at least one message from the person; it belongs to the
period its first message was sent in. How far it got is read from the slots the assistant
set: `current_section` (set by `action_next_section`) and `plan_reference` (set once the
budget has been told). Message text is never read."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Dict, Iterator, List, Optional, Set, Tuple

from sqlalchemy import func, inspect, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from bot.plans.catalogue import SECTIONS
from bot.privacy.conversations import EVENTS, tracker_engine
from bot.reporting.period import Period
from bot.slot_names import CURRENT_SECTION, PLAN_REFERENCE

#: DESIGN §6, in order: where a conversation can stop
STAGES = ("welcome", "identity", "budget", *SECTIONS.codes, "submitted")
#: the slots whose changes reporting reads (also all the event broker publishes of slots)
WATCHED_SLOTS = (CURRENT_SECTION, PLAN_REFERENCE)
_CHUNK = 500


def _slot_changes(
    connection: Connection, names: Tuple[str, ...], among: Optional[Select] = None
) -> Iterator[Tuple[str, str, object]]:
    """(sender id, slot name, value) of every stored change to the named slots, in the
    conversations `among` selects (all when None)."""
    statement = select(EVENTS.c.sender_id, EVENTS.c.data).where(
        EVENTS.c.type_name == "slot", or_(*(EVENTS.c.data.like(f'%"{name}"%') for name in names))
    )
    if among is not None:
        statement = statement.where(EVENTS.c.sender_id.in_(among))
    for sender_id, data in connection.execute(statement):
        event = json.loads(data or "{}")
        if event.get("name") in names:
            yield sender_id, event["name"], event.get("value")


def _stage_of(slot: str, value: object) -> int:
    if slot == PLAN_REFERENCE:
        return STAGES.index("budget") if value else 0
    return STAGES.index(value) if value in STAGES else 0


def _conversations_started(period: Period) -> Select:
    """The sender ids of conversations whose first message from the person is in the period."""
    first = func.min(EVENTS.c.timestamp)
    statement = select(EVENTS.c.sender_id).where(EVENTS.c.type_name == "user").group_by(EVENTS.c.sender_id)
    if period.start is not None:
        statement = statement.having(first >= period.start.timestamp())
    if period.end is not None:
        statement = statement.having(first < period.end.timestamp())
    return statement


def funnel(period: Period) -> Dict[str, int]:
    """For each stage, how many conversations started in the period got at least that far."""
    reached = [0] * len(STAGES)
    engine = tracker_engine()
    if inspect(engine).has_table("events"):
        with engine.connect() as connection:
            started = _conversations_started(period)
            furthest = dict.fromkeys(connection.execute(started).scalars(), 0)
            for sender_id, slot, value in _slot_changes(connection, WATCHED_SLOTS, started):
                furthest[sender_id] = max(furthest[sender_id], _stage_of(slot, value))
        for stage in furthest.values():
            for index in range(stage + 1):
                reached[index] += 1
    return dict(zip(STAGES, reached, strict=False))


def _message_times(connection: Connection, sender_ids: List[str]) -> Dict[str, List[float]]:
    times: Dict[str, List[float]] = {sender_id: [] for sender_id in sender_ids}
    for start in range(0, len(sender_ids), _CHUNK):
        statement = select(EVENTS.c.sender_id, EVENTS.c.timestamp).where(
            EVENTS.c.type_name == "user", EVENTS.c.sender_id.in_(sender_ids[start : start + _CHUNK])
        )
        for sender_id, timestamp in connection.execute(statement):
            times[sender_id].append(timestamp)
    return times


def turns_to_submit(plans: List[Tuple[str, datetime, datetime]]) -> Dict[str, int]:
    """For each (plan reference, created_at, submitted_at), the messages the person sent from the
    plan's start to its submission, across every conversation that opened the plan. Plans whose
    conversations are no longer stored (purged or forgotten) are left out."""
    engine = tracker_engine()
    if not plans or not inspect(engine).has_table("events"):
        return {}
    wanted = {reference for reference, _, _ in plans}
    with engine.connect() as connection:
        opened_in: Dict[str, Set[str]] = {}
        for sender_id, _, value in _slot_changes(connection, (PLAN_REFERENCE,)):
            if value in wanted:
                opened_in.setdefault(str(value), set()).add(sender_id)
        times = _message_times(connection, sorted(set().union(*opened_in.values())))
    turns: Dict[str, int] = {}
    for reference, created, submitted in plans:
        if reference in opened_in:
            low, high = created.timestamp(), submitted.timestamp()
            turns[reference] = sum(low <= t <= high for sender in opened_in[reference] for t in times[sender])
    return turns
