"""The catalogue: each fixed vocabulary of a plan defined once, with its codes (as in the plan JSON and
the database, DESIGN §5), its order, its plain-English labels and the words people use for it.

Python derives from it (bot.choices, bot.plans, bot.reporting, bot.db.models, actions); what cannot
import it (the domain's buttons, the rules, the migrations, the templates) is checked against it by
tests/test_catalogue.py."""

from bot.plans.catalogue.advice import ADVICE_TOPICS
from bot.plans.catalogue.assessment import (
    CHECKS,
    COMMUNICATION_NEEDS,
    COPY_ROUTES,
    INVOLVED_ROLES,
    NEEDS,
    OUTCOME_DOMAINS,
    PAYEES,
    PAYMENT_FREQUENCIES,
    WELLBEING_AREAS,
    Check,
    Need,
    Payee,
)
from bot.plans.catalogue.management import MANAGEMENT, Management
from bot.plans.catalogue.review import RATINGS, REVIEW_STATUSES, SERVICE_CHANGES, Rating
from bot.plans.catalogue.sections import SECTIONS, Section
from bot.plans.catalogue.services import BUDGET_PERIODS, CATEGORIES, COST_PERIODS, PERIOD_WORDS, Category, Period
from bot.plans.catalogue.status import FLAGS, STATUSES, Flag, Status
from bot.plans.catalogue.terms import Term, Vocabulary

__all__ = [
    "ADVICE_TOPICS",
    "CHECKS",
    "COMMUNICATION_NEEDS",
    "COPY_ROUTES",
    "INVOLVED_ROLES",
    "NEEDS",
    "OUTCOME_DOMAINS",
    "PAYEES",
    "PAYMENT_FREQUENCIES",
    "WELLBEING_AREAS",
    "Check",
    "Need",
    "Payee",
    "BUDGET_PERIODS",
    "CATEGORIES",
    "COST_PERIODS",
    "FLAGS",
    "MANAGEMENT",
    "PERIOD_WORDS",
    "RATINGS",
    "REVIEW_STATUSES",
    "SERVICE_CHANGES",
    "SECTIONS",
    "STATUSES",
    "Category",
    "Flag",
    "Management",
    "Period",
    "Rating",
    "Section",
    "Status",
    "Term",
    "Vocabulary",
]
