"""The database: people and their budgets (from the council), plans with their outcomes and
services, and an audit log without personal data. Money is integer pence."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.sql.schema import Column

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Person(Base):
    __tablename__ = "people"

    id = Column(Integer, primary_key=True)
    reference = Column(String(40), nullable=False, unique=True)
    #: the reference upper-cased without spaces or punctuation, for matching what people type
    reference_key = Column(String(40), nullable=False, unique=True)
    given_name = Column(String(100), nullable=False)
    family_name = Column(String(100), nullable=False)
    date_of_birth = Column(Date, nullable=False)
    postcode = Column(String(10), nullable=False)
    phone = Column(String(20), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    budget = relationship("Budget", uselist=False, back_populates="person", cascade="all, delete-orphan")


class Budget(Base):
    """The person's current personal budget, as the council set it."""

    __tablename__ = "budgets"

    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, unique=True)
    amount_pence = Column(BigInteger, nullable=False)
    period = Column(String(10), nullable=False)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    person = relationship("Person", back_populates="budget")


class Plan(Base):
    __tablename__ = "plans"

    id = Column(Integer, primary_key=True)
    plan_reference = Column(String(20), nullable=False, unique=True)
    person_id = Column(Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True)
    status = Column(String(12), nullable=False, default="draft")
    planned_by = Column(String(12), nullable=False, default="self")
    channel = Column(String(12), nullable=False, default="rest")
    conversation_id = Column(String(120), nullable=True, index=True)
    #: the budget when the plan was started
    budget_amount_pence = Column(BigInteger, nullable=False)
    budget_period = Column(String(10), nullable=False)
    important_to_me = Column(Text, nullable=True)
    outcomes_complete = Column(Boolean, nullable=False, default=False)
    services_complete = Column(Boolean, nullable=False, default=False)
    management = Column(String(30), nullable=True)
    contingency = Column(Text, nullable=True)
    flags = Column(JSON, nullable=False, default=list)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    submitted_at = Column(DateTime(timezone=True), nullable=True)
    agreed_at = Column(DateTime(timezone=True), nullable=True)

    person = relationship("Person")
    outcomes = relationship("Outcome", order_by="Outcome.position", cascade="all, delete-orphan", back_populates="plan")
    services = relationship("Service", order_by="Service.position", cascade="all, delete-orphan", back_populates="plan")


class Outcome(Base):
    __tablename__ = "outcomes"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    domain = Column(String(40), nullable=False)

    plan = relationship("Plan", back_populates="outcomes")


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    category = Column(String(30), nullable=False)
    description = Column(Text, nullable=False)
    #: hours a week in hundredths (7.25 hours = 725): exact on every database, like the pence
    hours_per_week_hundredths = Column(Integer, nullable=True)
    unit_cost_pence = Column(BigInteger, nullable=True)
    weekly_cost_pence = Column(BigInteger, nullable=False)
    outcome_ids = Column(JSON, nullable=False, default=list)

    plan = relationship("Plan", back_populates="services")


class AuditLog(Base):
    """What happened, by whom, to which plan. Never personal data."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    actor = Column(String(60), nullable=False)
    action = Column(String(40), nullable=False)
    subject = Column(String(40), nullable=False, default="")
    detail = Column(Text, nullable=False, default="")
