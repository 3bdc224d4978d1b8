"""Reading changes to what is already in the plan: "remove the cleaner", "take off outcome 2",
"actually make that 8 hours", and which outcomes a service helps with ("1 and 3", "all of them").

Items (outcomes or services) are matched by their number ('outcome 2', 'the second one', 'the
last one') or by the words they share with what the person typed ('the gardening one' matches
'gardener twice a month'). Shared words are compared by their first letters, so 'shower' and
'showering', 'cook' and 'cooking' meet; common words ('the', 'help', 'support'…) are ignored."""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Set, Tuple

from bot.parsing.numbers import ORDINAL_WORDS, UNITS
from bot.parsing.pipeline import english_stop_words

STOP_WORDS = english_stop_words()

#: (plan-local id, the words that describe it)
Item = Tuple[int, str]

_LEAD_IN = (
    r"^(?:(?:please|pls|plz|can you|could you|would you|will you|i(?:'d| would) like to|i want(?: you)? to|"
    r"i need to|i'?d like you to|let'?s|actually|oh|oops|sorry|no|ok|okay|and|also|just|then)[\s,]+)*"
)
_REMOVE = re.compile(
    _LEAD_IN + r"(?:remove|delete|take (?:off|out|away)|get rid of|drop|scrap|cross (?:off|out)|rub out|bin|lose)\b(?!-)\s*(.*)$",
    re.IGNORECASE,
)
_NO_LONGER = re.compile(r"\b(?:don'?t|do not|no longer) (?:want|need)\b\s*(.*?)\s*(?:any ?more|now)?\W*$", re.IGNORECASE)
_CORRECTION = re.compile(
    r"\b(?:actually|make (?:that|it)|change (?:that|it)(?: to)?|i meant|i mean|sorry|should (?:be|have been)|"
    r"not \S+ but|instead|correction|mistake|typo|wrong)\b|^\s*no\b",
    re.IGNORECASE,
)
_ALL = re.compile(r"\b(?:all|both|every(?:thing| one)?|each of them)\b", re.IGNORECASE)
#: "that's all" ends a list; it does not choose every item
_THATS_ALL = re.compile(r"\b(?:that'?s|that is|thats|that'?ll be|that will be) all\b", re.IGNORECASE)
_NONE = re.compile(r"^\W*(?:none|neither|nothing|no(?:ne)? of them|not really|no|nope|n)\W*$", re.IGNORECASE)
_LAST = re.compile(r"\b(?:last|latest|previous|final) (?:one|thing|service|outcome|item)?\b|\bthe one (?:i|we) just\b",
                   re.IGNORECASE)
_ORDINALS = {**ORDINAL_WORDS, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINAL = re.compile(r"\b(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))\b", re.I)
_DIGITS = re.compile(r"(?<![£$.\d])\b(\d{1,2})\b(?!\.\d)")
#: 'one', 'two'… count as a number only after a word that says so ('number two', 'outcome one')
_NAMED_NUMBER = re.compile(r"\b(?:number|no\.?|outcome|service|item|#)\s*(" + "|".join(UNITS) + r")\b", re.I)
_IGNORED = STOP_WORDS | {
    "help", "support", "service", "services", "outcome", "outcomes", "want", "like", "need", "week", "hours", "hour",
    "thing", "things", "bit", "lot", "able", "get", "go", "one", "ones", "please", "thanks", "remove", "delete",
}
_STEM = 5
_SHORTEST_STEM = 4


def removal_request(text: str, loose: bool = False) -> Optional[str]:
    """The words naming what to take out of the plan ('' if none given), or None when the
    message is not asking to remove something. `loose` also takes "I don't need the gardener
    any more", which inside a free-text question could be an answer instead."""
    for pattern in (_REMOVE, _NO_LONGER) if loose else (_REMOVE,):
        match = pattern.search(text or "")
        if match:
            return match.group(1).strip(" .!?,")
    return None


def sounds_like_correction(text: str) -> bool:
    """Whether the message corrects an earlier answer ('actually…', 'no, it's…', 'make that…')."""
    return bool(_CORRECTION.search(text or ""))


def _words(text: str) -> Set[str]:
    words = re.findall(r"[a-z]+", (text or "").lower().replace("'", ""))
    return {w for w in words if w not in _IGNORED and len(w) > 1}


def _same_word(a: str, b: str) -> bool:
    """'shower'/'showering', 'cook'/'cooking', 'grandkids'/'grandchildren'."""
    if a == b:
        return True
    if min(len(a), len(b)) >= _SHORTEST_STEM and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= _STEM and a[:_STEM] == b[:_STEM]


def _shared(said: Set[str], described: str) -> int:
    """How many of the words said are in an item's description."""
    words = _words(described)
    return sum(any(_same_word(w, d) for d in words) for w in said)


def _numbers(text: str) -> List[int]:
    """Every item number said: digits, ordinals ('second', '3rd'), 'number two', or a bare 'two'."""
    text = text or ""
    found = [int(d) for d in _DIGITS.findall(text)]
    found += [_ORDINALS.get(o.lower()) or int(re.sub(r"\D", "", o)) for o in _ORDINAL.findall(text)]
    found += [UNITS[w.lower()] for w in _NAMED_NUMBER.findall(text)]
    bare = text.strip(" .!?").lower()
    if bare in UNITS:
        found.append(UNITS[bare])
    return found


def item_named(text: str, items: Sequence[Item]) -> Optional[int]:
    """The one item `text` points at (by number, 'the last one', or by its words), else None."""
    if not items:
        return None
    ids = [item_id for item_id, _ in items]
    if _LAST.search(text or ""):
        return ids[-1]
    numbers = [n for n in _numbers(text) if n in ids]
    if len(set(numbers)) == 1:
        return numbers[0]
    said = _words(text)
    scores = [(_shared(said, words), item_id) for item_id, words in items]
    best = max(score for score, _ in scores)
    winners = [item_id for score, item_id in scores if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def items_chosen(text: str, items: Sequence[Item]) -> Optional[List[int]]:
    """Which items a reply chooses: every id for 'all'/'both', [] for 'none', the numbers or
    named items said; None when the reply can't be read."""
    ids = [item_id for item_id, _ in items]
    text = _THATS_ALL.sub(" ", text or "")
    if _NONE.match(text):
        return []
    if _ALL.search(text or ""):
        return ids
    numbers = sorted({n for n in _numbers(text) if n in ids})
    if numbers:
        return numbers
    said = _words(text)
    named = [item_id for item_id, words in items if _shared(said, words)]
    return named or None
