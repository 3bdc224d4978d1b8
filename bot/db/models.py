"""The database: people and their budgets (from the council), plans with their outcomes and
services, and an audit log without personal data.

Money is integer pence. Timestamps are timezone-aware UTC on every database (SQLite keeps them
without an offset, so UTCDateTime puts UTC back on the way out). Constraint names follow
NAMING_CONVENTION so migrations can refer to them on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, declared_attr, relationship
from sqlalchemy.types import TypeDecorator

from bot.plans.catalogue import BUDGET_PERIODS, RATINGS, REVIEW_STATUSES, SERVICE_CHANGES, STATUSES

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base: Any = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """TIMESTAMP WITH TIME ZONE, stored as UTC and always read back as an aware UTC datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Any) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: Optional[datetime], dialect: Any) -> Optional[datetime]:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Hundredths(TypeDecorator):
    """NUMERIC(precision, 2) read back as an exact Decimal on every database. SQLite has no
    decimal type and keeps a float, which is exact again once rounded to two places."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int) -> None:
        super().__init__(precision, 2, asdecimal=False)

    def process_bind_param(self, value: Optional[Decimal], dialect: Any) -> Optional[Decimal]:
        return None if value is None else Decimal(value).quantize(Decimal("0.01"))

    def process_result_value(self, value: Any, dialect: Any) -> Optional[Decimal]:
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _one_of(column: str, values: tuple) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Person(Base):
    __tablename__ = "people"

    id = Column(Integer, primary_key=True)
    reference = Column(String(40), nullable=False, unique=True)
    #: the reference upper-cased with every non-alphanumeric removed, for matching what people type
    reference_key = Column(String(40), nullable=False, unique=True)
    given_name = Column(String(100), nullable=False)
    family_name = Column(String(100), nullable=False)
    date_of_birth = Column(Date, nullable=False)
    postcode = Column(String(10), nullable=False)
    phone = Column(String(20), nullable=True, index=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    budget = relationship("Budget", uselist=False, back_populates="person", cascade="all, delete-orphan")


class Budget(Base):
    """The person's current personal budget, as the council set it."""

    __tablename__ = "budgets"
    __table_args__ = (
        CheckConstraint(_one_of("period", BUDGET_PERIODS.codes), name="period"),
        CheckConstraint("amount_pence > 0", name="amount_positive"),
    )

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, unique=True)
    amount_pence = Column(BigInteger, nullable=False)
    period = Column(String(10), nullable=False)
    #: from the assessment, when the council sent it (DESIGN §4 optional columns): the person's
    #: assessed contribution per `period`, the eligibility-outcome codes, the assessment date
    contribution_pence = Column(BigInteger, nullable=True)
    eligible_needs = Column(JSON, nullable=True, default=list)
    assessed_on = Column(Date, nullable=True)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    person = relationship("Person", back_populates="budget")


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES.codes), name="status"),
        CheckConstraint(_one_of("planned_by", ("self", "supporter", "adviser")), name="planned_by"),
    )

    id = Column(Integer, primary_key=True)
    plan_reference = Column(String(20), nullable=False, unique=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True)
    status = Column(String(12), nullable=False, default="draft")
    planned_by = Column(String(12), nullable=False, default="self")
    channel = Column(String(20), nullable=False)
    conversation_id = Column(String(120), nullable=True, index=True)
    #: the budget and assessment when the plan was started
    budget_amount_pence = Column(BigInteger, nullable=False)
    budget_period = Column(String(10), nullable=False)
    contribution_pence = Column(BigInteger, nullable=True)
    eligible_needs = Column(JSON, nullable=True, default=list)
    assessed_on = Column(Date, nullable=True)
    important_to_me = Column(Text, nullable=True)
    outcomes_complete = Column(Boolean, nullable=False, default=False)
    services_complete = Column(Boolean, nullable=False, default=False)
    management = Column(String(30), nullable=True)
    contingency = Column(Text, nullable=True)
    flags = Column(JSON, nullable=False, default=list)
    #: direct-payment checks raised while planning: [{"code", "service_id", "message"}] (bot/plans/checks.py)
    checks = Column(JSON, nullable=True, default=list)
    #: who a direct payment is paid to (catalogue PAYEES); asked when money is paid out
    paid_to = Column(String(12), nullable=True)
    #: how often it is paid ("week" or "4 weeks"), from the council settings when the way was chosen
    payment_frequency = Column(String(10), nullable=True)
    #: who took part: [{"role", "name", "relationship"}]
    involved = Column(JSON, nullable=True, default=list)
    #: COMMUNICATION_NEEDS codes, and the person's own words (a language, say)
    communication_needs = Column(JSON, nullable=True)
    communication_detail = Column(Text, nullable=True)
    copy_route = Column(String(10), nullable=True)
    #: assessed needs the person said are met another way (no service in the plan): [code]
    needs_met_elsewhere = Column(JSON, nullable=True, default=list)
    #: advice given in the conversation: [{"question", "answer"}] (the FAQ answers the person asked for)
    advice = Column(JSON, nullable=True, default=list)
    review_due = Column(Date, nullable=True)
    #: sign-off questions the person skipped and has not answered since (service.SKIPPABLE_QUESTIONS)
    skipped_questions = Column(JSON, nullable=True, default=list)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow)
    submitted_at = Column(UTCDateTime, nullable=True)
    agreed_at = Column(UTCDateTime, nullable=True)
    #: 1 for a plan made in a conversation; a review that changes something makes the next version,
    #: a new row that `replaces` the one reviewed (bot/plans/versions.py)
    version = Column(Integer, nullable=False, default=1, server_default="1")
    replaces_plan_id = Column(Integer, ForeignKey("plans.id", ondelete="SET NULL"), nullable=True)

    person = relationship("Person")
    replaces = relationship("Plan", remote_side=[id])
    outcomes = relationship("Outcome", order_by="Outcome.position", cascade="all, delete-orphan", back_populates="plan")
    services = relationship("Service", order_by="Service.position", cascade="all, delete-orphan", back_populates="plan")


