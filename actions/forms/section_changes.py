"""Asking, while a question is open, to change another part of the plan ("can I change my
outcomes?") goes there (actions/section_changes.py says how): to an earlier part at once, ending
this form; to a later one after this part.

Domain entries: slots `current_section`, `requested_slot`, `plan_reference`; responses
`utter_going_back_to_section`, `utter_change_section_after_this`, `utter_section_still_to_come`.
"""

from __future__ import annotations

from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import section_changes
from bot.slot_names import CURRENT_SECTION, REQUESTED_SLOT


class SectionChanges:
    async def section_change(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """The events of going to the part of the plan the message asks for, or None."""
        current = tracker.get_slot(CURRENT_SECTION)
        section = section_changes.section_asked_for(tracker.latest_message, current)
        if section is None:
            return None
        ends_form = await section_changes.go_to_section(section, current, dispatcher, tracker)
        return [SlotSet(requested, None)] + ([SlotSet(REQUESTED_SLOT, None)] if ends_form else [])
