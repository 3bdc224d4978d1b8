"""Which part of the plan a message names: 'change my outcomes', 'the support is wrong'."""

from __future__ import annotations

import re
from typing import Optional

from bot.parsing.choices import match_choice
from bot.plans.catalogue import CATEGORIES

#: words that name each section, checked in this order. The back-up plan comes before the
#: support ("if my carer doesn't turn up"); "want to change" (the outcomes part is "what you want
#: to change") is a last guess: "I want to change the support" names the support.
_SECTION_WORDS = (
    ("important", r"\bimportant|matters?\b|\bcare about\b|\babout me\b|\binterests?\b|\bhobb(?:y|ies)\b"),
    ("outcomes", r"\boutcomes?\b|\bachieve|\bgoals?\b"),
    (
        "contingency",
        r"\bback-?up\b|\bturn up\b|\bgoes wrong|\bemergency|\bcontingency|\bwhat if\b|\bplan b\b|"
        r"\b(?:don'?t|doesn'?t|didn'?t|can'?t|not) (?:come|show|arrive)|"
        r"\b(?:is|are|gets?|falls?|goes|went) (?:ill|sick|off sick|on holiday)\b|"
        # how the person likes to get information is asked in the same part
        r"\binformation\b|\binfo\b|\blarge print\b|\beasy read\b|\baudio\b|\bbraille\b|\bcommunicat",
    ),
    ("services", r"\bsupport\b|\bservices?\b|\bcosts?\b|\bcarers?\b|\bpa\b|\bhours\b"),
    ("management", r"\bmoney\b|\bmanag|\bpayment|\bcard\b|\bbudget\b"),
)
#: only a guess: "I want to change..." may name the outcomes part, or be an outcome itself
_GUESS = ("outcomes", r"\bwant to change\b")


#: the money's management named outright ('how the money is managed', 'a payment card instead of
#: the direct payment'): it names that part even when support is mentioned too
_MANAGEMENT_OUTRIGHT = re.compile(
    r"\bmoney\b[\w\s']{0,20}\bmanag|\bmanag\w* (?:of )?(?:the )?money\b|\bmoney management\b|"
    r"\bpayment card\b|\bdirect payment\b",
    re.IGNORECASE,
)


def section_named(text: str, guess: bool = True) -> Optional[str]:
    """The section (bot.plans.sections.SECTIONS) the text names first, or None. With
    guess=False, "want to change" alone does not name the outcomes part."""
    if _MANAGEMENT_OUTRIGHT.search(text):
        return "management"
    for section, pattern in _SECTION_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return section
    if match_choice(text, CATEGORIES.words()) is not None:  # 'take the cleaner off': a service named
        return "services"
    if guess and re.search(_GUESS[1], text, re.IGNORECASE):
        return _GUESS[0]
    return None
