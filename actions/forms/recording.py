"""Recording answers: what counts as an answer to a free-text question (`is_meaningful`), a
slot's value once pending updates apply (`slot_value`), and `FreeTextFormValidation`, a form of
one free-text question whose answer is saved to the plan as soon as it is given, and which may be
skipped (saved as still to be talked about).

Domain entries: slot `plan_reference` and the form's own `slot`; responses the form's
`too_short_response` and `noted_response`, `utter_question_not_answer` (a question alone is not
kept as the answer) and `utter_skipped`; besides those of the base.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, FrozenSet, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import call, plan_reference, within_limits
from actions.forms.base import SectionFormValidation
from bot.answers.reading import only_a_question
from bot.config import get_settings

#: what a skipped free-text answer is recorded as, so the plan shows it is still to be talked about
SKIPPED_ANSWER = "Not said yet. To talk about with the council."
MIN_ANSWER_LENGTH = 3
_NOT_AN_ANSWER = {"dont know", "don't know", "not sure", "dunno", "idk", "no idea", "nothing", "none"}


def is_meaningful(text: str) -> bool:
    """At least a word or two, not only 'don't know' or punctuation."""
    cleaned = text.strip().lower().strip(".!?")
    return len(cleaned) >= MIN_ANSWER_LENGTH and cleaned not in _NOT_AN_ANSWER


def slot_value(tracker: Tracker, updates: Dict[str, Any], name: str) -> Optional[Any]:
    """A slot's value as it will be once `updates` are applied."""
    return updates[name] if name in updates else tracker.get_slot(name)


class FreeTextFormValidation(SectionFormValidation):
    """A form of one free-text question that is saved to the plan as soon as it is answered,
    and may be skipped (saved as still to be talked about)."""

    slot: str
    too_short_response: str
    #: bot/plans/service function saving the answer: save(plan_reference, text)
    save: Callable[[str, str], None]
    noted_response: Optional[str] = None

    @property
    def skippable(self) -> FrozenSet[str]:  # type: ignore[override]
        return frozenset({self.slot})

    @property
    def open_questions(self) -> FrozenSet[str]:  # type: ignore[override]
        return frozenset({self.slot})

    async def _validate_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, self.slot, self.too_short_response)
        if only_a_question(text):  # a question the answers could not answer is not kept as the answer
            council_phone = get_settings().council_phone
            return self.reject(dispatcher, tracker, self.slot, "utter_question_not_answer", council_phone=council_phone)
        saved, _ = await within_limits(dispatcher, type(self).save, plan_reference(tracker), text)
        if not saved:
            return {self.slot: None}
        if self.noted_response:
            dispatcher.utter_message(response=self.noted_response)
        return self.accept(tracker, self.slot, text)

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        await call(type(self).save, plan_reference(tracker), SKIPPED_ANSWER)
        dispatcher.utter_message(response="utter_skipped")
        return [SlotSet(slot, SKIPPED_ANSWER)]
