"""Spending against the plan (`supportplan import-spend`): what was spent from a payment card or
direct-payment account, and each file loaded.

Revision ID: 0009_spending
Revises: 0001 (it refers to the people table)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_spending"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spend_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spend_imports")),
        sa.UniqueConstraint("sha256", name=op.f("uq_spend_imports_sha256")),
    )
    op.create_table(
        "spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("amount_pence", sa.BigInteger(), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spending")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], ondelete="CASCADE", name=op.f("fk_spending_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["spend_imports.id"], ondelete="CASCADE", name=op.f("fk_spending_import_id_spend_imports")
        ),
    )
    op.create_index(op.f("ix_spending_person_id"), "spending", ["person_id"])
    op.create_index(op.f("ix_spending_import_id"), "spending", ["import_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_spending_import_id"), table_name="spending")
    op.drop_index(op.f("ix_spending_person_id"), table_name="spending")
    op.drop_table("spending")
    op.drop_table("spend_imports")
