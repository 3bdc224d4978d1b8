"""People, budgets, plans, outcomes, services and the audit log.

Written by hand to match bot/db/models.py exactly, constraint names included
(tests/test_cli.py compares the migrated schema with the models on SQLite and PostgreSQL).
Names are wrapped in op.f() so the models' naming convention does not prefix them again.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("reference_key", sa.String(40), nullable=False),
        sa.Column("given_name", sa.String(100), nullable=False),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("postcode", sa.String(10), nullable=False),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("reference", name=op.f("uq_people_reference")),
        sa.UniqueConstraint("reference_key", name=op.f("uq_people_reference_key")),
    )
    op.create_table(
        "budgets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budgets")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_budgets_person_id_people"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("person_id", name=op.f("uq_budgets_person_id")),
        sa.CheckConstraint("period IN ('week', '4 weeks', 'month', 'year')", name=op.f("ck_budgets_period")),
        sa.CheckConstraint("amount_pence > 0", name=op.f("ck_budgets_amount_positive")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_reference", sa.String(20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("planned_by", sa.String(12), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("conversation_id", sa.String(120), nullable=True),
        sa.Column("budget_amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("budget_period", sa.String(10), nullable=False),
        sa.Column("important_to_me", sa.Text(), nullable=True),
        sa.Column("outcomes_complete", sa.Boolean(), nullable=False),
        sa.Column("services_complete", sa.Boolean(), nullable=False),
        sa.Column("management", sa.String(30), nullable=True),
        sa.Column("contingency", sa.Text(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agreed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_plans_person_id_people"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("plan_reference", name=op.f("uq_plans_plan_reference")),
        sa.CheckConstraint("status IN ('draft', 'submitted', 'agreed')", name=op.f("ck_plans_status")),
        sa.CheckConstraint("planned_by IN ('self', 'supporter', 'adviser')", name=op.f("ck_plans_planned_by")),
    )
    op.create_index(op.f("ix_plans_person_id"), "plans", ["person_id"])
    op.create_index(op.f("ix_plans_conversation_id"), "plans", ["conversation_id"])
    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("domain", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_outcomes_plan_id_plans"), ondelete="CASCADE"),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_outcomes_plan_id_position")),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(7, 2), nullable=True),
        sa.Column("unit_cost_pence", sa.BigInteger(), nullable=True),
        sa.Column("weekly_cost_pence", sa.BigInteger(), nullable=False),
        sa.Column("outcome_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_services_plan_id_plans"), ondelete="CASCADE"),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_services_plan_id_position")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])


def downgrade() -> None:
    for table in ("audit_log", "services", "outcomes", "plans", "budgets", "people"):
        op.drop_table(table)
