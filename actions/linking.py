"""Which items on a list a service helps with: the plan's outcomes, or the needs from the
assessment. Both are asked the same way (a numbered list with a button each, and 'all' or
'none') and read the same way (bot/parsing/edits.py `items_chosen`: numbers, 'all', 'none',
names, 'all but the second')."""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from rasa_sdk.executor import CollectingDispatcher

from actions.forms.skipping import wants_to_skip
from actions.plan_changes import numbered
from bot.parsing.edits import Item, items_chosen, items_guessed
from bot.parsing.needs import need_phrases, need_words
from bot.plans.catalogue import NEEDS
from bot.plans.views import PlanView

BUTTON_TITLE_LENGTH = 60
#: a guess of no items, as put back to the person ("So it helps with: none of them. Is that right?")
NONE_OF_THEM = "none of them"
_ALL_OR_NONE = [{"title": "All of them", "payload": "all"}, {"title": "None of them", "payload": "none"}]


def ask_which(dispatcher: CollectingDispatcher, items: Sequence[Item], response: str, **args: Optional[str]) -> None:
    """Say `response` with the items as a numbered list (`item_list`) and a button for each."""
    buttons = [{"title": words[:BUTTON_TITLE_LENGTH], "payload": str(item_id)} for item_id, words in items]
    dispatcher.utter_message(response=response, item_list=numbered(items), buttons=buttons + _ALL_OR_NONE, **args)


def items_picked(text: str, items: Sequence[Item]) -> Optional[List[int]]:
    """The ids the reply picks ([] for 'none' or 'skip'), or None when it can't be read. Phrases
    that name a need ('getting me out') are read as its word first."""
    return [] if wants_to_skip(text) else items_chosen(need_phrases(text), items)


def items_guess(text: str, items: Sequence[Item]) -> Optional[List[int]]:
    """A best guess to put back to the person when `items_picked` cannot read the reply: all for
    a hedged all, [] for a hedged none (bot/parsing/edits.py `items_guessed`); else None."""
    return items_guessed(need_phrases(text), items)


def picked_by_words(text: str, items: Sequence[Item]) -> bool:
    """True when the reply picks items by their words ('washing and meals'), not only by number,
    'all' or 'none': such a reading of words the person did not write is checked with them."""
    return items_picked(text, [(item_id, "") for item_id, _ in items]) != items_picked(text, items)


def need_items(plan: PlanView, with_words: bool = False) -> List[Item]:
    """The assessed needs, numbered from 1 in the assessment's order, by their plain labels (and,
    `with_words`, the words people use for each one, for reading a reply by its words)."""
    return [
        (number, need_words(code) if with_words else NEEDS[code].label)
        for number, code in enumerate(plan.budget.eligible_needs, start=1)
    ]


def need_codes(plan: PlanView, numbers: Sequence[int]) -> Tuple[str, ...]:
    """The need codes of the numbers picked from `need_items`."""
    needs = plan.budget.eligible_needs
    return tuple(needs[number - 1] for number in sorted(set(numbers)) if 0 < number <= len(needs))
