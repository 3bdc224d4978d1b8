"""After sending (section 10): how the person wants their copy of the plan. On the chat page it
can be downloaded at once (the plan document's link, which the page already offers); by post
or by email anywhere (over SMS, only those two)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import detours
from actions.budget import channel_of
from actions.common import call, latest_text, plan_reference
from actions.forms.base import SectionFormValidation
from bot.answers.reading import read_choice
from bot.choices import COPY_ROUTE_CHOICES, Choices
from bot.parsing.copies import asks_about_the_ways, copy_route_said, mail_unclear
from bot.plans import service
from bot.slot_names import COPY_ROUTE

DOWNLOAD = "download"
#: the chat page's channel (bot/rasa_plugins/relay.py CHANNEL, which imports Rasa; a test checks they agree)
WEB_CHANNEL = "web"


def copy_routes(channel: str) -> Choices:
    """The ways offered on `channel`, in the order of its buttons: download only on the chat page."""
    if channel == WEB_CHANNEL:
        return COPY_ROUTE_CHOICES
    return {code: words for code, words in COPY_ROUTE_CHOICES.items() if code != DOWNLOAD}


def document_url(reference: str) -> str:
    """The plan document's address on the web app, as the chat page links to it."""
    return f"/plans/{reference}"


class ValidateCopyForm(SectionFormValidation):
    def name(self) -> Text:
        return "validate_copy_form"

    async def detour(
        self, requested: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Optional[List[EventType]]:
        """A way chosen plainly in words is an answer, not a detour ("download it, I'll save it to
        my laptop" is not saving for later); a sign of risk is always heard."""
        said = copy_route_said(latest_text(tracker), copy_routes(channel_of(tracker)))
        risk = detours.detect_latest(tracker, in_form=True) is detours.Detour.SAFEGUARDING
        if said is not None and said[1] and not risk:
            return None
        return await super().detour(requested, dispatcher, tracker)

    async def validate_copy_route(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        text = str(value or "")
        routes = copy_routes(channel_of(tracker))
        if asks_about_the_ways(text):  # 'what's a download?': explained, not counted as a failed answer
            dispatcher.utter_message(response="utter_explain_copy_route_ways")
            return {COPY_ROUTE: None}
        if mail_unclear(text):  # 'mail': post or email? asked, not counted as a failed answer
            dispatcher.utter_message(response="utter_copy_route_which_mail")
            return {COPY_ROUTE: None}
        reading = read_choice(
            text, routes, tracker.latest_message, COPY_ROUTE, structured=lambda said: copy_route_said(said, routes)
        )
        route, asked = self.choose(dispatcher, tracker, COPY_ROUTE, reading, text, "utter_copy_route_not_understood")
        if route is None:
            return asked
        reference = plan_reference(tracker)
        await call(service.set_copy_route, reference, route)
        dispatcher.utter_message(response=f"utter_copy_{route}", document_url=document_url(str(reference)))
        return self.accept(tracker, COPY_ROUTE, route)


class AskCopyRoute(Action):
    """Asks how the person wants their copy, with the ways their channel can offer."""

    def name(self) -> Text:
        return "action_ask_copy_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        web = channel_of(tracker) == WEB_CHANNEL
        dispatcher.utter_message(response="utter_ask_copy_route_web" if web else "utter_ask_copy_route")
        return []
