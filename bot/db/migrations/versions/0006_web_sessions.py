"""Chat page sessions: a hashed cookie value for each browser's conversation, rotated at the
identity check and ended after inactivity or by "finish and forget this device".

Revision ID: 0006_web_sessions
Revises: 0004_identity_locks
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_web_sessions"
down_revision = "0004_identity_locks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    op.create_index(op.f("ix_web_sessions_conversation_id"), "web_sessions", ["conversation_id"])
    op.create_index(op.f("ix_web_sessions_last_seen_at"), "web_sessions", ["last_seen_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_web_sessions_last_seen_at"), table_name="web_sessions")
    op.drop_index(op.f("ix_web_sessions_conversation_id"), table_name="web_sessions")
    op.drop_table("web_sessions")
