"""Adviser accounts: server-side console sessions (revocable, with an idle timeout), a disabled
flag, and an optional second step (TOTP, its secret kept encrypted; the last code's time step is
kept so a code cannot be used twice).

Revision ID: 0007_adviser_sessions
Revises: 0004_identity_locks, 0003_advisers (it changes the advisers table)
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_adviser_sessions"
down_revision = ("0004_identity_locks", "0003_advisers")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("advisers", sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("advisers", sa.Column("totp_secret", sa.Text(), nullable=True))
    op.add_column("advisers", sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
    op.create_table(
        "adviser_sessions",
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("adviser_id", sa.Integer(), nullable=False),
        sa.Column("awaiting_code", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_adviser_sessions")),
        sa.ForeignKeyConstraint(
            ["adviser_id"], ["advisers.id"], ondelete="CASCADE", name=op.f("fk_adviser_sessions_adviser_id_advisers")
        ),
    )
    op.create_index(op.f("ix_adviser_sessions_adviser_id"), "adviser_sessions", ["adviser_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_adviser_sessions_adviser_id"), table_name="adviser_sessions")
    op.drop_table("adviser_sessions")
    with op.batch_alter_table("advisers") as batch:
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
        batch.drop_column("disabled_at")
