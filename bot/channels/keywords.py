"""The words carriers treat specially, read in any case and with spaces around them."""

from __future__ import annotations

import enum
from typing import Optional


class Keyword(enum.Enum):
    STOP = "stop"
    START = "start"
    HELP = "help"
    MORE = "more"
    #: passed on to the assistant, which starts a review of the plan (the review invitation says "Reply REVIEW")
    REVIEW = "review"


_WORDS = {
    Keyword.STOP: {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "opt out", "optout", "revoke"},
    Keyword.START: {"start", "unstop", "yes start", "subscribe", "opt in", "optin"},
    Keyword.HELP: {"help", "info"},
    Keyword.MORE: {"more"},
    Keyword.REVIEW: {"review", "review my plan", "start review"},
}


def keyword(body: str) -> Optional[Keyword]:
    """The keyword when the whole message is one ('  Stop ', 'STOP.'), else None: "stop the
    taxi" is an answer, not a request to stop messages."""
    said = " ".join((body or "").lower().strip(" \t\r\n.!").split())
    for word, spellings in _WORDS.items():
        if said in spellings:
            return word
    return None
