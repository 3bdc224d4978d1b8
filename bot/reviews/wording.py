"""What the review conversation says that is worked out from the record: how spending compares
with the plan (item 3 of issue 16, never as blame), and the short read-back at the end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Optional

from sqlalchemy import select

from bot.council import council_rules
from bot.db.models import Plan
from bot.db.session import session_scope
from bot.money import format_pounds
from bot.plans.catalogue import RATINGS
from bot.reviews.views import ReviewView
from bot.slot_names import (
    REVIEW_ADD_SERVICE,
    REVIEW_COST_OK,
    REVIEW_COST_SAME,
    REVIEW_HAPPENING,
    REVIEW_STILL_RIGHT,
    REVIEW_STOP,
)
from bot.spending.plans import plan_spending

#: how a middling reading of a yes or no is put back to the person, by slot:
#: "It sounds like {words}. Is that right?"
YES_NO_CHECKS: Dict[str, Dict[str, str]] = {
    REVIEW_HAPPENING: {"yes": "it is happening", "no": "it isn't happening"},
    REVIEW_STILL_RIGHT: {"yes": "it's still right for you", "no": "it isn't right for you any more"},
    REVIEW_STOP: {"yes": "you'd like to stop it", "no": "you'd like to keep it"},
    REVIEW_COST_SAME: {"yes": "it costs the same", "no": "the cost has changed"},
    REVIEW_COST_OK: {"yes": "that cost is right", "no": "that cost isn't right"},
    REVIEW_ADD_SERVICE: {"yes": "you'd like to add some support", "no": "you don't want to add anything"},
}


@dataclass(frozen=True)
class SpendingWords:
    """How spending compares with the plan, a sentence a kind of support; the council's words on
    unspent money; and whether a difference is big enough for an adviser to look at."""

    sentences: List[str]
    unspent_money: str
    flagged: bool


def spending_words(review: ReviewView, today: date) -> Optional[SpendingWords]:
    """Spending against the reviewed plan up to `today`, or None when nothing was spent."""
    rules = council_rules()
    with session_scope() as session:
        plan = session.scalars(select(Plan).where(Plan.plan_reference == review.plan_reference)).one()
        spending = plan_spending(session, plan, today, rules)
        if spending is None:
            return None
        return SpendingWords(spending.sentences(), rules.unspent_money, bool(spending.flagged))


def rating_words(code: str) -> str:
    """'a bit better': a rating as said back in a sentence."""
    return RATINGS[code].label.lower()


def read_back(review: ReviewView) -> List[str]:
    """One short line for each thing said in the review, in the order asked."""
    lines = [f"{o.text}: {rating_words(o.rating)}." for o in review.outcome_ratings if o.rating is not None]
    for s in review.services:
        if s.change == "stopped":
            lines.append(f"{s.description}: to stop.")
        elif s.change in ("changed", "added") and s.weekly_cost_after is not None:
            new = "new, " if s.change == "added" else "now "
            lines.append(f"{s.description}: {new}{format_pounds(s.weekly_cost_after)} a week.")
        elif s.happening is not None or s.still_right is not None:
            lines.append(f"{s.description}: staying as it is.")
    if review.life_changes:
        lines.append(f"What has changed for you: {review.life_changes}")
    if review.would_change:
        lines.append(f"What you would change: {review.would_change}")
    return lines
