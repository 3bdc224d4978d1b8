"""`supportplan reviews invite --due-by DATE [--dry-run]`: one short text to each person whose plan is
due or overdue a review by DATE, inviting them to reply REVIEW (the SMS channel then runs the review).

Who is texted: one text per person, for their earliest review due, when the council holds a phone
number for them, the number has not sent STOP, and they were not invited in the council's
`reviews.invite_again_after_days`. The text names the council and its phone number (COUNCIL_NAME and
COUNCIL_PHONE; nothing is sent until both are set) and nothing about the person: no
name, no care details, no money. Each text sent is written to the audit log (the plan reference and
which review, never the number), and that record is what keeps a second run from texting again.
One person's failed text does not stop the others. A dry run sends and records nothing."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

from sqlalchemy import select

from bot.channels import store
from bot.channels.numbers import normalise_e164, number_hash
from bot.channels.segments import cost, plain
from bot.channels.sender import SmsNotConfigured, SmsSender
from bot.config import Settings
from bot.council import CouncilRules
from bot.db.models import AuditLog, Person, utcnow
from bot.db.session import session_scope
from bot.reviews.due import DueReview, reviews_due

logger = logging.getLogger(__name__)

INVITED = "review-invite-sent"
INVITE_FAILED = "review-invite-failed"
ACTOR = "cli"
TEXT = (
    "Hello from {name}. It's time to check how your support is going. "
    "Reply REVIEW to start, or call {phone}. Reply STOP to stop texts."
)

SENT, WOULD_SEND, FAILED = "sent", "would_send", "failed"
NO_PHONE, STOPPED, RECENTLY = "no_phone", "stopped", "invited_recently"
#: every result, in the order the summary gives them, with its words
RESULTS: Dict[str, str] = {
    SENT: "sent",
    WOULD_SEND: "would text",
    NO_PHONE: "no phone on file",
    STOPPED: "sent STOP",
    RECENTLY: "invited recently",
    FAILED: "failed",
}
SKIPPED = (NO_PHONE, STOPPED, RECENTLY)


class CannotInvite(RuntimeError):
    """The invitations cannot be sent as things are set up; the message says what to change."""


@dataclass(frozen=True)
class Invitee:
    """A person due a review: their earliest review, every plan of theirs that is due (to find an
    earlier invitation), and their number (E.164, never printed), if usable."""

    review: DueReview
    plan_references: Sequence[str]
    phone: Optional[str]


@dataclass(frozen=True)
class Outcome:
    review: DueReview
    result: str
    #: only in a dry run, for a person who would be texted: like 07*** ***123
    masked_phone: Optional[str] = None

    def as_dict(self) -> Dict[str, object]:
        row: Dict[str, object] = {
            "plan_reference": self.review.plan_reference,
            "person_reference": self.review.person_reference,
            "kind": self.review.kind,
            "due": self.review.due.isoformat(),
            "result": self.result,
        }
        if self.masked_phone:
            row["phone"] = self.masked_phone
        return row


@dataclass
class Report:
    due_by: date
    dry_run: bool
    text: Optional[str]
    outcomes: List[Outcome] = field(default_factory=list)
    #: why nothing could be sent (a dry run still lists who would be texted)
    problem: Optional[str] = None

    def count(self, result: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.result == result)

    @property
    def failed(self) -> bool:
        return self.count(FAILED) > 0


def invitation_text(settings: Settings) -> str:
    """The invitation, in plain GSM-7 characters; CannotInvite when the council's name or phone is
    not set (COUNCIL_NAME, COUNCIL_PHONE), or the text would not fit one SMS."""
    if settings.council_contact_missing:
        raise CannotInvite(
            f"Set {' and '.join(settings.council_contact_missing)} before sending review invitations: "
            "the text names the council and gives its phone number."
        )
    text = plain(TEXT.format(name=settings.council_name, phone=settings.council_phone))
    used, limit = cost(text)
    if used > limit:
        raise CannotInvite(
            f"The invitation would be {used} characters, more than one text ({limit}). "
            "Use a shorter COUNCIL_NAME (or COUNCIL_PHONE)."
        )
    return text


def masked(number: str) -> str:
    """A number with all but its start and last 3 digits hidden: +447700900123 → 07*** ***123."""
    national = "0" + number[3:] if number.startswith("+44") else number
    return f"{national[:2]}*** ***{national[-3:]}"


def invitees(due_by: date) -> List[Invitee]:
    """One per person with a review due by `due_by`, for their earliest one."""
    due: Dict[str, List[DueReview]] = {}
    for review in reviews_due(due_by):
        due.setdefault(review.person_reference, []).append(review)
    with session_scope() as session:
        phones = dict(
            session.execute(select(Person.reference, Person.phone).where(Person.reference.in_(list(due)))).all()
        )
    return [
        Invitee(reviews[0], [review.plan_reference for review in reviews], normalise_e164(phones.get(person) or ""))
        for person, reviews in due.items()
    ]


def invited_since(since: datetime) -> Set[str]:
    """The plan references a review invitation was sent for since `since`."""
    with session_scope() as session:
        return set(
            session.execute(select(AuditLog.subject).where(AuditLog.action == INVITED, AuditLog.at >= since)).scalars()
        )


def _record(action: str, review: DueReview) -> None:
    with session_scope() as session:
        session.add(AuditLog(actor=ACTOR, action=action, subject=review.plan_reference, detail=review.kind))


def _skip_reason(invitee: Invitee, settings: Settings, recent: Set[str]) -> Optional[str]:
    if invitee.phone is None:
        return NO_PHONE
    if store.contact_state(number_hash(invitee.phone, settings.sms_number_key)).stopped:
        return STOPPED
    if recent.intersection(invitee.plan_references):
        return RECENTLY
    return None


def sorted_out(due_by: date, settings: Settings, rules: CouncilRules) -> List[Tuple[Invitee, Optional[str]]]:
    """Everyone due a review by `due_by`, each with why they are not to be texted (None: text them)."""
    recent = invited_since(utcnow() - timedelta(days=rules.invite_again_after_days))
    return [(invitee, _skip_reason(invitee, settings, recent)) for invitee in invitees(due_by)]


async def _send_one(sender: SmsSender, text: str, invitee: Invitee) -> Outcome:
    assert invitee.phone is not None
    try:
        sids = await sender.send(invitee.phone, text)
    except Exception as error:  # noqa: BLE001 — one person's failure must not stop the others
        logger.warning("A review invitation could not be sent (%s)", type(error).__name__)
        await asyncio.to_thread(_record, INVITE_FAILED, invitee.review)
        return Outcome(invitee.review, FAILED)
    if not sids:  # the number sent STOP since it was checked
        return Outcome(invitee.review, STOPPED)
    await asyncio.to_thread(_record, INVITED, invitee.review)
    return Outcome(invitee.review, SENT)


async def _send_all(
    sender: Callable[[Settings], SmsSender], settings: Settings, rules: CouncilRules, text: str, due_by: date
) -> List[Outcome]:
    try:
        sms = sender(settings)
    except SmsNotConfigured as error:
        raise CannotInvite(str(error)) from None
    async with sms:
        outcomes = []
        for invitee, reason in await asyncio.to_thread(sorted_out, due_by, settings, rules):
            outcomes.append(Outcome(invitee.review, reason) if reason else await _send_one(sms, text, invitee))
        return outcomes


def invite(
    due_by: date,
    dry_run: bool,
    settings: Settings,
    rules: CouncilRules,
    sender: Callable[[Settings], SmsSender] = SmsSender,
) -> Report:
    """Text everyone due a review by `due_by` (or, in a dry run, say who would be texted).
    CannotInvite, before anything is sent, when the council's settings or SMS are not set up."""
    try:
        text: Optional[str] = invitation_text(settings)
        problem = None
    except CannotInvite as error:
        if not dry_run:
            raise
        text, problem = None, str(error)
    report = Report(due_by, dry_run, text, problem=problem)
    if not dry_run:
        assert text is not None
        report.outcomes = asyncio.run(_send_all(sender, settings, rules, text, due_by))
        return report
    for invitee, reason in sorted_out(due_by, settings, rules):
        if reason is None and invitee.phone is not None:
            report.outcomes.append(Outcome(invitee.review, WOULD_SEND, masked(invitee.phone)))
        else:
            report.outcomes.append(Outcome(invitee.review, reason or NO_PHONE))
    return report
