"""Escalating identity locks (lock count, last failure), locks per client, one-time codes.

Revision ID: 0005_identity_guard
Revises: 0004_identity_locks
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_identity_guard"
down_revision = "0004_identity_locks"
branch_labels = None
depends_on = None


def _failed_check_columns() -> list:
    return [
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lock_count", sa.Integer(), nullable=False, server_default="0"),
    ]


def upgrade() -> None:
    op.add_column("identity_locks", sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("identity_locks", sa.Column("lock_count", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "identity_client_locks",
        sa.Column("client_key", sa.String(64), nullable=False),
        *_failed_check_columns(),
        sa.PrimaryKeyConstraint("client_key", name=op.f("pk_identity_client_locks")),
    )
    op.create_table(
        "identity_codes",
        sa.Column("conversation_hash", sa.String(64), nullable=False),
        sa.Column("reference_hash", sa.String(64), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("wrong_tries", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversation_hash", name=op.f("pk_identity_codes")),
    )
    op.create_index(op.f("ix_identity_codes_expires_at"), "identity_codes", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_codes_expires_at"), table_name="identity_codes")
    op.drop_table("identity_codes")
    op.drop_table("identity_client_locks")
    with op.batch_alter_table("identity_locks") as batch:
        batch.drop_column("lock_count")
        batch.drop_column("last_failure_at")
