"""Checks the action server's answers against Rasa's schema with a validator built once.

Rasa 3.6's RemoteAction calls `jsonschema.validate` on every answer, which first checks the
schema itself against the JSON Schema meta-schema: about 200 ms of CPU per custom action, most
of a turn's time. This checks the same schema, the same way, raising the same error, but
checks the schema only once.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


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
    """Make every RemoteAction use the prebuilt validator (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[assignment]

