"""Choice answers (`choose`): a sure reading is used; a middling one is put back to the person as
one short question (`check`, asked by action_ask_choice_check in actions/choice_check.py), whose
yes re-runs the slot's validation with the checked choice, whose no counts as a failed answer, and
whose anything-else is taken as a fresh answer to the question; a poor one is a failed answer
(actions/forms/retries.py).

Domain entries: slots `choice_check` (custom mapping, and asked as a form question: the form
sets `requested_slot` to it) and `requested_slot`; responses `utter_choice_not_that`, `utter_figure_not_that`, and
`utter_confirm_choice` or the response a check names (said by action `action_ask_choice_check`);
besides those of retries.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text
from actions.forms.retries import Retries
from bot.answers.reading import Reading, asks_what_it_means
from bot.parsing import parse_yes_no
from bot.slot_names import CHOICE_CHECK, REQUESTED_SLOT

MAX_CHECKED_TEXT = 1000

_LEADING_NO = re.compile(r"^\W*(?:no+|nope|nah|not quite|not really|wrong)\b[\s,.!;:-]*", re.IGNORECASE)


def _after_a_no(text: str) -> str:
    """What follows a no that goes on to give the answer ('no, I'm an adviser'), else ''."""
    match = _LEADING_NO.match(text)
    return text[match.end() :].strip() if match else ""


class ChoiceChecks(Retries):
    def choose(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        slot: str,
        reading: Reading,
        text: str,
        response: str,
        **response_args: Any,
    ) -> tuple[Optional[str], Dict[str, Any]]:
        """The choice to use for `slot`, or None with the slot updates that check a middling
        reading with the person or reject a poor one (see the module docstring)."""
        confirmed = self.confirmed(tracker, slot)
        if confirmed is not None:
            return confirmed, {}
        if asks_what_it_means(text) and ("?" in text or not reading.sure):  # "wats an ISF?": not a choice
            self.explain(slot, dispatcher, tracker)
            return None, {slot: None, **self.asked_again(dispatcher, tracker, slot)}
        if reading.sure:
            return reading.code, {}
        if reading.to_check and reading.code is not None:
            return None, self.check(slot, reading.code, text)
        return None, self.reject(dispatcher, tracker, slot, response, **response_args)

    @staticmethod
    def confirmed(tracker: Tracker, slot: str) -> Optional[str]:
        """The reading the person has just said yes to for `slot`, if this validation follows one."""
        pending = tracker.get_slot(CHOICE_CHECK) or {}
        return pending.get("code") if pending.get("slot") == slot and pending.get("confirmed") else None

    @staticmethod
    def check(
        slot: str,
        code: str,
        text: str,
        response: Optional[str] = None,
        keep: Optional[Dict[str, Any]] = None,
        **response_args: Any,
    ) -> Dict[str, Any]:
        """Slot updates that put `code` back to the person before it is used, with `response`
        (default: utter_confirm_choice with the choice's words from bot/choices.py CHECK_WORDS).
        With `keep` (a change to an earlier answer), a no keeps those slots as they were and the
        form goes on with its question."""
        pending: Dict[str, Any] = {"slot": slot, "code": code, "text": text[:MAX_CHECKED_TEXT]}
        if keep is not None:
            pending["keep"] = keep
        if response is not None:
            pending.update(response=response, args=response_args)
        return {slot: None, CHOICE_CHECK: pending, REQUESTED_SLOT: CHOICE_CHECK}

    def check_figure(self, slot: str, code: str, text: str, response: str, **response_args: Any) -> Dict[str, Any]:
        """As `check`, for a figure ('So that's 26 hours a week in all?'): a no to it asks for the
        figure again in plain words (utter_figure_not_that), as there is nothing to pick."""
        updates = self.check(slot, code, text, response, **response_args)
        updates[CHOICE_CHECK]["not_that"] = "utter_figure_not_that"
        return updates

    async def answer_to_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The reply to 'It sounds like …. Is that right?'."""
        pending = dict(tracker.get_slot(CHOICE_CHECK) or {})
        slot, text = pending.get("slot"), latest_text(tracker)
        events: List[EventType] = [SlotSet(CHOICE_CHECK, None)]
        validate = getattr(self, f"validate_{slot}", None) if slot else None
        if validate is None or slot is None:
            return events
        answer, rest = parse_yes_no(text), _after_a_no(text)
        if "keep" in pending and (answer is False or rest):  # 'no, this way is fine': nothing changes
            dispatcher.utter_message(response="utter_choice_kept")
            kept = [SlotSet(name, value) for name, value in dict(pending["keep"]).items()]
            return events + kept + [SlotSet(REQUESTED_SLOT, None)]
        if answer is False and not rest:
            updates = self.reject(dispatcher, tracker, slot, pending.get("not_that") or "utter_choice_not_that")
        else:
            if answer is True:
                tracker.add_slots([SlotSet(CHOICE_CHECK, {**pending, "confirmed": True})])
                text = str(pending.get("text") or "")
            updates = await validate(rest or text, dispatcher, tracker, domain)
        return events + [SlotSet(name, value) for name, value in updates.items()]
