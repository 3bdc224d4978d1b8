"""What our Rasa server's calls to the action server do differently from stock Rasa 3.6.

- **Smaller requests.** Stock Rasa sends the whole domain (about 37 KB, four fifths of it the
  bot's responses) and every event of the session with each call, and the action server parses
  it all, once per concurrent call. Rasa's own `enable_selective_domain` (endpoints.yml) sends
  the domain only to the actions that read it (the forms' `validate_…` actions, or any action
  marked `send_domain: true` in the domain); this covers the rest. Our actions read only the
  slots, the latest message, the open form and the events of the current turn (rasa_sdk's form
  validation looks back only to the person's latest message too), so each call carries the
  events from the latest user message on, and a domain sent carries no responses: the action
  server sends responses by name, and Rasa words them. A council's own custom actions see the
  same view (with the domain only if the domain marks them `send_domain: true`).
- **Answers checked with a validator built once.** RemoteAction calls `jsonschema.validate` on
  every answer, which first checks the schema itself against the JSON Schema meta-schema: about
  200 ms of CPU per custom action. This checks the same schema the same way, raising the same
  error, but checks the schema only once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Text

import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity


def events_of_this_turn(events: List[Event]) -> List[Event]:
    """The events from the latest user message on (all of them if there is none)."""
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return events[index:]
    return events


def domain_without_responses(domain: Domain) -> Dict[Text, Any]:
    """The domain's own dictionary, less its responses (a shallow copy of a few keys)."""
    return {key: value for key, value in domain.as_dict().items() if key != "responses"}


def sends_domain(action: RemoteAction, domain: Domain) -> bool:
    """Whether stock Rasa sends `action` the domain: always, unless the action endpoint sets
    enable_selective_domain and the action does not ask for it."""
    return not action._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(action.name())


def action_call(action: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> Dict[Text, Any]:
    """The request RemoteAction sends: stock Rasa's format, with less in it."""
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in events_of_this_turn(list(tracker.events))]
    call: Dict[Text, Any] = {
        "next_action": action.name(),
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if sends_domain(action, domain):
        call["domain"] = domain_without_responses(domain)
    return call


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: Dict[Text, Any]) -> bool:
    """What RemoteAction._validate_action_result does, without re-checking the schema."""
    error = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> None:
    """Make every RemoteAction send the smaller request and use the prebuilt validator (idempotent)."""
    RemoteAction._action_call_format = action_call
    RemoteAction._validate_action_result = validate_action_result
