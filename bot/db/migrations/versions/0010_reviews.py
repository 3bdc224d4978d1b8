"""Reviews of agreed plans (issue: a review conversation): each review with its outcome ratings and
service checks, and plan versions (a review that changes something makes a new plans row that
replaces the one reviewed).

Revision ID: 0010_reviews
Revises: 0009_spending (it changes the plans table of 0001 and comes after the spending tables)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_reviews"
down_revision = "0009_spending"
branch_labels = None
depends_on = None


def _review_id(table: str) -> sa.Column:
    return sa.Column(
        "review_id",
        sa.Integer(),
        sa.ForeignKey("reviews.id", ondelete="CASCADE", name=op.f(f"fk_{table}_review_id_reviews")),
        nullable=False,
    )


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("replaces_plan_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_plans_replaces_plan_id_plans"), "plans", ["replaces_plan_id"], ["id"], ondelete="SET NULL"
        )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("new_plan_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("life_changes", sa.Text(), nullable=True),
        sa.Column("would_change", sa.Text(), nullable=True),
        sa.Column("needs_person", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE", name=op.f("fk_reviews_plan_id_plans")),
        sa.ForeignKeyConstraint(
            ["new_plan_id"], ["plans.id"], ondelete="SET NULL", name=op.f("fk_reviews_new_plan_id_plans")
        ),
        sa.CheckConstraint("status IN ('in_progress', 'done')", name=op.f("ck_reviews_status")),
    )
    op.create_index(op.f("ix_reviews_plan_id"), "reviews", ["plan_id"])
    op.create_table(
        "review_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        _review_id("review_outcomes"),
        sa.Column("outcome_number", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(20), nullable=False),
        sa.Column("words", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_outcomes")),
        sa.UniqueConstraint("review_id", "outcome_number", name=op.f("uq_review_outcomes_review_id_outcome_number")),
        sa.CheckConstraint(
            "rating IN ('much_better', 'a_bit_better', 'no_change', 'worse')", name=op.f("ck_review_outcomes_rating")
        ),
    )
    op.create_table(
        "review_services",
        sa.Column("id", sa.Integer(), nullable=False),
        _review_id("review_services"),
        sa.Column("service_number", sa.Integer(), nullable=False),
        sa.Column("happening", sa.Boolean(), nullable=True),
        sa.Column("still_right", sa.Boolean(), nullable=True),
        sa.Column("cost_same", sa.Boolean(), nullable=True),
        sa.Column("words", sa.Text(), nullable=True),
        sa.Column("change", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_services")),
        sa.UniqueConstraint("review_id", "service_number", name=op.f("uq_review_services_review_id_service_number")),
        sa.CheckConstraint("change IN ('kept', 'changed', 'stopped', 'added')", name=op.f("ck_review_services_change")),
    )


def downgrade() -> None:
    op.drop_table("review_services")
    op.drop_table("review_outcomes")
    op.drop_index(op.f("ix_reviews_plan_id"), table_name="reviews")
    op.drop_table("reviews")
    with op.batch_alter_table("plans") as batch:
        batch.drop_constraint(op.f("fk_plans_replaces_plan_id_plans"), type_="foreignkey")
        batch.drop_column("replaces_plan_id")
        batch.drop_column("version")
