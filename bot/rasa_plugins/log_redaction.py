"""Nothing a person typed reaches the Rasa server's logs, at any level.

Rasa 3.6 logs message text in some events, errors included (`rest.message.received.failure`
logs the text of a message whose handling failed). Its structlog set-up passes each event's
`text`, `user_text`, `slot_values`, `parse_data_text`, `message` and similar keys through an
anonymization pipeline when a plugin provides one (`rasa.plugin.get_anonymization_pipeline`,
a hook meant for Rasa Pro). This plugin provides one that hides every such value."""
from __future__ import annotations

from typing import Any, Optional

import pluggy
from rasa.plugin import plugin_manager

HIDDEN = "[hidden]"
hookimpl = pluggy.HookimplMarker("rasa")


class Redactor:
    """Rasa's anonymization pipeline interface: the value to log instead of `value`."""

    def log_run(self, value: Any) -> str:
        return HIDDEN


class LogRedactionPlugin:
    @hookimpl  # type: ignore[misc]
    def get_anonymization_pipeline(self) -> Optional[Redactor]:
        return Redactor()


def install() -> None:
    """Register the plugin with Rasa's plugin manager (once)."""
    manager = plugin_manager()
    if not any(isinstance(plugin, LogRedactionPlugin) for plugin in manager.get_plugins()):
        manager.register(LogRedactionPlugin())
