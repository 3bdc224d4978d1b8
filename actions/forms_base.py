"""The shared base for every section form's validation (DESIGN §6).

- Detours first: a sign of risk, a request for a person, a question or stop/save is handled
  whatever question is open; the answer to that question is not lost, it is asked again.
  Asking to change another part of the plan goes there (actions/section_changes.py).
- Failed answers: `reject` says what was wrong; when the same question fails twice it is
  explained another way by the slot's `explain_<slot>` hook (default: `utter_explain_<slot>`),
  with an offer to skip it (where the section allows) or to talk to a person. A question is
  never asked a fourth time in a row: on the third failure the conversation pauses on it, with
  what is saved kept, and the person is offered to come back to it, skip it (where allowed) or
  talk to a person (`utter_stuck`, `utter_stuck_skippable`).
- Choice answers (`choose`): a sure reading is used; a middling one is put back to the person as
  one short question (`choice_check`, asked by action_ask_choice_check), whose yes re-runs the
  slot's validation with the checked choice, whose no counts as a failed answer, and whose
  anything-else is taken as a fresh answer to the question; a poor one is a failed answer.

Domain entries this base needs: slots `requested_slot`, `failed_attempts`, `paused`; responses
`utter_explain_<slot>` (or an `explain_<slot>` hook), `utter_skip_or_person`, `utter_person_offer`,
`utter_stuck`, `utter_stuck_skippable`, `utter_choice_not_that`; slot `choice_check` (custom
mapping) and action `action_ask_choice_check`.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import Any, Callable, Dict, FrozenSet, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import detours, section_changes
from actions.common import call, form_answered_by_user, latest_text, plan_reference, within_limits
from bot.answers.reading import Reading, answers_the_question, asks_back
from bot.parsing import parse_yes_no
from bot.safety.phrases import asks_for_person

REQUESTED_SLOT = "requested_slot"
FAILED_ATTEMPTS = "failed_attempts"
EXPLAIN_AFTER = 2
#: failures in a row after which a question is not asked again straight away
STOP_AFTER = 3
MAX_CHECKED_TEXT = 1000
#: a middling reading waiting for the person's yes or no: {"slot", "code", "text"}
CHOICE_CHECK = "choice_check"
#: what a skipped free-text answer is recorded as, so the plan shows it is still to be talked about
SKIPPED_ANSWER = "Not said yet. To talk about with the council."

_SKIP = re.compile(r"\b(skip|pass|move on|next question|come back to (it|that))\b", re.IGNORECASE)


def wants_to_skip(text: str) -> bool:
    return bool(_SKIP.search(text))


class SectionFormValidation(FormValidationAction):
    """Base for `validate_<form>` actions. Subclasses write `validate_<slot>` methods that
    return `self.accept(...)` or `self.reject(...)`, and may override `skip`."""

    #: slots whose question the person may skip (see `skip`)
    skippable: FrozenSet[str] = frozenset()

    @abstractmethod
    def name(self) -> str:
        """`validate_<form>`; abstract so the action server does not register this base."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested and form_answered_by_user(tracker):
            events = await self._instead_of_an_answer(requested, dispatcher, tracker)
            if events is None and requested == CHOICE_CHECK:
                events = await self._answer_to_check(dispatcher, tracker, domain)
            if events is not None:
                return await self._then_ask_next(events, dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)

    async def _answer_to_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """The reply to 'It sounds like …. Is that right?'."""
        pending = dict(tracker.get_slot(CHOICE_CHECK) or {})
        slot, text = pending.get("slot"), latest_text(tracker)
        events: List[EventType] = [SlotSet(CHOICE_CHECK, None)]
        validate = getattr(self, f"validate_{slot}", None) if slot else None
        if validate is None:
            return events
        answer, rest = parse_yes_no(text), _after_a_no(text)
        if answer is False and not rest:
            updates = self.reject(dispatcher, tracker, slot, "utter_choice_not_that")
        else:
            if answer is True:
                tracker.add_slots([SlotSet(CHOICE_CHECK, {**pending, "confirmed": True})])
                text = str(pending.get("text") or "")
            updates = await validate(rest or text, dispatcher, tracker, domain)
        return events + [SlotSet(name, value) for name, value in updates.items()]

    async def _instead_of_an_answer(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """A detour, a skip or a change to the plan, or None when the message is an answer."""
        detour = detours.detect(tracker.latest_message, in_form=True)
        if (
            detour in (detours.Detour.QUESTION, detours.Detour.HANDOFF)
            and not asks_for_person(latest_text(tracker))
            and not asks_back(latest_text(tracker))
            and await self.reads_as_answer(requested, tracker)
        ):
            detour = None  # 'social worker' answers 'who is making this plan?'; it is not a request
        if detour is not None:
            events = await detours.handle(detour, dispatcher, tracker)
            events.append(SlotSet(requested, None))
            if detour in (detours.Detour.PAUSE, detours.Detour.GOODBYE):
                events += [SlotSet("paused", True), SlotSet(REQUESTED_SLOT, None)]
            if detour is detours.Detour.START_AGAIN:
                events += self.start_again_events()
            return events
        current = tracker.get_slot("current_section")
        section = section_changes.section_asked_for(tracker.latest_message, current)
        if section is not None:
            ends_form = await section_changes.go_to_section(section, current, dispatcher, tracker)
            return [SlotSet(requested, None)] + ([SlotSet(REQUESTED_SLOT, None)] if ends_form else [])
        if requested in self.skippable and wants_to_skip(latest_text(tracker)):
            return await self.skip(requested, dispatcher, tracker)
        return await self.change_request(dispatcher, tracker)

    async def reads_as_answer(self, slot: str, tracker: Tracker) -> bool:
        """The message reads surely as an answer to `slot`'s question (by its choice model), so a
        question or a request for a person the intent model saw in it is not taken as a detour."""
        return answers_the_question(slot, tracker.latest_message)

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

    def start_again_events(self) -> List[EventType]:
        """What 'start this part again' clears, beyond the open question (nothing by default:
        what is already saved stays; the question is asked again)."""
        return []

    async def change_request(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[EventType]]:
        """A change to something already in the plan, said while a question is open ('remove the
        gardener', 'actually make that 8 hours'): the events that make it, or None when the
        message is an answer to the question. The question is then asked again."""
        return None

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Validate only what the person has just said; a form that is opening has nothing to
        check (the router clears its slots, and those empty values are not answers)."""
        if not form_answered_by_user(tracker):
            return []
        return await super().get_validation_events(dispatcher, tracker, domain)

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """What skipping `slot` means for this form. Only called for `skippable` slots."""
        raise NotImplementedError

    # --- answers -------------------------------------------------------------------------

    @staticmethod
    def _attempts(tracker: Tracker) -> Dict[str, int]:
        return dict(tracker.get_slot(FAILED_ATTEMPTS) or {})

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
        attempts = self._attempts(tracker)
        attempts[slot] = attempts.get(slot, 0) + 1
        if attempts[slot] >= STOP_AFTER:
            dispatcher.utter_message(response="utter_stuck_skippable" if slot in self.skippable else "utter_stuck")
            attempts[slot] = 0
            return {slot: None, FAILED_ATTEMPTS: attempts, "paused": True, REQUESTED_SLOT: None}
        if attempts[slot] >= EXPLAIN_AFTER:
            self.explain(slot, dispatcher, tracker)
            dispatcher.utter_message(
                response="utter_skip_or_person" if slot in self.skippable else "utter_person_offer"
            )
        else:
            dispatcher.utter_message(response=response, **response_args)
        return {slot: None, FAILED_ATTEMPTS: attempts}

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
    def check(slot: str, code: str, text: str, response: Optional[str] = None, **response_args: Any) -> Dict[str, Any]:
        """Slot updates that put `code` back to the person before it is used, with `response`
        (default: utter_confirm_choice with the choice's words from bot/choices.py CHECK_WORDS)."""
        pending = {"slot": slot, "code": code, "text": text[:MAX_CHECKED_TEXT]}
        if response is not None:
            pending.update(response=response, args=response_args)
        return {slot: None, CHOICE_CHECK: pending, REQUESTED_SLOT: CHOICE_CHECK}

    def explain(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        hook = getattr(self, f"explain_{slot}", None)
        if hook is not None:
            hook(dispatcher, tracker)
        else:
            dispatcher.utter_message(response=f"utter_explain_{slot}")


_LEADING_NO = re.compile(r"^\W*(?:no+|nope|nah|not quite|not really|wrong)\b[\s,.!;:-]*", re.IGNORECASE)


def _after_a_no(text: str) -> str:
    """What follows a no that goes on to give the answer ('no, I'm an adviser'), else ''."""
    match = _LEADING_NO.match(text)
    return text[match.end() :].strip() if match else ""


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

    async def _validate_answer(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[str, Any]:
        text = str(value or "").strip()
        if not is_meaningful(text):
            return self.reject(dispatcher, tracker, self.slot, self.too_short_response)
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


MIN_ANSWER_LENGTH = 3
_NOT_AN_ANSWER = {"dont know", "don't know", "not sure", "dunno", "idk", "no idea", "nothing", "none"}


def is_meaningful(text: str) -> bool:
    """At least a word or two, not only 'don't know' or punctuation."""
    cleaned = text.strip().lower().strip(".!?")
    return len(cleaned) >= MIN_ANSWER_LENGTH and cleaned not in _NOT_AN_ANSWER
