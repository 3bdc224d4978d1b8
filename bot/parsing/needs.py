"""The words people use for the needs from an assessment (eligibility outcomes, catalogue NEEDS),
for reading which needs a service helps with: 'help with my shower', 'cooking my dinner',
'getting me out the house'. Only words that point at one need: 'getting' and 'keeping' begin
several of the needs' labels, so they are never read as naming one."""

from __future__ import annotations

import re
from typing import Dict, Tuple

NEED_WORDS: Dict[str, Tuple[str, ...]] = {
    "nutrition": (
        "food",
        "meals",
        "eat",
        "eating",
        "drink",
        "drinks",
        "cooking",
        "cook",
        "dinner",
        "dinners",
        "lunch",
        "breakfast",
        "nutrition",
        "feeding",
        "fed",
        "kitchen",
        "meal",
    ),
    "personal_hygiene": (
        "washed",
        "washing",
        "wash",
        "bathing",
        "bath",
        "shower",
        "showering",
        "hygiene",
        "personalcare",
        "clean",
        "teeth",
        "hair",
        "shave",
    ),
    "toileting": ("toilet", "toileting", "continence", "incontinence", "loo", "commode", "pads"),
    "dressing": ("dressed", "dressing", "dress", "clothes", "undressed"),
    "home_safety": ("moving", "safely", "safety", "falls", "falling", "stairs", "mobility", "walking", "hoist"),
    "habitable_home": ("housework", "cleaning", "hoovering", "hoover", "tidying", "tidy", "laundry", "ironing"),
    "relationships": ("family", "friends", "touch", "relationships", "visiting", "lonely", "social", "grandchildren"),
    "work_learning_volunteering": ("work", "job", "college", "learning", "volunteering", "course", "education"),
    "community": (
        "outings",
        "shops",
        "shopping",
        "transport",
        "local",
        "places",
        "cafe",
        "community",
        "bus",
        "library",
        "outside",
        "appointments",
        "town",
        "park",
        "church",
        "mosque",
        "pub",
    ),
    "caring_responsibilities": ("child", "children", "childcare", "kids", "school"),
}
#: phrases of several words, each turned into the one word that names its need
_PHRASES = (
    (
        re.compile(
            r"\b(?:get(?:ting|s)?|go(?:ing|es)?|got)\s+(?:me\s+|her\s+|him\s+|them\s+|us\s+)?out\b|\bout and about\b|"
            r"\bout (?:of )?the house\b|\bout(?:side)? (?:of )?(?:the )?(?:house|home|flat)\b",
            re.IGNORECASE,
        ),
        "outings",
    ),
    (re.compile(r"\bpersonal care\b", re.IGNORECASE), "personalcare"),
    (re.compile(r"\b(?:keep(?:ing)?|get(?:ting)?) (?:in )?touch\b", re.IGNORECASE), "touch"),
)


def need_phrases(text: str) -> str:
    """`text` with each phrase that names a need put as its one word ('getting me out' → 'outings')."""
    for pattern, word in _PHRASES:
        text = pattern.sub(word, text or "")
    return text


def need_words(code: str) -> str:
    """The words that name need `code`, as one string (for bot/parsing/edits.py `items_chosen`)."""
    return " ".join(NEED_WORDS.get(code, ()))


__all__ = ["NEED_WORDS", "need_phrases", "need_words"]
