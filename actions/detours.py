"""Detours the person can take anywhere in the plan (DESIGN §6): a sign of risk (or a check-in
when the risk model is unsure), asking for a person, a question about personal budgets, stopping
or saving for later, and small talk.

The same detection and handling serve the router (outside forms) and every form (through
actions/forms/detours.py), so a detour is never blocked by a form."""

from __future__ import annotations

import enum
import itertools
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import answer_question
from actions.safety import check_in, offer_handoff, respond_to_risk
from bot.answers.reading import asks_if_allowed, asks_what_it_means
from bot.config import get_settings
from bot.parsing.replies import ends_a_list
from bot.safety import replies as safety_replies
from bot.safety.detector import Concern, message_concern
from bot.safety.phrases import asks_for_person, mentions_contact


class Detour(enum.Enum):
    SAFEGUARDING = "safeguarding"
    CHECK_IN = "safety_check_in"
    HANDOFF = "request_human"
    QUESTION = "faq"
    PAUSE = "pause"
    START_AGAIN = "start_again"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    BOT_CHALLENGE = "bot_challenge"
    OUT_OF_SCOPE = "out_of_scope"


# How sure the classifier must be before an answer inside a form is taken as a detour.
# Inside a form most messages are answers, so the bar is high. Risk is decided separately, by
# bot/safety/detector.py (phrases and the model together).
_IN_FORM_CONFIDENCE = {
    "request_human": 0.85,
    "faq": 0.85,
    "save_for_later": 0.9,
    "goodbye": 0.9,
    "start_again": 0.85,
}
_OUTSIDE_FORM_CONFIDENCE = 0.5
#: a message that plainly asks what something means is a question when the intent model is this
#: sure and the answer selector is sure of the answer (second-language grammar lowers the first)
_PLAIN_QUESTION_CONFIDENCE = 0.3
_ANSWER_SURE_AT = 0.9

_INTENT_DETOURS = {
    "request_human": Detour.HANDOFF,
    "faq": Detour.QUESTION,
    "save_for_later": Detour.PAUSE,
    "start_again": Detour.START_AGAIN,
    "goodbye": Detour.GOODBYE,
    "thanks": Detour.THANKS,
    "bot_challenge": Detour.BOT_CHALLENGE,
    "out_of_scope": Detour.OUT_OF_SCOPE,
}


#: what a reply to "Are you safe right now?" may also be heard as (it is read as that reply)
ABOUT_SAFETY = frozenset({None, Detour.SAFEGUARDING, Detour.CHECK_IN})

#: the detours after which the conversation waits for the person (the open question is kept)
PAUSING = frozenset({Detour.PAUSE, Detour.GOODBYE, Detour.SAFEGUARDING})

_SIMPLE_REPLIES = {
    Detour.PAUSE: "utter_paused",
    Detour.START_AGAIN: "utter_start_section_again",
    Detour.GOODBYE: "utter_goodbye",
    Detour.THANKS: "utter_you_are_welcome",
    Detour.BOT_CHALLENGE: "utter_iamabot",
}


#: the whole message asks to start this part again ("start over", "can we start this bit again"):
#: an opening, a verb, which part, and how, each from these words
_START_AGAIN_WORDS = (
    (
        "",
        "can we",
        "could we",
        "can i",
        "could i",
        "let's",
        "lets",
        "please",
        "i want to",
        "i need to",
        "i would like to",
        "i'd like to",
    ),
    ("start", "begin", "do"),
    ("", "this", "that", "the"),
    ("", "bit", "part", "section", "question"),
    ("again", "over", "afresh", "from the start", "from the beginning"),
)
_START_AGAIN = frozenset(" ".join(word for word in words if word) for words in itertools.product(*_START_AGAIN_WORDS))


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _trimmed(text: str) -> str:
    """`text` without the punctuation and spaces at either end (in time linear in its length)."""
    start, end = 0, len(text)
    while start < end and not _is_word_character(text[start]):
        start += 1
    while end > start and not _is_word_character(text[end - 1]):
        end -= 1
    return text[start:end]