class Outcome(Base):
    __tablename__ = "outcomes"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False)
    #: the plan-local id (1, 2, 3…) shown in the plan JSON
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    domain = Column(String(40), nullable=False)
    wellbeing_areas = Column(JSON, nullable=True, default=list)

    plan = relationship("Plan", back_populates="outcomes")


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False)
    #: the plan-local id (1, 2, 3…) shown in the plan JSON
    position = Column(Integer, nullable=False)
    category = Column(String(30), nullable=False)
    description = Column(Text, nullable=False)
    hours_per_week = Column(Hundredths(7), nullable=True)
    #: the hours a week exactly ('30/13' for 10 hours a month) when two places do not hold them;
    #: a later change of the rate alone is worked from these (DESIGN §5: rounded once)
    exact_hours = Column(String(40), nullable=True)
    unit_cost_pence = Column(BigInteger, nullable=True)
    weekly_cost_pence = Column(BigInteger, nullable=False)
    outcome_ids = Column(JSON, nullable=False, default=list)
    #: the assessed needs (NEEDS codes) the service meets; None until asked
    need_codes = Column(JSON, nullable=True)
    #: who is paid, when the person named a relative ("my wife"), and whether they live together
    payee_relation = Column(String(30), nullable=True)
    payee_lives_with = Column(Boolean, nullable=True)

    plan = relationship("Plan", back_populates="services")


class Review(Base):
    """A review of an agreed plan (Care Act s.27, bot/reviews/record.py): how the outcomes are
    going, what happened to each service, what changed in the person's life."""

    __tablename__ = "reviews"
    __table_args__ = (CheckConstraint(_one_of("status", REVIEW_STATUSES.codes), name="status"),)

    id = Column(Integer, primary_key=True)
    #: the plan version reviewed
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True)
    #: the version the review made, at its first change; None while nothing has changed
    new_plan_id = Column(Integer, ForeignKey("plans.id", ondelete="SET NULL"), nullable=True)
    started_at = Column(UTCDateTime, nullable=False, default=utcnow)
    finished_at = Column(UTCDateTime, nullable=True)
    channel = Column(String(20), nullable=False)
    status = Column(String(12), nullable=False, default="in_progress")
    life_changes = Column(Text, nullable=True)
    would_change = Column(Text, nullable=True)
    #: an adviser should look at it (asked for, or set when the review is finished)
    needs_person = Column(Boolean, nullable=False, default=False)

    plan = relationship("Plan", foreign_keys=[plan_id])
    new_plan = relationship("Plan", foreign_keys=[new_plan_id])
    outcomes = relationship(
        "ReviewOutcome", order_by="ReviewOutcome.outcome_number", cascade="all, delete-orphan", passive_deletes=True
    )
    services = relationship(
        "ReviewService", order_by="ReviewService.service_number", cascade="all, delete-orphan", passive_deletes=True
    )


