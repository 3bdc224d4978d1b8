"""The SMS channel: its contacts (STOP list, last choices, rest of a long reply) and the replies
given to each inbound message id; an index to find a person by phone number.

Revision ID: 0002_sms
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_sms"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sms_contacts",
        sa.Column("number_hash", sa.String(64), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("more_text", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("number_hash", name=op.f("pk_sms_contacts")),
    )
    op.create_table(
        "sms_messages",
        sa.Column("message_sid", sa.String(64), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("message_sid", name=op.f("pk_sms_messages")),
    )
    op.create_index(op.f("ix_sms_messages_received_at"), "sms_messages", ["received_at"])
    op.create_index(op.f("ix_people_phone"), "people", ["phone"])


def downgrade() -> None:
    op.drop_index(op.f("ix_people_phone"), table_name="people")
    op.drop_index(op.f("ix_sms_messages_received_at"), table_name="sms_messages")
    op.drop_table("sms_messages")
    op.drop_table("sms_contacts")
