"""Failed answers, and explaining a question another way (DESIGN §6).

`reject` says what was wrong with an answer; when the same question fails twice it is explained
another way by the slot's `explain_<slot>` hook (default: the response `utter_explain_<slot>`),
with an offer to skip it (where the section allows) or to talk to a person. A question is never
asked a fourth time in a row: on the third failure the conversation pauses on it, with what is
saved kept, and the person is offered to come back to it, skip it (where allowed) or talk to a
person. `asked_again` counts a question asked again after an answer that did not fail (a
check-in) in the same count, so check-ins between failures do not make it a fourth time either.
`accept` keeps a valid answer and forgets the question's failures.

Domain entries: slots `failed_attempts`, `paused`, `paused_question`, `requested_slot`; responses
`utter_explain_<slot>` for each slot without an `explain_<slot>` hook, `utter_skip_or_person`,
`utter_person_offer`, `utter_stuck`, `utter_stuck_skippable`, `utter_leave_for_now`,
`utter_leave_for_now_skippable`.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.slot_names import FAILED_ATTEMPTS, PAUSED, PAUSED_QUESTION, REQUESTED_SLOT

EXPLAIN_AFTER = 2
#: failures in a row after which a question is not asked again straight away
STOP_AFTER = 3


class Retries:
    """`accept` and `reject` for `validate_<slot>` methods, which return what they give."""

    #: slots whose question the person may skip (set by actions/forms/skipping.py)
    skippable: FrozenSet[str]

    @staticmethod
    def _attempts(tracker: Tracker) -> Dict[str, int]:
        return dict(tracker.get_slot(FAILED_ATTEMPTS) or {})

    def _asked_once_more(self, tracker: Tracker, slot: str) -> Dict[str, int]:
        """The count of times in a row each question was asked, with `slot` counted once more."""
        attempts = self._attempts(tracker)
        attempts[slot] = attempts.get(slot, 0) + 1
        return attempts

    def accept(self, tracker: Tracker, slot: str, value: Any, **other_slots: Any) -> Dict[str, Any]:
        """A valid answer: keep it and forget earlier failures of this question."""
        attempts = self._attempts(tracker)
        attempts.pop(slot, None)
        return {slot: value, FAILED_ATTEMPTS: attempts, **other_slots}

    def reject(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        slot: str,
        response: str,
        **response_args: Any,
    ) -> Dict[str, Any]:
        """An answer we can't use: say why; on the second failure in a row explain the question
        another way; on the third, pause on it (see the module docstring). Nothing already
        recorded is touched."""
        attempts = self._asked_once_more(tracker, slot)
        if attempts[slot] >= STOP_AFTER:
            return self._pause(dispatcher, slot, attempts)
        if attempts[slot] >= EXPLAIN_AFTER:
            self.explain(slot, dispatcher, tracker)
            dispatcher.utter_message(
                response="utter_skip_or_person" if slot in self.skippable else "utter_person_offer"
            )
        else:
            dispatcher.utter_message(response=response, **response_args)
        return {slot: None, FAILED_ATTEMPTS: attempts}

    def asked_again(self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> Dict[str, Any]:
        """The question is to be asked again after an answer that did not fail (a check-in): it
        counts as a time asked in a row, and on the third the conversation pauses on it as after a
        third failure."""
        attempts = self._asked_once_more(tracker, slot)
        if attempts[slot] >= STOP_AFTER:
            return self._pause(dispatcher, slot, attempts, "utter_leave_for_now")
        return {FAILED_ATTEMPTS: attempts}

    def _pause(
        self, dispatcher: CollectingDispatcher, slot: str, attempts: Dict[str, int], response: str = "utter_stuck"
    ) -> Dict[str, Any]:
        """Stop asking `slot` for now (everything saved is kept) and say so with `response`, or
        its `_skippable` form when the person may skip the question. The next message may answer
        it (actions/forms/resuming.py)."""
        dispatcher.utter_message(response=f"{response}_skippable" if slot in self.skippable else response)
        attempts[slot] = 0
        return {slot: None, FAILED_ATTEMPTS: attempts, PAUSED: True, PAUSED_QUESTION: slot, REQUESTED_SLOT: None}

    def explain(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        hook = getattr(self, f"explain_{slot}", None)
        if hook is not None:
            hook(dispatcher, tracker)
        else:
            dispatcher.utter_message(response=f"utter_explain_{slot}")
