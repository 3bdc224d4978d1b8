"""What a council needs to sign a plan off (issue: sign-off): the assessment with the budget
(contribution, eligible needs, date), and on the plan its checks, direct-payment payee, who took
part, communication needs, how the copy goes, the review date; outcomes' wellbeing areas;
services' needs met and who is paid.

Revision ID: 0008_sign_off
Revises: 0001 (it changes the budgets, plans, outcomes and services tables)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_sign_off"
down_revision = "0001"
branch_labels = None
depends_on = None


def _json_list(name: str) -> sa.Column:
    """A list, empty for new rows; rows from before this migration hold null, read as empty."""
    return sa.Column(name, sa.JSON(), nullable=True)


def upgrade() -> None:
    for table in ("budgets", "plans"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("contribution_pence", sa.BigInteger(), nullable=True))
            batch.add_column(_json_list("eligible_needs"))
            batch.add_column(sa.Column("assessed_on", sa.Date(), nullable=True))
    with op.batch_alter_table("plans") as batch:
        batch.add_column(_json_list("checks"))
        batch.add_column(sa.Column("paid_to", sa.String(12), nullable=True))
        batch.add_column(sa.Column("payment_frequency", sa.String(10), nullable=True))
        batch.add_column(_json_list("involved"))
        batch.add_column(sa.Column("communication_needs", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("communication_detail", sa.Text(), nullable=True))
        batch.add_column(sa.Column("copy_route", sa.String(10), nullable=True))
        batch.add_column(_json_list("needs_met_elsewhere"))
        batch.add_column(_json_list("advice"))
        batch.add_column(sa.Column("review_due", sa.Date(), nullable=True))
    with op.batch_alter_table("outcomes") as batch:
        batch.add_column(_json_list("wellbeing_areas"))
    with op.batch_alter_table("services") as batch:
        batch.add_column(sa.Column("need_codes", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("payee_relation", sa.String(30), nullable=True))
        batch.add_column(sa.Column("payee_lives_with", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services") as batch:
        for name in ("payee_lives_with", "payee_relation", "need_codes"):
            batch.drop_column(name)
    with op.batch_alter_table("outcomes") as batch:
        batch.drop_column("wellbeing_areas")
    with op.batch_alter_table("plans") as batch:
        for name in (
            "review_due",
            "advice",
            "needs_met_elsewhere",
            "copy_route",
            "communication_detail",
            "communication_needs",
            "involved",
            "payment_frequency",
            "paid_to",
            "checks",
        ):
            batch.drop_column(name)
    for table in ("plans", "budgets"):
        with op.batch_alter_table(table) as batch:
            for name in ("assessed_on", "eligible_needs", "contribution_pence"):
                batch.drop_column(name)
