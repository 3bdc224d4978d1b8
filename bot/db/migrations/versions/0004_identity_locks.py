"""Identity lockouts per person reference (kept as a keyed hash), across conversations.

Revision ID: 0004_identity_locks
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_identity_locks"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identity_locks",
        sa.Column("reference_hash", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("reference_hash", name=op.f("pk_identity_locks")),
    )


def downgrade() -> None:
    op.drop_table("identity_locks")