class ReviewAnswer:
    """A row of a review's answers about one item of the reviewed plan, with the person's words."""

    id = Column(Integer, primary_key=True)
    words = Column(Text, nullable=True)

    @declared_attr
    def review_id(cls) -> Column:
        return Column(Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False)


class ReviewOutcome(ReviewAnswer, Base):
    """How one outcome of the reviewed plan is going; answering again replaces the rating."""

    __tablename__ = "review_outcomes"
    __table_args__ = (
        UniqueConstraint("review_id", "outcome_number"),
        CheckConstraint(_one_of("rating", RATINGS.codes), name="rating"),
    )

    #: the outcome's plan-local id (the plan JSON's outcome `id`)
    outcome_number = Column(Integer, nullable=False)
    rating = Column(String(20), nullable=False)


class ReviewService(ReviewAnswer, Base):
    """What the review found and did about one service: each answer None until asked."""

    __tablename__ = "review_services"
    __table_args__ = (
        UniqueConstraint("review_id", "service_number"),
        CheckConstraint(_one_of("change", SERVICE_CHANGES.codes), name="change"),
    )

    #: the service's plan-local id: in the reviewed plan, or in the new version for one added
    service_number = Column(Integer, nullable=False)
    happening = Column(Boolean, nullable=True)
    still_right = Column(Boolean, nullable=True)
    cost_same = Column(Boolean, nullable=True)
    change = Column(String(10), nullable=False, default="kept")


class SpendImport(Base):
    """One spending file loaded by `import-spend`; its hash stops the same file being loaded twice."""

    __tablename__ = "spend_imports"

    id = Column(Integer, primary_key=True)
    sha256 = Column(String(64), nullable=False, unique=True)
    rows = Column(Integer, nullable=False)
    imported_at = Column(UTCDateTime, nullable=False, default=utcnow)


class Spend(Base):
    """Money actually spent from a person's payment card or direct-payment account."""

    __tablename__ = "spending"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True)
    import_id = Column(Integer, ForeignKey("spend_imports.id", ondelete="CASCADE"), nullable=False, index=True)
    spent_on = Column(Date, nullable=False)
    #: pence; below 0 for a refund
    amount_pence = Column(BigInteger, nullable=False)
    category = Column(String(30), nullable=False)
    description = Column(Text, nullable=True)


class FailedChecks:
    """Failed identity checks counted against one key, with escalating locks (bot/identity.py)."""

    failures = Column(Integer, nullable=False, default=0)
    first_failure_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_failure_at = Column(UTCDateTime, nullable=True)
    locked_until = Column(UTCDateTime, nullable=True)
    #: how many times the key has been locked; each lock is longer. Reset only by a success
    #: (references) or an adviser, or when the row is pruned.
    lock_count = Column(Integer, nullable=False, default=0, server_default="0")


class IdentityLock(FailedChecks, Base):
    """Failed identity checks against one person reference, across conversations. The reference
    is kept only as a keyed hash, and a row exists for any reference tried, so a row does not
    say whether the reference is real."""

    __tablename__ = "identity_locks"

    reference_hash = Column(String(64), primary_key=True)


class ClientLock(FailedChecks, Base):
    """Failed identity checks from one client (web address or phone), across any references. The
    client is known only by the keyed hash its channel put in the message (bot/channels/metadata.py)."""

    __tablename__ = "identity_client_locks"

    client_key = Column(String(64), primary_key=True)


