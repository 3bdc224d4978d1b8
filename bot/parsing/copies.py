"""How a person wants their copy of the plan (download, post or email), read from their words:
the last choice wins when they change their mind ("by post. sorry, i mean email"), a way ruled out
is not chosen ("not post, email"), and 'both', 'either' or two ways named side by side are
put back to them. A way named only in a reason ("post it, I'll lose it in my inbox") is not chosen
when another way is. 'Mail' on its own could be either (`mail_unclear`); ruling out computers
("nothing electronic") leaves the post, which is checked. A question about the ways ("what's a
download?") is not a choice."""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.parsing.change_of_mind import CHANGED_MIND
from bot.parsing.living import Said
from bot.parsing.negation import LOOK_BACK, RULED_OUT_BEFORE

_WORDS: Dict[str, str] = {
    "download": r"d(?:own|ow|on|wn)?l(?:oa|ao)?d(?:ed|ing)?|d/l|pdf|save it (?:to|on|onto) (?:my|the) \w+|"
    r"save a copy|the link|on (?:the )?screen",
    "post": r"post(?:ed|ing)?|by letter|a letter|in a letter|paper(?: copy)?|hard copy|printed copy|snail mail|"
    r"royal mail|in the mail|through the mail|pst|psot|poast|letterbox|through the door",
    "email": r"e-? ?mail(?:ed)?|emial|emaill|emal|imail|inbox|gmail|hotmail|outlook|electronically",
}
_MENTION = {code: re.compile(rf"(?<![\w-])(?:{words})(?![\w])", re.IGNORECASE) for code, words in _WORDS.items()}
#: 'actually no, post it': the 'no' changes the mind; it does not rule out what follows
_NO_AS_CHANGE = re.compile(r"\b(?:actually|sorry|wait|hang on|oh|hmm+|erm+|um+)[\s,.!]*no[\s,.!]*$", re.IGNORECASE)
#: a clause giving a reason ("I'll lose it in my inbox", "because I'm never on email")
_REASON = re.compile(
    r"(?:^|[,.;!]|\s-\s)\s*(?:because|cos|coz|cause|as|since|i'?ll|i'?d|i'?m|i never|i don'?t|i can'?t|i won'?t|"
    r"i always|i lose|i'?ve|he'?ll|she'?ll|they'?ll)\b[^,.;!]*",
    re.IGNORECASE,
)
#: 'mail' alone (not email, snail mail or in the mail): post or email?
_MAIL = re.compile(r"(?<![\w-])(?<!snail )(?<!royal )(?<!the )m(?:ai|ia)l(?:ed|ing)?(?![\w])", re.IGNORECASE)
#: computers ruled out ('nothing electronic', "I don't do computers", 'not online'): the post is left
_NO_COMPUTERS = re.compile(
    r"\b(?:nothing|no|not|don'?t do|dont do|do not do|can'?t do|can'?t use|don'?t use|never use|not on|no good (?:on|with)|"
    r"hate|rubbish (?:on|with|at))\s+(?:(?:a|the|any|with|on)\s+)?(?:electronic\w*|online|computers?|internet|"
    r"digital|tech\w*|laptops?|smart ?phones?|the web)\b",
    re.IGNORECASE,
)
#: sending asked for without a way ('send it', 'just send it please')
_SEND_ONLY = re.compile(
    r"^\W*(?:just |please |pls |yes,? )?(?:send|give) (?:it|me it|it to me|me a copy|a copy|it over|it on)"
    r"(?: (?:please|pls|thanks|to me|over))*\W*$",
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


def mail_unclear(text: str) -> bool:
    """'mail', 'by mail', 'mail it': post or email, and nothing else says which."""
    text = (text or "").replace("’", "'")
    return bool(_MAIL.search(text)) and not any(pattern.search(text) for pattern in _MENTION.values())


def _ruled_out(before: str) -> bool:
    return bool(RULED_OUT_BEFORE.search(before)) and not _NO_AS_CHANGE.search(before)


def _mentions(text: str, routes: Sequence[str]) -> List[Tuple[int, str]]:
    """(where, code) for each way named and not ruled out, in the order said; a way named only in
    a reason is left out when another way is named outside one."""
    found = []
    reasons = [match.span() for match in _REASON.finditer(text)]
    for code in routes:
        for match in _MENTION[code].finditer(text):
            if not _ruled_out(text[max(0, match.start() - LOOK_BACK) : match.start()]):
                in_reason = any(start <= match.start() < end for start, end in reasons)
                found.append((match.start(), code, in_reason))
    chosen = [(place, code) for place, code, in_reason in found if not in_reason]
    return sorted(chosen or [(place, code) for place, code, _ in found])


def copy_route_said(text: str, routes: Mapping[str, object]) -> Optional[Said]:
    """(code, True) for one way chosen, the last after a change of mind; (None, False) when the
    answer names more than one way without choosing, or says either will do; None when the words
    name no way (the model and the word lists then read it)."""
    text = (text or "").replace("’", "'")
    if asks_about_the_ways(text):
        return None
    mentions = _mentions(text, [code for code in routes if code in _MENTION])
    codes = list(dict.fromkeys(code for _, code in mentions))
    if not codes and _NO_COMPUTERS.search(text) and "post" in routes:
        return ("post", False)  # 'nothing electronic': the post is left, checked
    if not codes and _SEND_ONLY.search(text):
        return (None, False)
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


__all__ = ["Said", "asks_about_the_ways", "copy_route_said", "mail_unclear"]
