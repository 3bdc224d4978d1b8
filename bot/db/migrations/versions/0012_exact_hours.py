"""A service's hours a week exactly ('30/13' for 10 hours a month), kept beside the two places
shown, so that a later change of the rate alone is worked from the hours as said and rounded once.

Revision ID: 0012_exact_hours
Revises: 0011_skipped_questions
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_exact_hours"
down_revision = "0011_skipped_questions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("services") as batch:
        batch.add_column(sa.Column("exact_hours", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services") as batch:
        batch.drop_column("exact_hours")