def asks_to_start_again(text: str) -> bool:
    """Whether the whole message asks to start this part again, perhaps with 'please' at the end."""
    said = _trimmed(text.lower().replace("’", "'"))
    if said.endswith("please"):
        said = _trimmed(said[: -len("please")])
    return " ".join(said.split()) in _START_AGAIN


def detect(message: Dict[str, Any], in_form: bool, may_check_in: bool = True) -> Optional[Detour]:
    """Which detour, if any, the latest user message takes. A message the risk model is unsure
    of, which takes no other detour, is a check-in when `may_check_in`."""
    concern = message_concern(message, in_form)
    if concern is Concern.RISK:
        return Detour.SAFEGUARDING
    detour = _asked_for(message, in_form)
    if detour is None and concern is Concern.CHECK_IN and may_check_in:
        return Detour.CHECK_IN
    return detour


def detect_latest(tracker: Tracker, in_form: bool) -> Optional[Detour]:
    """`detect` for the tracker's latest message: never a check-in straight after one, so a
    person who carries on after it is not checked on again and again."""
    return detect(tracker.latest_message, in_form, may_check_in=not _checked_in_last_turn(tracker))


def _checked_in_last_turn(tracker: Tracker) -> bool:
    """The assistant's replies to the person's message before the latest one held a check-in."""
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                return False
        elif users_seen == 1 and event.get("event") == "bot":
            if (event.get("metadata") or {}).get("utter_action") == safety_replies.CHECK_IN:
                return True
    return False


def _asked_for(message: Dict[str, Any], in_form: bool) -> Optional[Detour]:
    """The detour the message asks for in words or by its intent, if any."""
    text = message.get("text") or ""
    if asks_for_person(text):
        return Detour.HANDOFF
    if asks_to_start_again(text):
        return Detour.START_AGAIN
    intent = message.get("intent") or {}
    name, confidence = str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)
    if name == "safeguarding":
        return None
    # 'what mean ISF?', 'can mum pay me out of her budget? I do most of her shopping': a plain
    # question with a sure answer is answered though the intent model is unsure, anywhere
    plain_question = (
        name == "faq" and (asks_what_it_means(text) or asks_if_allowed(text)) and _sure_of_the_answer(message)
    )
    if in_form:
        threshold = _PLAIN_QUESTION_CONFIDENCE if plain_question else _IN_FORM_CONFIDENCE.get(name)
        if threshold is None or confidence < threshold:
            return None
        if ends_a_list(text):
            return None  # 'finish', "that's all": the end of a list, not of the session
        if name == "request_human" and not mentions_contact(text):
            return None
    elif name not in _INTENT_DETOURS or confidence < (
        _PLAIN_QUESTION_CONFIDENCE if plain_question else _OUTSIDE_FORM_CONFIDENCE
    ):
        return None
    return _INTENT_DETOURS[name]


def _sure_of_the_answer(message: Dict[str, Any]) -> bool:
    """The FAQ answer selector picked an answer and is sure of it."""
    response = ((message.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    return bool(response.get("intent_response_key")) and float(response.get("confidence") or 0.0) >= _ANSWER_SURE_AT


async def handle(kind: Detour, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Answer the detour. Returns events to apply; the caller decides where to go next."""
    settings = get_settings()
    if kind is Detour.SAFEGUARDING:
        return await respond_to_risk(dispatcher, tracker)
    if kind is Detour.CHECK_IN:
        check_in(dispatcher)
        return []
    if kind is Detour.HANDOFF:
        return await offer_handoff(dispatcher, tracker)
    if kind is Detour.QUESTION:
        await answer_question(dispatcher, tracker)
        return []
    if kind is Detour.OUT_OF_SCOPE:
        dispatcher.utter_message(response="utter_out_of_scope", council_phone=settings.council_phone)
        return []
    dispatcher.utter_message(response=_SIMPLE_REPLIES[kind])
    return []
