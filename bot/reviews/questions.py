"""Which question of a review comes next (the review conversation, actions/review_form.py).

A review asks, in order: how each outcome of the agreed plan is going; for each service, is it
happening, is it still right (if not, whether to stop it), does it still cost the same (if not,
its new cost); whether to add any new support; what has changed in the person's life; and what
they would change. What is already recorded in the review is not asked again, so a review that
stops part way resumes where it left off. `passed` holds the questions the person skipped or
answered in a way the record keeps no trace of ("no" to a change of cost that was then kept,
"no more support", "nothing has changed"), as `Question.key`s."""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Iterator, Mapping, Optional, Sequence

from bot.reviews.views import ReviewView, ServiceCheckView

RATING = "rating"
HAPPENING = "happening"
STILL_RIGHT = "still_right"
STOP = "stop"
COST_SAME = "cost_same"
NEW_COST = "new_cost"
ADD = "add"
LIFE = "life"
WOULD = "would"
#: said, not asked: how spending compares with the plan, once, before the questions about life
SPENDING = "spending"


@dataclass(frozen=True)
class Question:
    """One question of the review: its kind and the outcome or service it is about (None for the
    questions about the whole review)."""

    kind: str
    item: Optional[int] = None

    @property
    def key(self) -> str:
        return self.kind if self.item is None else f"{self.kind}:{self.item}"


def _service_questions(service: ServiceCheckView) -> Iterator[Question]:
    """The questions still to ask about one service of the reviewed plan."""
    if service.change in ("stopped", "added"):
        return
    number = service.service_id
    if service.happening is None:
        yield Question(HAPPENING, number)
    if service.still_right is None:
        yield Question(STILL_RIGHT, number)
    elif service.still_right is False:
        yield Question(STOP, number)
    if service.cost_same is None:
        yield Question(COST_SAME, number)
    elif service.cost_same is False and service.change == "kept":
        yield Question(NEW_COST, number)


def questions_left(review: ReviewView) -> Iterator[Question]:
    """Every question still to ask, in order."""
    for outcome in review.outcome_ratings:
        if outcome.rating is None:
            yield Question(RATING, outcome.outcome_id)
    for service in review.services:
        yield from _service_questions(service)
    yield Question(ADD)
    if review.life_changes is None:
        yield Question(LIFE)
    if review.would_change is None:
        yield Question(WOULD)


def next_question(review: ReviewView, passed: AbstractSet[str]) -> Optional[Question]:
    """The next question of the review, or None when everything has been asked."""
    return next((q for q in questions_left(review) if q.key not in passed), None)


def own_words(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    """What the person said beyond picking a choice ('loads better, I go out now'), kept with
    their answer; None for a bare choice ('2', 'a bit better', a button)."""
    said = " ".join(text.lower().strip(" .!").split())
    if not said or said.isdigit() or any(said == word.lower() for words in choices.values() for word in words):
        return None
    return text.strip()
