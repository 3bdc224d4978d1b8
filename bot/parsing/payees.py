"""Who a direct payment is paid to, read from the words and from who is making the plan: any
mention of a power of attorney, an LPA or a deputy is an authorised person; a helper asking for it
to be paid to themselves ("to me, I'm her daughter") is a nominated person, never the person the
plan is for; a relative named on their own ("my daughter") is put back to the person."""

from __future__ import annotations

import re
from typing import Optional

from bot.parsing.living import Said
from bot.parsing.relations import relation_named

_AUTHORISED = re.compile(
    r"\b(?:(?:lasting |enduring )?power(?:s)? of at+orn[ae]y|p\.?o\.?a|l\.?p\.?a|e\.?p\.?a|at+orn[ae]y|deputy|"
    r"deputyship|court of protection|lacks? (?:mental )?capacity|(?:no|doesn'?t have|hasn'?t got) (?:the )?capacity)\b",
    re.IGNORECASE,
)
_NOT_AUTHORISED = re.compile(
    r"(?:\bno|\bnot|n'?t (?:have|got)|\bhaven'?t got|\bwithout|\bnobody has|\bno one has|\bisn'?t an?)\s+"
    r"(?:(?:an?|any|the|got|have|lasting|enduring)\s+)*$",
    re.IGNORECASE,
)
#: the money paid to whoever is typing
_TO_ME = re.compile(
    r"^\W*(?:(?:to|2)\s+)?(?:me|myself|meself|my ?self)\b|\b(?:pay|paid|give|send|put)\s+(?:it\s+)?(?:to\s+|in\s+)?me\b|"
    r"\binto my (?:own )?(?:bank )?account\b|\bi'?ll (?:have|get|receive|take|look after|manage|handle) it\b|"
    r"\bi (?:will |can )?(?:receive|get) it\b|\bme as (?:her|his|their)\b|\bon (?:her|his|their) behalf\b|"
    r"\b(?:so|then|just|it'?s|its|it should be|should be|that'?d be|that'?ll be|that'?s|has to be|best be)\s+me(?=\s*(?:$|[,.;!]))|"
    r"^\W*me\W*$|\b(?:wants?|asked|likes?|prefers?|trusts?|told|lets?)\s+me\s+(?:to\s+)?(?:get|have|receive|take|manage|"
    r"look after|handle|deal with|sort|do)\b",
    re.IGNORECASE,
)
_NOT_TO_ME = re.compile(r"\bnot (?:to )?me\b|\bnot into my\b|\bnot mine\b", re.IGNORECASE)
#: a helper saying who they are to the person ("I'm her daughter", "as his son")
_HELPER = re.compile(
    r"\b(?:i'?m|i am|im|as)\s+(?:her|his|their|mum'?s|dad'?s|the)\s+\w+|\bi (?:do|sort|look after|manage) "
    r"(?:her|his|their|mum'?s|dad'?s)\b",
    re.IGNORECASE,
)
#: someone chosen who is not a close relative ('my friend Linda', 'our neighbour'): checked
_SOMEONE_ELSE = re.compile(
    r"\b(?:my|our|her|his|their|a)\s+(?:best\s+|close\s+|good\s+|old\s+)?(?:friend|neighbou?r|mate|pal|cousin|niece|"
    r"nephew|godson|goddaughter|godmother|godfather|support worker)s?\b",
    re.IGNORECASE,
)
_UNDECIDED = re.compile(r"\b(?:both|either|joint|jointly|not sure|don'?t know|dunno)\b", re.IGNORECASE)
MAX_BARE_RELATION_WORDS = 4


def _authorised(text: str) -> bool:
    return any(not _NOT_AUTHORISED.search(text[max(0, m.start() - 30) : m.start()]) for m in _AUTHORISED.finditer(text))


def payee_said(text: str, planned_by: Optional[str]) -> Optional[Said]:
    """(code, sure) when the words settle who receives the money, as the module docstring says;
    (None, False) for 'both' or a joint account (asked again); None otherwise."""
    text = (text or "").replace("’", "'")
    if _UNDECIDED.search(text):
        return (None, False)
    if _authorised(text):
        return ("authorised", True)
    to_me = bool(_TO_ME.search(text)) and not _NOT_TO_ME.search(text)
    helper = planned_by == "supporter" or bool(_HELPER.search(text))
    if to_me and helper:
        return ("nominated", True)
    if _NOT_TO_ME.search(text) and relation_named(text):
        return ("nominated", False)  # 'not to me but to my son': someone chosen, checked
    if relation_named(text) and len(text.split()) <= MAX_BARE_RELATION_WORDS and not to_me:
        return ("nominated", False)  # 'my daughter': chosen to receive it, or an attorney? checked
    if _SOMEONE_ELSE.search(text) and not to_me:
        return ("nominated", False)  # 'my friend Linda has agreed to have it': someone chosen, checked
    return None


__all__ = ["Said", "payee_said"]
