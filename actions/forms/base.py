"""`SectionFormValidation`: the base of every `validate_<form>` action, composed of the concerns
in this package. When the person replies to a question, the message is tried, in this order, as
a detour, a change of section, a skip and a change to what the plan already holds, and only then
validated as an answer (or as the reply to a choice check). A form opening after a pause first
tries the latest message as the answer to the paused question (resuming.py).

Domain entries: slot `requested_slot`, besides those of detours, section_changes, resuming,
skipping, choice_checks and retries (see their docstrings).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.common import form_answered_by_user
from actions.forms.choice_checks import ChoiceChecks
from actions.forms.detours import Detours
from actions.forms.resuming import Resuming
from actions.forms.section_changes import SectionChanges
from bot.slot_names import CHOICE_CHECK, REQUESTED_SLOT


class SectionFormValidation(Detours, SectionChanges, Resuming, ChoiceChecks, FormValidationAction):
    """Base for `validate_<form>` actions. Subclasses write `validate_<slot>` methods that
    return `self.accept(...)` or `self.reject(...)` (or use `self.choose(...)`), and may
    override `skippable`, `skip`, `change_request`, `reads_as_answer` and `start_again_events`."""

    @abstractmethod
    def name(self) -> str:
        """`validate_<form>`; abstract so the action server does not register this base."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested and form_answered_by_user(tracker):
            events = await self._instead_of_an_answer(requested, dispatcher, tracker)
            if events is None and requested == CHOICE_CHECK:
                events = await self.answer_to_check(dispatcher, tracker, domain)
            if events is not None:
                return await self._then_ask_next(events, dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)

    async def _instead_of_an_answer(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """A detour, a change of section, a skip or a change to the plan, or None when the
        message is an answer."""
        for handled in (self.detour, self.section_change, self.skip_request):
            events = await handled(requested, dispatcher, tracker)
            if events is not None:
                return events
        return await self.change_request(dispatcher, tracker)

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """A change to something already in the plan, said while a question is open ('remove the
        gardener', 'actually make that 8 hours'): the events that make it, or None when the
        message is an answer to the question. The question is then asked again."""
        return None

    async def _then_ask_next(
        self, events: List[EventType], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Add which question comes next (forms with dynamic questions work it out here, as
        FormValidationAction does after validating), unless the events already decide it."""
        if any(e.get("event") == "slot" and e.get("name") == REQUESTED_SLOT for e in events):
            return events
        tracker.add_slots(events)
        following = await self.next_requested_slot(dispatcher, tracker, domain)
        return events + ([following] if following else [])

    async def _extract_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """As rasa_sdk's, except that a validation that ends the form (a pause, a lock) is not
        overruled by the next question when the form works out its own questions."""
        events = await self.get_validation_events(dispatcher, tracker, domain)
        return await self._then_ask_next(events, dispatcher, tracker, domain)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Validate only what the person has just said; a form that is opening has nothing to
        check (the router clears its slots, and those empty values are not answers), except a
        message sent after a pause, which may answer the paused question (resuming.py), and an
        answer given before its question was asked (`said_before_asked`)."""
        if not form_answered_by_user(tracker):
            asking = await self._asking_now(dispatcher, tracker, domain)
            resumed = await self.resumed_answer(asking, dispatcher, tracker, domain)
            return resumed or self.said_before_asked(asking, tracker)
        return await super().get_validation_events(dispatcher, tracker, domain)

    def said_before_asked(self, asking: Optional[str], tracker: Tracker) -> List[EventType]:
        """As the form opens, asking `asking` first: the events of an answer the person gave before
        the question was asked (none by default; the identity form reads a first message)."""
        return []

    async def _asking_now(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Optional[str]:
        """The question the form asks next: its first required slot still empty."""
        return next(iter(await self._still_asked(dispatcher, tracker, domain)), None)

    async def _still_asked(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[str]:
        """The form's required slots still empty, in the order they are asked."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        return [slot for slot in required if tracker.get_slot(slot) is None]
