"""Matching a reply to one of a fixed set of choices: by its number ('2', 'option 2'), its code,
one of its words or phrases inside a sentence (the longest wins), or a close typo."""
from __future__ import annotations

import difflib
import re
from typing import Mapping, Optional, Sequence

_ORDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9}
_NUMBER_REPLY = re.compile(r"^(?:option|number|no\.?|choice)?\s*(\d{1,2}|[a-z]+)\s*[.)]?$", re.I)
TYPO_CUTOFF = 0.8


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'+-]", " ", (text or "").lower().replace("’", "'"))).strip()


def _by_number(text: str, codes: Sequence[str]) -> Optional[str]:
    match = _NUMBER_REPLY.match(text)
    if not match:
        return None
    token = match.group(1).lower()
    index = int(token) if token.isdigit() else _ORDINALS.get(token)
    return codes[index - 1] if index and 1 <= index <= len(codes) else None


def match_choice(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    cleaned = _clean(text)
    if not cleaned:
        return None
    codes = list(choices)
    numbered = _by_number(cleaned, codes)
    if numbered:
        return numbered
    best: dict = {}
    for code, words in choices.items():
        for phrase in (code.replace("_", " "), *words):
            phrase = _clean(phrase)
            if phrase and re.search(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", cleaned):
                best[code] = max(best.get(code, 0), len(phrase))
    if best:
        longest = max(best.values())
        winners = [code for code, length in best.items() if length == longest]
        return winners[0] if len(winners) == 1 else None
    return _by_typo(cleaned, choices)


def _by_typo(cleaned: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    """A phrase of n words (4 letters or more) that is close to some n words in a row."""
    words = cleaned.split()
    found = set()
    for code, phrases in choices.items():
        for phrase in phrases:
            target = _clean(phrase)
            size = len(target.split())
            if len(target) < 4:
                continue
            windows = (" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
            if any(difflib.SequenceMatcher(None, target, w).ratio() >= TYPO_CUTOFF for w in windows):
                found.add(code)
    return found.pop() if len(found) == 1 else None
