"""The words that say a person has changed their mind part-way through an answer ('£40 a week, no
sorry £45', '8 hours, I mean 6'), in one place for every reader that takes the later answer."""

from __future__ import annotations

import re
from typing import Callable, Optional

_WORDS = r"sorry|actually|i mean|i meant|wait|hang on|or rather|scratch that|make (?:that|it)"

#: a change of mind, with the spaces and punctuation after it
CHANGED_MIND = re.compile(rf"\b(?:no|{_WORDS})\b[\s,.!]*", re.IGNORECASE)
#: the same without 'no', for a yes/no answer, where 'no' is the answer itself
CHANGED_MIND_BUT_NO = re.compile(rf"\b(?:{_WORDS})\b[\s,.!]*", re.IGNORECASE)
#: a change of mind or a new figure replacing an old one ('it was £80 a month but now it's £95')
NEW_FIGURE = re.compile(rf"\b(?:no|{_WORDS}|but now|now it'?s|gone up to|went up to|changed to)\b", re.IGNORECASE)

#: words that switch an earlier choice for another ('I've changed my mind', "I'd rather have…", '…instead')
SWITCH = re.compile(
    r"\b(?:chang(?:ed|e) (?:my|me) mind|change of (?:mind|plan)|actually|instead|(?:i'?d|i would) (?:rather|prefer)|"
    r"rather have|prefer(?: to have)?|switch(?:ed)? to|hang on|on second thoughts?)\b",
    re.IGNORECASE,
)
#: what is turned down, not chosen ('instead of the direct payment', 'less hassle with a bank account')
_TURNED_DOWN = re.compile(
    r"\b(?:instead of|rather than|not (?:the|a)|less hassle (?:with|than)|no more|than)\b[^,;.!?]*", re.IGNORECASE
)
_CLAUSE = re.compile(r"[,;.!?]|\s[-–]\s|\band\b|\bor\b|\bbut\b", re.IGNORECASE)


def switched_to(text: str, reader: Callable[[str], Optional[str]]) -> Optional[str]:
    """The choice a clear change of mind names ("hang on, I'd rather have the payment card, less
    hassle with a bank account" → the card): the first one `reader` finds in what follows the
    change-of-mind words, leaving out what is turned down; None without those words or a choice."""
    match = SWITCH.search(text or "")
    if match is None:
        return None
    said = _TURNED_DOWN.sub(" ", text)
    for clause in _CLAUSE.split(said):
        found = reader(clause)
        if found is not None:
            return found
    return None


_ABOUT_MONEY = re.compile(r"\b(?:card|payments?|pay|paid|money|council|account|bank|manag\w*|direct)\b", re.IGNORECASE)


def management_switch(text: str) -> Optional[str]:
    """The way of managing the money a clear change of mind asks for, in a clause about money
    ('actually my son would help' answers the back-up question, it doesn't hand him the money)."""
    from bot.choices import MANAGEMENT_OPTIONS
    from bot.parsing.choices import match_choice

    def reader(clause: str) -> Optional[str]:
        return match_choice(clause, MANAGEMENT_OPTIONS) if _ABOUT_MONEY.search(clause) else None

    return switched_to(text, reader)
