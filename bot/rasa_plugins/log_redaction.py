"""Nothing a person typed reaches the Rasa server's logs, at any level.

Rasa 3.6 logs message text in some events, errors included (`rest.message.received.failure`
logs the text of a message whose handling failed). Its structlog set-up runs every event through
`rasa.utils.log_utils._anonymizer`, which changes nothing unless Rasa Pro's anonymization plugin
is present (that plugin hook would also make the processor read each conversation twice a turn).
This replaces that processor, before Rasa configures logging, with one that hides the values of
the keys Rasa logs a person's words or slots under."""

from __future__ import annotations

from typing import Any, Dict

import rasa.utils.log_utils

HIDDEN = "[hidden]"
#: the keys Rasa 3.6's own anonymizer lists, where a person's words, slots or parse results go
SENSITIVE_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
    }
)


def redact(_logger: Any, _method: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    """A structlog processor: every sensitive value in the event becomes HIDDEN."""
    for key in SENSITIVE_KEYS.intersection(event_dict):
        event_dict[key] = HIDDEN
    return event_dict


def install() -> None:
    """Put `redact` where Rasa's structlog set-up takes its anonymizer from (idempotent)."""
    rasa.utils.log_utils._anonymizer = redact
