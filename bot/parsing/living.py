"""Whether a relative paid from a direct payment lives with the person, read from everyday words
("we live together", "she's got her own flat", "moved out last year"), for regulation 3 of the
Direct Payments Regulations 2014. Part-time, temporary or future living ("stays over some
nights", "moving in next month") is never taken as settled: it is put back to the person, and so
is a hedged answer ("not really", "sort of"). Part-time living with a home elsewhere is asked again."""

from __future__ import annotations

import re
from typing import Optional, Tuple

#: (choice, sure): 'yes' or 'no', and whether it can be used without checking
Said = Tuple[Optional[str], bool]

_TOGETHER = re.compile(
    r"\b(?:li?ve?s?|living|lived|stays?|staying)\s+(?:here\s+)?(?:together|with (?:me|us|mum|mam|mom|dad|him|her|them)(?!\s+(?:husband|wife|partner|family|kids|children|"
    r"boyfriend|girlfriend|own))|"
    r"wiv (?:me|us)|wi'? (?:me|us)|in (?:my|our) (?:house|home|flat))\b|"
    r"\bsame (?:house|home|address|flat|roof|household)\b|\bshare (?:a|the|my|our) (?:house|flat|home)\b|"
    r"\b(?:lives?|living) (?:here|at home|in with)\b|\bstill at home\b|\bnever moved out\b|"
    r"\bmoved (?:back )?in (?:with|to)\b|\blive-? ?in\b|\bi live with\b|\bi live at (?:my|her|his)\b|"
    r"\b(?:her|his|their) (?:home|house) (?:too|as well|also)\b|\bbides wi\b|"
    r"\b(?:i|we)\s+(?:\w+\s+)?live\s+(?:in|at)\s+(?:her|his|their|mum'?s|dad'?s)\s+(?:house|home|flat|place|bungalow)\b|"
    r"\b(?:just|only) (?:the two of us|us two|me and (?:her|him)|(?:her|him) and me)\b|\bthe two of us (?:live|here)\b",
    re.IGNORECASE,
)
_APART = re.compile(
    r"\b(?:(?:her|his|their|my) own (?:place|flat|house|home|bungalow|gaff|pad|family|life|address)|own place)\b|"
    r"\b(?:lives?|living)\s+(?:round the corner|up the road|down the (?:road|street)|nearby|near|next door|"
    r"(?:about |only )?\d+ (?:minutes?|mins?|miles?)|in (?:another|a different|the next)|alone|on (?:her|his|my|their) own|"
    r"by (?:her|him|my|them)sel(?:f|ves)|separately|apart|at (?:hers|his|theirs)|"
    r"in (?!(?:my|our|her|his|their|the|a|an|same|this|that|here|with|together|mum'?s|dad'?s)\b)[A-Z][a-z]+|with (?:her|his|their) "
    r"(?:husband|wife|partner|family|kids|children|boyfriend|girlfriend))\b|"
    r"\b(?<!never )moved out\b|\bleft home\b|\bused to\b|\bno longer\b|\bnot any ?more\b|\b(?:separate|different) "
    r"(?:house|houses|address|addresses|homes?|places?)\b|\bseparately\b|\bwe live apart\b|\bi live (?:alone|on my own|"
    r"by myself)\b|\bnext door\b|\b(?:comes?|pops?) (?:round|over|in)\b|\bvisits\b|\bdrives over\b|"
    r"\b(?:rents?|owns?) (?:a|her|his|their) (?:own )?(?:flat|house|place|home)\b|\bat hers\b|\bat his\b",
    re.IGNORECASE,
)
#: living together only some of the time, for now, or soon: never settled without asking
_PART_TIME = re.compile(
    r"\b(?:stays? over|some nights|a few nights|weekends|part of the week|half the week|on and off|sometimes|"
    r"most of the time|a lot of the time|half the time|mostly|most (?:nights|days|weeks)|"
    r"some of the time|moving (?:in|out)|move in|might move|thinking (?:about|of) (?:moving|living)|"
    r"temporar(?:y|ily)|for now|for a (?:few|couple of|while|bit)(?: (?:weeks|days|months))?|for the time being|at the moment|between (?:places|homes|flats)|when i'?m poorly)\b",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(r"(?:\bnot|n'?t|\bnever|\bno longer)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
#: living together in the past only ('she used to live with me', 'until last year')
_PAST = re.compile(r"\b(?:used to|until|till|no longer|not any ?more|(?<!never )moved out|left home)\b", re.IGNORECASE)
_BACK = re.compile(r"\bmoved back in\b", re.IGNORECASE)
#: a hedged answer: never settled without asking ('not really', 'sort of', 'more or less')
_HEDGED = re.compile(
    r"\b(?:not really|not exactly|not as such|sort of|sorta|kind of|kinda|more or less|in a way|partly|"
    r"i suppose|i guess|ish)\b",
    re.IGNORECASE,
)
_HEDGED_NO = re.compile(r"\bnot (?:really|exactly|as such)\b", re.IGNORECASE)


def _together(text: str) -> Optional[bool]:
    """True for 'we live together', False for 'we don't live together', None when not said."""
    found = [m for m in _TOGETHER.finditer(text)]
    if not found:
        return None
    negated = [bool(_NOT_BEFORE.search(text[: m.start()])) for m in found]
    if all(negated):
        return False
    return True


def lives_with(text: str) -> Optional[Said]:
    """('yes'|'no', sure) when the words say where the relative lives; ('yes', False) for living
    together part-time, for now or soon (checked with the person); (None, False) when the words
    say both; None when the words say nothing about it."""
    text = (text or "").replace("’", "'")
    together, apart, part_time = _together(text), bool(_APART.search(text)), bool(_PART_TIME.search(text))
    if part_time:
        return (None, False) if apart else ("yes", False)
    if _HEDGED.search(text):
        settled = lives_with(_HEDGED.sub(" ", text))
        guess = settled[0] if settled is not None else ("no" if _HEDGED_NO.search(text) else "yes")
        return (guess, False)
    if _PAST.search(text) and not _BACK.search(text):
        return ("no", True)
    if together is True and apart:
        return (None, False)
    if together is True:
        return ("yes", True)
    if together is False or apart:
        return ("no", True)
    return None


__all__ = ["Said", "lives_with"]
