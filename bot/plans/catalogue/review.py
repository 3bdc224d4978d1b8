"""A review of an agreed plan (Care Act s.27): how each outcome is going, where a review is up to,
and what happened to each service. Codes are as in the review JSON and the database."""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Rating(Term):
    """How an outcome is going since the plan was agreed. `needs_a_person`: an adviser should look
    at the review (a review with such a rating is marked `needs_person` when it is finished)."""

    needs_a_person: bool = False


RATINGS: Vocabulary[Rating] = Vocabulary(
    Rating("much_better", ("Much better", "much better", "a lot better", "loads better", "great", "really well")),
    Rating("a_bit_better", ("A bit better", "a bit better", "a little better", "slightly better", "better", "ok")),
    Rating("no_change", ("No change", "no change", "the same", "same as before", "no different", "not changed")),
    Rating("worse", ("Worse", "worse", "getting worse", "not good", "badly", "harder"), needs_a_person=True),
)

REVIEW_STATUSES: Vocabulary[Term] = Vocabulary(
    Term("in_progress", ("Being reviewed",)),
    Term("done", ("Review finished",)),
)

#: what a review did to one service: `kept` as it was (checked only), its cost `changed`, `stopped`,
#: or `added` by the review
SERVICE_CHANGES: Vocabulary[Term] = Vocabulary(
    Term("kept", ("Kept as it was",)),
    Term("changed", ("Cost changed",)),
    Term("stopped", ("Stopped",)),
    Term("added", ("Added at the review",)),
)
