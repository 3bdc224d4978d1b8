"""Adviser logins for the console (password hashes, roles, lockout after failed logins).

Revision ID: 0003_advisers
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_advisers"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advisers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisers")),
        sa.UniqueConstraint("email", name=op.f("uq_advisers_email")),
        sa.CheckConstraint("role IN ('adviser', 'manager')", name=op.f("ck_advisers_role")),
    )


def downgrade() -> None:
    op.drop_table("advisers")
