"""How a person needs information (Accessible Information Standard), read from their words:
several needs may be named together ('large print and easy read'), and a language named ('Polish
please') is another language, kept by name."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from bot.parsing.choices import match_choice
from bot.plans.catalogue import COMMUNICATION_NEEDS

#: languages people in England most often need information in (ONS census 2021 main languages),
#: with Welsh and the sign languages' neighbours left to their own codes
LANGUAGES = (
    "Albanian",
    "Arabic",
    "Bengali",
    "Bulgarian",
    "Cantonese",
    "Chinese",
    "Czech",
    "Farsi",
    "French",
    "German",
    "Greek",
    "Gujarati",
    "Hindi",
    "Hungarian",
    "Italian",
    "Kurdish",
    "Latvian",
    "Lithuanian",
    "Malayalam",
    "Mandarin",
    "Nepali",
    "Pashto",
    "Persian",
    "Polish",
    "Portuguese",
    "Punjabi",
    "Romanian",
    "Russian",
    "Slovak",
    "Somali",
    "Spanish",
    "Sylheti",
    "Tamil",
    "Tigrinya",
    "Turkish",
    "Twi",
    "Ukrainian",
    "Urdu",
    "Vietnamese",
    "Welsh",
    "Yoruba",
)
_LANGUAGE = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b", re.IGNORECASE)
_PARTS = re.compile(r",|;|\.\s|&|\+|/|\band\b|\balso\b|\bplus\b|\bor\b", re.IGNORECASE)
#: more everyday words for the needs than the catalogue's labels
_MORE_WORDS: Dict[str, Tuple[str, ...]] = {
    "large_print": ("bigger print", "larger print", "big writing", "bigger letters", "large font", "bigger font"),
    "easy_read": ("simple english", "plain english", "easy words", "easy reed", "eazy read"),
    "audio": ("read it out", "read it to me", "read aloud", "listen to it", "on cd"),
    "braille": ("brail", "braile"),
}
#: the words for each need, with the language names counted as 'another language'
WORDS: Dict[str, Tuple[str, ...]] = {
    code: words + _MORE_WORDS.get(code, ()) + (LANGUAGES if code == "other_language" else ())
    for code, words in COMMUNICATION_NEEDS.words().items()
}
NONE = "none"
#: a need ruled out ('no large print, but easy read would help')
_RULED_OUT = re.compile(
    r"^\W*(?:no|not|don'?t need|do not need|without|never mind)\s+(?:the\s+|any\s+)?", re.IGNORECASE
)


def _named_in(part: str) -> Optional[str]:
    """The need one part of the answer names, unless it rules it out."""
    ruled_out = _RULED_OUT.match(part)
    if ruled_out and match_choice(part[ruled_out.end() :], WORDS) not in (None, NONE):
        return None
    return match_choice(part, WORDS)


def languages_named(text: str) -> Optional[str]:
    """The languages named, as written in LANGUAGES and joined ('Polish, Urdu'), or None."""
    found = list(dict.fromkeys(name.capitalize() for name in _LANGUAGE.findall(text or "")))
    return ", ".join(found) or None


def needs_named(text: str) -> List[str]:
    """The needs the words name, in the catalogue's order; 'none' only when nothing else is named."""
    named = {_named_in(part) for part in _PARTS.split(text or "")} - {None}
    if len(named) > 1:
        named.discard(NONE)
    return [code for code in COMMUNICATION_NEEDS.codes if code in named]


__all__ = ["LANGUAGES", "WORDS", "languages_named", "needs_named"]
