"""Skipping a question ("skip", "move on", "come back to it") where the section allows it: the
form's `skip` says what skipping means there (actions/forms/recording.py saves a free-text answer
as still to be talked about; the services form forgets the service being planned).

Domain entries: the slots in `skippable` (the form's own questions) and the responses the
form's `skip` says (`utter_skipped`, `utter_service_skipped`).
"""

from __future__ import annotations

import re
from typing import FrozenSet, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text

#: asking to skip; 'pass' only on its own or 'pass on this' (a 'bus pass' or 'train pass to college'
#: is support), and not 'a skip' or 'skip hire' (a skip for garden waste is support too)
_SKIP = re.compile(
    r"(?<!\ba )\bskip\b(?! hire)|\bpass on (?:this|that|it)\b|^\W*(?:i'?ll |i will |can i |just )?pass\b(?:\W+\w+){0,3}\W*$|"
    r"\bmove on\b|\bnext question\b|\bcome back to (?:it|that)\b",
    re.IGNORECASE,
)


def wants_to_skip(text: str) -> bool:
    return bool(_SKIP.search(text))


class Skipping:
    #: slots whose question the person may skip (see `skip`)
    skippable: FrozenSet[str] = frozenset()

    async def skip_request(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """The events of skipping `requested` when the message asks to and it may be skipped, else None."""
        if requested in self.skippable and wants_to_skip(latest_text(tracker)):
            return await self.skip(requested, dispatcher, tracker)
        return None

    async def skip(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """What skipping `slot` means for this form. Only called for `skippable` slots."""
        raise NotImplementedError
