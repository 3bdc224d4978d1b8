"""Sign-off questions the person skipped, kept on the plan (who receives a direct payment, the
helper's name, how the person needs information), so they are not asked again when the person
comes back, and the plan and the console can say they were skipped.

Revision ID: 0011_skipped_questions
Revises: 0010_reviews
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_skipped_questions"
down_revision = "0010_reviews"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("skipped_questions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("skipped_questions")
