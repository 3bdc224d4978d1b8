"""How a person needs information (Accessible Information Standard), read from their words:
several needs may be named together ('large print and easy read', 'easy read in Bengali'), and a
language named ('Polish please') is another language, kept by name, unless English is said to be
fine ('I speak Punjabi at home but read English ok'). A plain no first ("no I'm ok, my daughter
reads it to me") is none, unless a need is asked for after it."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

from bot.parsing.choices import match_choice
from bot.plans.catalogue import COMMUNICATION_NEEDS

#: languages people in England most often need information in (ONS census 2021 main languages,
#: and more spoken by people who come to the UK to work in care); BSL has its own code
LANGUAGES = (
    "Albanian",
    "Amharic",
    "Arabic",
    "Bengali",
    "Bulgarian",
    "Cantonese",
    "Chinese",
    "Czech",
    "Dari",
    "Farsi",
    "French",
    "Gaelic",
    "German",
    "Greek",
    "Gujarati",
    "Hausa",
    "Hebrew",
    "Hindi",
    "Hungarian",
    "Igbo",
    "Irish",
    "Italian",
    "Japanese",
    "Korean",
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
    "Shona",
    "Slovak",
    "Somali",
    "Spanish",
    "Swahili",
    "Sylheti",
    "Tagalog",
    "Tamil",
    "Thai",
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
#: where an answer splits into parts, each naming a need or ruling one out; a part is cut before
#: 'not' and 'rather than' too, so 'letters not phone calls' rules the phone calls out
_PARTS = re.compile(
    r",|;|\.\s|&|\+|/|\band\b|\balso\b|\bplus\b|\bor\b|(?=\bnot\b)|(?=\brather than\b)|(?=\binstead of\b)",
    re.IGNORECASE,
)
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
    r"^\W*(?:no|not|don'?t need|do not need|without|never mind|rather than|instead of)\s+(?:the\s+|any\s+)?",
    re.IGNORECASE,
)


#: English said to be fine: a language named beside it is spoken, not needed for information
_ENGLISH_FINE = re.compile(
    r"\b(?:read|reads|understand|understands|speak|speaks|manage|manages|do|does)\s+english\s+(?:ok|okay|fine|well|good|alright)|"
    r"\benglish\s+(?:is|'s)\s+(?:ok|okay|fine|good|alright)|\b(?:good|fine|ok|okay) (?:with|at|in) english\b",
    re.IGNORECASE,
)
#: a language asked for, with English as the fallback ('Welsh would be nice…, but English is fine')
_PREFERRED = re.compile(
    r"\b(?:would be (?:nice|good|better|best|great|lovely)|prefer(?:ably|red)?|ideally|if (?:possible|you can))\b",
    re.IGNORECASE,
)
#: a plain no at the start ('no', "no I'm ok", "I'm fine thanks"): nothing else is needed
_PLAIN_NO = re.compile(
    r"^\W*(?:no+|nope|nah|not really|no thanks?|i'?m (?:ok|okay|fine|alright|good)|we'?re (?:ok|okay|fine))"
    r"(?:\W+(?:i'?m|thanks?|ta|love|we'?re|she'?s|he'?s|(?:ok|okay|fine|alright|good)))*\s*[,.!;-]",
    re.IGNORECASE,
)
#: asking for a need, after a plain no ('no, but large print would help')
_ASKS_FOR = re.compile(r"\b(?:but|please|would (?:help|be good|be better)|i need|need|prefer|like)\b", re.IGNORECASE)


def _named_in(part: str) -> Optional[str]:
    """The need one part of the answer names, unless it rules it out."""
    ruled_out = _RULED_OUT.match(part)
    if ruled_out and match_choice(part[ruled_out.end() :], WORDS) not in (None, NONE):
        return None
    return match_choice(part, WORDS)


def _needs_in(part: str) -> Set[Optional[str]]:
    """The needs one part names: 'easy read in Bengali' is easy read and another language."""
    if not _LANGUAGE.search(part) or _RULED_OUT.match(part):
        return {_named_in(part)}
    other = _named_in(_LANGUAGE.sub(" ", part))
    return {"other_language", None if other == NONE else other}


def languages_named(text: str) -> Optional[str]:
    """The languages named, as written in LANGUAGES and joined ('Polish, Urdu'), or None."""
    found = list(dict.fromkeys(name.capitalize() for name in _LANGUAGE.findall(text or "")))
    return ", ".join(found) or None


#: words around a language's name in an answer to 'which language?' ('she speaks Krio', "it's Twi please")
_AROUND_A_LANGUAGE = re.compile(
    r"\b(?:she|he|they|i|we|mum|dad|speaks?|reads?|uses?|it'?s|its|is|in|the|language|please|thanks?|"
    r"mainly|mostly|only|just|would be|best|prefer)\b",
    re.IGNORECASE,
)
_NOT_A_LANGUAGE = re.compile(
    r"\b(?:not sure|unsure|don'?t know|dont know|no idea|skip|pass|later|hm+|um+|er+|what|why|any|none|nothing)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Za-z][A-Za-z'-]{2,24}(?: [A-Za-z][A-Za-z'-]{1,24})?$")


def language_said(text: str) -> Optional[str]:
    """A name that looks like a language not in LANGUAGES ('krio' → 'Krio'): one or two words of
    letters once the words around it are taken away; None for anything else."""
    text = (text or "").replace("’", "'")
    if _NOT_A_LANGUAGE.search(text):
        return None
    name = " ".join(_AROUND_A_LANGUAGE.sub(" ", text).replace(",", " ").replace(".", " ").split())
    return name.title() if _NAME.match(name) else None


def english_after_all(text: str) -> bool:
    """The answer to 'which language?' says English is fine ('English', 'no, english is fine')."""
    text = (text or "").replace("’", "'")
    plain = " ".join(re.sub(r"[^a-z' ]", " ", text.lower()).split())
    return (
        bool(_ENGLISH_FINE.search(text))
        or plain in ("english", "no english", "english please")
        or bool(_PLAIN_NO.match(text + "."))
    )


def needs_named(text: str) -> List[str]:
    """The needs the words name, in the catalogue's order; 'none' only when nothing else is named."""
    text = (text or "").replace("’", "'")
    plain_no = _PLAIN_NO.match(text)
    if plain_no and not _ASKS_FOR.search(text[plain_no.end() :]):
        return [NONE]
    named: Set[Optional[str]] = set()
    for part in _PARTS.split(text):
        named |= _needs_in(part)
    named.discard(None)
    if _ENGLISH_FINE.search(text) and not _PREFERRED.search(text):  # 'Welsh would be nice' is asked for
        named.discard("other_language")
        named = named or {NONE}
    if len(named) > 1:
        named.discard(NONE)
    return [code for code in COMMUNICATION_NEEDS.codes if code in named]


__all__ = ["LANGUAGES", "WORDS", "english_after_all", "language_said", "languages_named", "needs_named"]
