"""A review as JSON (money as '90.00' strings, times ISO 8601, missing answers null) and as plain
text for `supportplan export-review`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, List, Optional

from bot.money import format_pounds
from bot.plans.catalogue import RATINGS, REVIEW_STATUSES, SERVICE_CHANGES
from bot.plans.export import FILTERS, optional_money
from bot.reviews.views import ReviewView


def review_to_json(review: ReviewView) -> Dict[str, Any]:
    return {
        "review_id": review.id,
        "plan_reference": review.plan_reference,
        "new_plan_reference": review.new_plan_reference,
        "started_at": review.started_at.isoformat(),
        "finished_at": review.finished_at.isoformat() if review.finished_at else None,
        "channel": review.channel,
        "status": review.status,
        "outcome_ratings": [
            {"outcome_id": o.outcome_id, "text": o.text, "rating": o.rating, "words": o.words}
            for o in review.outcome_ratings
        ],
        "services": [
            {
                "service_id": s.service_id,
                "description": s.description,
                "happening": s.happening,
                "still_right": s.still_right,
                "cost_same": s.cost_same,
                "change": s.change,
                "words": s.words,
                "weekly_cost_before": optional_money(s.weekly_cost_before),
                "weekly_cost_after": optional_money(s.weekly_cost_after),
            }
            for s in review.services
        ],
        "life_changes": review.life_changes,
        "would_change": review.would_change,
        "needs_person": review.needs_person,
        "next_review_due": review.next_review_due.isoformat() if review.next_review_due else None,
    }


_day = FILTERS["day"]


def _answer(value: Optional[bool]) -> str:
    return "not asked" if value is None else ("yes" if value else "no")


def _cost(amount: Optional[Decimal]) -> str:
    return format_pounds(amount) if amount is not None else "none"


def review_to_text(review: ReviewView) -> str:
    """The review in plain English, in the order it is asked."""
    lines: List[str] = [
        f"Review of plan {review.plan_reference} ({REVIEW_STATUSES[review.status].label.lower()})",
        f"Started {_day(review.started_at)}"
        + (f", finished {_day(review.finished_at)}" if review.finished_at else "")
        + f", by {review.channel}.",
        "",
        "How things are going:",
    ]
    for outcome in review.outcome_ratings:
        rating = RATINGS[outcome.rating].label if outcome.rating else "Not asked yet"
        lines.append(f"- {outcome.text}: {rating}." + (f" {outcome.words}" if outcome.words else ""))
    lines += ["", "Support:"]
    for service in review.services:
        lines.append(
            f"- {service.description}: {SERVICE_CHANGES[service.change].label}. Happening: {_answer(service.happening)}; "
            f"still right: {_answer(service.still_right)}; costs the same: {_answer(service.cost_same)}. "
            f"A week: {_cost(service.weekly_cost_before)} before, {_cost(service.weekly_cost_after)} after."
            + (f" {service.words}" if service.words else "")
        )
    lines += [
        "",
        f"What has changed in my life: {review.life_changes or 'Nothing said.'}",
        f"What I would change: {review.would_change or 'Nothing said.'}",
        "An adviser will get in touch." if review.needs_person else "No adviser contact asked for.",
    ]
    if review.new_plan_reference:
        lines.append(f"The changes are in plan {review.new_plan_reference}, sent to the council to agree.")
    if review.next_review_due:
        lines.append(f"Next review due: {_day(review.next_review_due)}.")
    return "\n".join(lines)
