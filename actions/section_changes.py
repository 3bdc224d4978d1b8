"""Going to another part of the plan while a question is open: "can I change my outcomes?"
said during the support questions. The summary has its own way in (actions/plan.py).

- An earlier part: it is opened again and this form ends; the router then opens that part, and
  comes back to this one afterwards, because this part is still unfinished.
- A later part already answered (after coming back from the summary): it is opened again and
  this question carries on; the router reaches it after this part.
- A later part not answered yet: the person is told it comes soon; this question carries on.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import call, plan_reference
from bot.parsing.sections import section_named
from bot.plans import catalogue, service
from bot.plans.sections import REOPENABLE, SECTIONS, section_done

#: how sure the classifier must be, inside a form, that the message asks to change a part
CONFIDENCE = 0.85
INTENT = "change_section"
#: how each part is named to the person (neutral: a relative or adviser may be planning)
SECTION_TITLES = {section: catalogue.SECTIONS[section].title for section in REOPENABLE}


def section_asked_for(message: Dict[str, Any], current: Optional[str]) -> Optional[str]:
    """The part of the plan the message asks to change, when it is not the part open now."""
    intent = message.get("intent") or {}
    if current not in REOPENABLE or intent.get("name") != INTENT or float(intent.get("confidence") or 0.0) < CONFIDENCE:
        return None
    section = section_named(message.get("text") or "", guess=False)  # "I want to change my diet" is an outcome
    return section if section != current else None


async def go_to_section(section: str, current: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Opens `section` again where that makes sense and says what happens next. True when the
    person is to go there now, so the open form should end."""
    reference = plan_reference(tracker)
    title = SECTION_TITLES[section]
    if SECTIONS.index(section) < SECTIONS.index(current):
        await call(service.reopen_section, reference, section)
        dispatcher.utter_message(response="utter_going_back_to_section", section_title=title)
        return True
    plan = await call(service.get_plan, reference)
    if section_done(plan, section):
        await call(service.reopen_section, reference, section)
        dispatcher.utter_message(response="utter_change_section_after_this", section_title=title)
    else:
        dispatcher.utter_message(response="utter_section_still_to_come", section_title=title)
    return False
