"""Coming back to the question a pause stopped on (retries.py pauses on the third failure).

The pause says "send me a message and we'll try it again", so the next message is often the
answer itself ("ok 10 then"). The router (actions/plan.py) reopens the section without a welcome
when the message may be one (`may_answer`); as the form opens, `resumed_answer` takes the message
as the answer to the paused question, if that is the question the form asks now: a skip where the
question may be skipped, else through the question's own `validate_<slot>`. An answer it can use
is kept as if given to the question (with whatever that question says about it); one it can't is
not counted as a failure: the person is welcomed back and the question is asked.

Domain entries: slots `paused_question`, `failed_attempts`, `requested_slot`; response
`utter_welcome_back`; those of skipping.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text
from actions.forms.skipping import Skipping
from bot.parsing.replies import only_a_return
from bot.slot_names import FAILED_ATTEMPTS, PAUSED, PAUSED_QUESTION, REQUESTED_SLOT


def may_answer(tracker: Tracker) -> bool:
    """The conversation paused on a question and the latest message could be its answer (it is
    more than 'hi, I'm back')."""
    return bool(tracker.get_slot(PAUSED_QUESTION)) and not only_a_return(latest_text(tracker))


def _failures(slots: Dict[str, Any], question: str) -> int:
    return int(dict(slots.get(FAILED_ATTEMPTS) or {}).get(question, 0))


class Resuming(Skipping):
    async def resumed_answer(
        self, asking: Optional[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """As the form opens, asking `asking` first: the events of the latest message as the answer
        to the paused question, or of welcoming the person back (none when nothing was paused)."""
        question = tracker.get_slot(PAUSED_QUESTION)
        if not question:
            return []
        forget: List[EventType] = [SlotSet(PAUSED_QUESTION, None)]
        if question == asking and may_answer(tracker):
            answered = await self._as_answer(question, dispatcher, tracker, domain)
            if answered is not None:
                return forget + answered
        dispatcher.utter_message(response="utter_welcome_back")
        return forget

    async def _as_answer(
        self, question: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Optional[List[EventType]]:
        """The events of `question` answered by the latest message, or None when it fails there
        (what the question would have said about a failure is not said)."""
        skipped = await self.skip_request(question, dispatcher, tracker)
        if skipped is not None:
            return skipped
        validate = getattr(self, f"validate_{question}", None)
        if validate is None:
            return None
        before = _failures(tracker.slots, question)
        text = latest_text(tracker)
        tracker.slots.update({question: text, REQUESTED_SLOT: question})
        trying = CollectingDispatcher()
        result: Dict[str, Any] = await validate(text, trying, tracker, domain)
        if result.get(PAUSED) or (FAILED_ATTEMPTS in result and _failures(result, question) > before):
            tracker.slots[question] = None
            return None
        dispatcher.messages.extend(trying.messages)
        return [SlotSet(slot, value) for slot, value in result.items()]
