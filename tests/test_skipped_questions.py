"""A sign-off question the person skipped is kept on the plan (`skipped_questions`, migration
0011), so a person who comes back in a new conversation is not asked it again, and the plan and
the console can say it was skipped. The actions that record it are tested in
tests/actions/test_resuming_sign_off.py."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.budgets.source import BudgetFigures
from bot.db.migrate import alembic_config, upgrade
from bot.db.models import Base
from bot.db.session import get_engine
from bot.plans import service
from bot.plans.export import plan_to_text
from tests.support.databases import BACKENDS, postgres_database, sqlite_database


def test_a_skip_is_kept_once_and_cleared_by_an_answer(demo_person: str) -> None:
    ref = service.open_plan(demo_person, "self", "rest", "c", BudgetFigures.of(Decimal(250), "week")).plan_reference
    assert service.get_plan(ref).skipped_questions == ()
    service.skip_question(ref, "paid_to")
    service.skip_question(ref, "communication_needs")
    service.skip_question(ref, "paid_to")
    assert service.get_plan(ref).skipped_questions == ("paid_to", "communication_needs")
    service.set_management(ref, "direct_payment")
    service.set_paid_to(ref, "person")
    assert service.get_plan(ref).skipped_questions == ("communication_needs",)


def test_the_person_s_copy_says_a_skipped_question_is_still_to_talk_about(demo_person: str) -> None:
    ref = service.open_plan(demo_person, "self", "rest", "c", BudgetFigures.of(Decimal(250), "week")).plan_reference
    service.skip_question(ref, "communication_needs")
    assert "Not said yet. To talk about with the council." in plan_to_text(service.get_plan(ref))


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_skipped_questions_migration_goes_up_and_down(backend: str, tmp_path: Path) -> None:
    fresh = sqlite_database(tmp_path) if backend == "sqlite" else postgres_database()
    with fresh as url:
        upgrade(url)
        engine = get_engine(url)
        try:
            assert "skipped_questions" in {c["name"] for c in inspect(engine).get_columns("plans")}
            command.downgrade(alembic_config(url), "0010_reviews")
            assert "skipped_questions" not in {c["name"] for c in inspect(engine).get_columns("plans")}
            upgrade(url)
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []
        finally:
            engine.dispose()
            get_engine.cache_clear()
