"""How a person wants their copy of the plan (download, post or email), read from their words:
the last choice wins when they change their mind ("by post. sorry, i mean email"), a way ruled out
is not chosen ("not post, email"), and 'both', 'either' or two ways named side by side are
put back to them. A question about the ways ("what's a download?") is not a choice."""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.parsing.change_of_mind import CHANGED_MIND
from bot.parsing.living import Said

_WORDS: Dict[str, str] = {
    "download": r"d(?:own|ow|on|wn)?l(?:oa|ao)?d(?:ed|ing)?|d/l|pdf|save it|the link|on (?:the )?screen",
    "post": r"post(?:ed|ing)?|by letter|a letter|in a letter|paper(?: copy)?|hard copy|printed copy|snail mail|"
    r"royal mail|by mail|pst|psot|poast|letterbox|through the door",
    "email": r"e-? ?mail(?:ed)?|emial|emaill|emal|imail|inbox|gmail|hotmail|outlook|electronically",
}
_MENTION = {code: re.compile(rf"(?<![\w-])(?:{words})(?![\w])", re.IGNORECASE) for code, words in _WORDS.items()}
_RULED_OUT = re.compile(
    r"(?:\bnot|\bno|n'?t (?:have|want|use|do)|\bhaven'?t got|\bwithout|\bnever)\s+(?:(?:by|an?|any|the|got|do|use|"
    r"have|want|on|in|into|via|through)\s+)*$",
    re.IGNORECASE,
)
_EITHER = re.compile(
    r"\b(?:both|either|whichever|any of (?:them|those)|all of them|all three|don'?t mind|doesn'?t matter)\b",
    re.IGNORECASE,
)
_ASKS_WHAT = re.compile(
    r"^\W*(?:what'?s|what is|whats|wot|wat|what does|what do you mean|how do(?:es)? (?:i|you|it)|how would i|"
    r"which is (?:best|quickest|easiest|better)|what'?s the difference)\b",
    re.IGNORECASE,
)


def asks_about_the_ways(text: str) -> bool:
    """'what's a download?', 'how do I download it?': a question about the ways, not a choice."""
    return bool(_ASKS_WHAT.search(text or ""))


def _mentions(text: str, routes: Sequence[str]) -> List[Tuple[int, str]]:
    """(where, code) for each way named and not ruled out, in the order said."""
    found = []
    for code in routes:
        for match in _MENTION[code].finditer(text):
            if not _RULED_OUT.search(text[max(0, match.start() - 25) : match.start()]):
                found.append((match.start(), code))
    return sorted(found)


def copy_route_said(text: str, routes: Mapping[str, object]) -> Optional[Said]:
    """(code, True) for one way chosen, the last after a change of mind; (None, False) when the
    answer names more than one way without choosing, or says either will do; None when the words
    name no way (the model and the word lists then read it)."""
    text = (text or "").replace("’", "'")
    if asks_about_the_ways(text):
        return None
    mentions = _mentions(text, [code for code in routes if code in _MENTION])
    codes = list(dict.fromkeys(code for _, code in mentions))
    if _EITHER.search(text) and len(codes) != 1:
        return (None, False)
    if len(codes) == 1:
        return (codes[0], True)
    if not codes:
        return None
    changes = [match.end() for match in CHANGED_MIND.finditer(text)]
    if changes:
        after = [code for place, code in mentions if place >= changes[-1]]
        if after and len(set(after)) == 1:
            return (after[0], True)
    return (None, False)


__all__ = ["Said", "asks_about_the_ways", "copy_route_said"]
