"""Event classes found by name once, not on every event read.

Rasa 3.6 turns each stored event back into an object by walking every subclass of `Event`
until one has the stored type name: about 5% of the Rasa server's CPU per turn, as it reads the
conversation from the database. This keeps what that walk found.
"""

from __future__ import annotations

from typing import Dict, Optional, Text, Type

import rasa.shared.utils.common
from rasa.shared.core.events import Event

_original_resolve = Event.resolve_by_type
_found: Dict[Text, Type[Event]] = {}


def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """What `Event.resolve_by_type` returns, remembered for every known type name."""
    found = _found.get(type_name)
    if found is not None:
        return found
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        if cls.type_name == type_name:
            _found[type_name] = cls
            return cls
    return _original_resolve(type_name, default)


def install() -> None:
    """Make `Event.resolve_by_type` remember what it finds (idempotent)."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
