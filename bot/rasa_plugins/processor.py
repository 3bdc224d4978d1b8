"""Rasa's message processor with a kind "please try again" when the action server or the
tracker store's database cannot be reached, and with rolling sessions (sessions.py).

Stock Rasa 3.6 logs an action server failure and carries on without the action's events, so
the person usually gets no reply at all; and its FailSafeTrackerStore answers a database
failure by starting a brand-new conversation in memory. Here a turn that meets either failure
is not saved (what was recorded before it stays as it was), the replies of that half-done turn
are dropped, and the person is asked to send their message again.

Rasa has no setting for the processor class, so `install()` (one of bot/rasa_plugins/patches.py's)
swaps it in before the agent loads its model.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any, Dict, List, Optional, Set, Text

import rasa.core.agent
from rasa.core.actions.action import Action, ActionExecutionRejection
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

from bot.config import get_settings
from bot.rasa_plugins import sessions

logger = logging.getLogger(__name__)

PLEASE_TRY_AGAIN = (
    "Sorry, I can't reply just now. Nothing you told me before has been lost. "
    "Please send your last message again in a minute."
)


def conversation_tag(sender_id: Text) -> Text:
    """A short stand-in for a sender id in logs (over SMS the id comes from a phone number)."""
    return hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:10]


class _WatchedAction:
    """An action whose failures (other than a form's normal rejection) are noted; everything
    else is the wrapped action's."""

    def __init__(self, action: Action) -> None:
        self._action = action
        self.failed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._action, name)

    async def run(self, *args: Any, **kwargs: Any) -> List[Any]:
        try:
            return await self._action.run(*args, **kwargs)
        except ActionExecutionRejection:
            raise
        except Exception:
            self.failed = True
            raise


class ResilientProcessor(MessageProcessor):
    """A MessageProcessor that never answers a failure with silence or a half-saved turn."""

    tracker_store: Any  # set by MessageProcessor

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The agent wraps the store in a FailSafeTrackerStore, which hides database errors
        # behind an empty in-memory conversation; use the real store so errors reach us.
        if isinstance(self.tracker_store, FailSafeTrackerStore):
            self.tracker_store = self.tracker_store._tracker_store
        #: conversations whose current turn met a failure (the lock store serialises each one)
        self._failed_turns: Set[Text] = set()
        self._session_limit = get_settings().session_max_events

    async def handle_message(self, message: UserMessage) -> Optional[List[Dict[Text, Any]]]:
        sender_id = message.sender_id
        try:
            replies = await super().handle_message(message)
        except Exception as error:  # the database (or anything else) failed mid-turn
            logger.error(
                "Conversation %s: the turn failed (%s); asked to try again.",
                conversation_tag(sender_id),
                type(error).__name__,
            )
            logger.debug("Turn failure details", exc_info=True)
            return await self._apologise(message)
        if sender_id in self._failed_turns:
            return await self._apologise(message)
        return replies

    async def _run_prediction_loop(self, output_channel: OutputChannel, tracker: DialogueStateTracker) -> None:
        await super()._run_prediction_loop(output_channel, tracker)
        if tracker.sender_id not in self._failed_turns and sessions.should_roll_over(tracker, self._session_limit):
            tracker.update_with_events(sessions.rollover_events(tracker), self.domain)

    async def save_tracker(self, tracker: DialogueStateTracker) -> None:
        if tracker.sender_id in self._failed_turns:
            return
        await super().save_tracker(tracker)

    async def _run_action(
        self,
        action: Action,
        tracker: DialogueStateTracker,
        output_channel: OutputChannel,
        nlg: NaturalLanguageGenerator,
        prediction: PolicyPrediction,
    ) -> bool:
        watched = _WatchedAction(action)
        should_predict_another = await super()._run_action(watched, tracker, output_channel, nlg, prediction)
        if watched.failed:
            logger.error(
                "Conversation %s: action %s failed; asked to try again.",
                conversation_tag(tracker.sender_id),
                action.name(),
            )
            self._failed_turns.add(tracker.sender_id)
            return False
        return should_predict_another

    async def _apologise(self, message: UserMessage) -> Optional[List[Dict[Text, Any]]]:
        self._failed_turns.discard(message.sender_id)
        channel = message.output_channel
        if isinstance(channel, CollectingOutputChannel):
            channel.messages.clear()
        await channel.send_text_message(message.sender_id, PLEASE_TRY_AGAIN)
        return channel.messages if isinstance(channel, CollectingOutputChannel) else None


def install() -> None:
    """Make Rasa's agent build a ResilientProcessor (idempotent)."""
    rasa.core.agent.MessageProcessor = ResilientProcessor