class IdentityCode(Base):
    """A one-time code texted for the second factor (bot/second_factor.py), one per conversation.
    The conversation, the reference and the code are kept only as keyed hashes."""

    __tablename__ = "identity_codes"

    conversation_hash = Column(String(64), primary_key=True)
    reference_hash = Column(String(64), nullable=False)
    code_hash = Column(String(64), nullable=False)
    wrong_tries = Column(Integer, nullable=False, default=0)
    expires_at = Column(UTCDateTime, nullable=False, index=True)


class AuditLog(Base):
    """What happened, by whom, to which plan. Never personal data."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    #: 'system', 'cli', 'adviser:<id>'…
    actor = Column(String(60), nullable=False)
    action = Column(String(40), nullable=False)
    #: a plan reference, or empty
    subject = Column(String(40), nullable=False, default="")
    detail = Column(Text, nullable=False, default="")


class Adviser(Base):
    """A council adviser's login to the console. The password is kept only as an Argon2 hash;
    repeated failures lock the login for a while."""

    __tablename__ = "advisers"
    __table_args__ = (CheckConstraint(_one_of("role", ("adviser", "manager")), name="role"),)

    id = Column(Integer, primary_key=True)
    #: lower-cased
    email = Column(String(254), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    role = Column(String(10), nullable=False, default="adviser")
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(UTCDateTime, nullable=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_login_at = Column(UTCDateTime, nullable=True)
    # --- adviser accounts (issue 18 item 7): disabled flag and the optional second step ---
    #: set by `supportplan adviser disable`: the login can no longer sign in
    disabled_at = Column(UTCDateTime, nullable=True)
    #: the TOTP secret, Fernet-encrypted with a key derived from SUPPORTPLAN_SECRET_KEY (bot/web/totp.py)
    totp_secret = Column(Text, nullable=True)
    #: the time step of the last code accepted, so no code is used twice
    totp_last_step = Column(BigInteger, nullable=True)


class AdviserSession(Base):
    """A console session. The cookie holds only a random id; this row, found by the id's SHA-256,
    says whose it is, whether it still waits for the second step, and when it ends."""

    __tablename__ = "adviser_sessions"

    id_hash = Column(String(64), primary_key=True)
    adviser_id = Column(Integer, ForeignKey("advisers.id", ondelete="CASCADE"), nullable=False, index=True)
    #: the password was right; the TOTP code is still to come
    awaiting_code = Column(Boolean, nullable=False, default=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = Column(UTCDateTime, nullable=False, default=utcnow)
    revoked_at = Column(UTCDateTime, nullable=True)


class SmsContact(Base):
    """What the SMS channel remembers about a phone number, known only by its keyed hash: whether
    it has opted out (STOP), the numbered choices last sent, and the rest of a long reply (MORE)."""

    __tablename__ = "sms_contacts"

    number_hash = Column(String(64), primary_key=True)
    stopped_at = Column(UTCDateTime, nullable=True)
    #: [{"title": …, "payload": …}] of the buttons in the last reply
    choices = Column(JSON, nullable=False, default=list)
    more_text = Column(Text, nullable=True)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)


class SmsMessage(Base):
    """An inbound SMS by its provider id, with the TwiML reply it got, so a retry is answered the
    same way without reaching the assistant again. `reply` is empty while it is being answered."""

    __tablename__ = "sms_messages"

    message_sid = Column(String(64), primary_key=True)
    reply = Column(Text, nullable=True)
    received_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)


class WebSession(Base):
    """A browser's hold on one chat page conversation. The cookie's value is kept only as its
    SHA-256 (it is 32 random bytes), so the table cannot be used to take over a browser's place.
    A new value replaces the old at the identity check; the row goes after `web_idle_minutes`
    without a message, or when the person finishes and forgets the device."""

    __tablename__ = "web_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    #: the Rasa conversation, `web-` and random characters unrelated to the cookie
    conversation_id = Column(String(255), nullable=False, index=True)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = Column(UTCDateTime, nullable=False, default=utcnow, index=True)
    #: when the person's identity was last checked in this browser
    verified_at = Column(UTCDateTime, nullable=True)
