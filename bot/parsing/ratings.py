"""How an outcome of an agreed plan is going (the review's rating), read from the words before the
choice model: a rating denied ("not worse", "no better") is no change, checked, and "not as good as
it was" is worse, checked; a change over time
or two views ("much better at first but it's gone back to how it was", "she says much better but
I'd say a bit better") is the later one, checked; "<a big word> better", however it is spelt
("massively", "masivly"), is much better. `vague` answers ("ok", "better", "yes good") are never
taken as a rating without asking."""

from __future__ import annotations

import difflib
import re
from typing import Mapping, Optional, Sequence

from bot.parsing.choices import match_choice
from bot.parsing.living import Said

_DENIED = re.compile(
    r"\b(?:not|no|isn'?t|hasn'?t got|not any|no) (?:really |much |any )?(?:worse|better)\b|\bneither better nor worse\b",
    re.IGNORECASE,
)
#: worse said by comparison ('not as good as it was', 'not so well lately')
_NOT_AS_GOOD = re.compile(
    r"\bnot (?:as|so|quite as) (?:good|well|great|helpful)\b|\bnot what it (?:was|used to be)\b|\bless (?:good|helpful)\b",
    re.IGNORECASE,
)
_LATER = re.compile(r"\b(?:but|though|although|however|now|then|these days|lately)\b", re.IGNORECASE)
#: words that rate (a clause without one, 'but still hard', says something else)
_RATED = re.compile(
    r"\b(?:better|worse|same|change\w*|different|difference|improv\w*|downhill|backwards)\b", re.IGNORECASE
)
_BACK_AS_IT_WAS = re.compile(
    r"\b(?:gone|went|going|slipped|back) (?:back )?to (?:how|what|where) it (?:was|used to be)|back to square one|"
    r"back to normal|worn off|back to the same|same as before( again)?\b",
    re.IGNORECASE,
)
#: the words that make 'better' much better ('massively better', 'miles better')
_BIG = (
    "massively",
    "hugely",
    "vastly",
    "loads",
    "heaps",
    "miles",
    "tons",
    "immensely",
    "enormously",
    "dramatically",
    "incredibly",
    "significantly",
    "considerably",
    "amazingly",
    "tremendously",
)
_BEFORE_BETTER = re.compile(r"\b([a-z]{4,})\s+better\b", re.IGNORECASE)
_CLOSE = 0.8
#: answers that say something is fine without saying how much ('ok', 'better', 'yes good', 'not bad')
_VAGUE = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yh|ya|oh|well|erm|um|hmm)\W+)*(?:it'?s |its |it is |going |it'?s going |doing )?"
    r"(?:ok|okay|okey|k|fine|alright|all right|good|quite good|pretty good|not bad|not too bad|not worse|no worse|"
    r"better|bit better|so so|so-so|decent|grand|fair|fair enough|could be better|could be worse|meh|average|"
    r"not great|not much|a little|a bit|some)"
    r"(?:\W+(?:thanks?|ta|i think|i suppose|i guess|i'd say|really|so far|now|overall|at the moment))*\W*$",
    re.IGNORECASE,
)


def vague(text: str) -> bool:
    """The answer says how it is going without saying how much ('ok', 'better', 'yes good')."""
    return bool(_VAGUE.match((text or "").replace("’", "'")))


def _big_better(text: str) -> Optional[Said]:
    for match in _BEFORE_BETTER.finditer(text):
        word = match.group(1).lower()
        if word in _BIG:
            return ("much_better", True)
        if difflib.get_close_matches(word, _BIG, n=1, cutoff=_CLOSE):
            return ("much_better", False)
    return None


def rating_said(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[Said]:
    """(code, sure) when the words settle it as the module docstring says; None to leave the
    answer to the model and the word lists."""
    text = (text or "").replace("’", "'")
    for turn in _LATER.finditer(text):
        head, tail = text[: turn.start()], text[turn.end() :]
        first = match_choice(head, choices) if _RATED.search(head) else None
        if first is None:
            continue
        now = (
            "no_change"
            if _BACK_AS_IT_WAS.search(tail)
            else match_choice(tail, choices)
            if _RATED.search(tail)
            else None
        )
        if now is not None and now != first:
            return (now, False)
        break
    if _NOT_AS_GOOD.search(text):
        return ("worse", False)
    if _DENIED.search(text):
        return ("no_change", False)
    return _big_better(text)


__all__ = ["rating_said", "vague"]
