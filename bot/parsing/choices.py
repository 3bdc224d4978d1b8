"""Matching a reply to one of a fixed set of choices. `choices` maps each code to its words (the
first is the display label). A reply matches by its option number ('2', '2.', 'option 2',
'number two', 'the second one'), the code, one of the words or phrases inside a sentence (the
longest wins), or a close typo (difflib, per word). Unmatched replies, ties, and replies that weigh
up two options ('card or council') give None."""

from __future__ import annotations

import difflib
import re
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.parsing.change_of_mind import CHANGED_MIND_BUT_NO
from bot.parsing.negation import ruled_out_at
from bot.parsing.numbers import ORDINAL_WORDS, number_in

TYPO_CUTOFF = 0.8
_WEIGHING_UP = re.compile(r"\b(?:or|either|between|not sure|maybe|unsure|don'?t know)\b")
MIN_TYPO_LENGTH = 4
_NUMBER_REPLY = re.compile(
    r"^(?:(?:it'?s|its|i'?ll (?:go for|take|have)|i (?:choose|pick|want))\s+)?(?:the\s+)?"
    r"(?:option|number|no\.?|choice|#)?\s*(\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)\s*(?:one|option|choice)?\s*[.)]?\s*"
    r"(?:please|thanks?)?$",
    re.I,
)


def _clean(text: str) -> str:
    text = (text or "").lower().replace("’", "'").replace("_", " ")
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'+&-]", " ", text)).strip()


def _option_number(cleaned: str) -> Optional[int]:
    """'2', 'option 2', 'number two', 'the second one' → 2; anything else → None."""
    match = _NUMBER_REPLY.match(cleaned)
    if not match:
        return None
    said = match.group(1)
    if any(word not in ORDINAL_WORDS and number_in(word) is None for word in re.split(r"[\s-]", said)):
        return None  # 'four weekly' names a period, not option 4
    if said in ORDINAL_WORDS:
        return ORDINAL_WORDS[said]
    value = number_in(said)
    if value is None or value != value.to_integral():
        return None
    return int(value)


def _phrases(code: str, words: Sequence[str]) -> List[str]:
    return [p for p in (_clean(code.replace("_", " ")), *(_clean(w) for w in words)) if p]


def _all_places(cleaned: str, choices: Mapping[str, Sequence[str]]) -> Dict[str, List[Tuple[int, int]]]:
    """Where each code's phrases are said whole inside the reply."""
    places: Dict[str, List[Tuple[int, int]]] = {}
    for code, words in choices.items():
        for phrase in _phrases(code, words):
            for match in re.finditer(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", cleaned):
                places.setdefault(code, []).append(match.span())
    return places


def _phrase_places(cleaned: str, choices: Mapping[str, Sequence[str]]) -> Dict[str, List[Tuple[int, int]]]:
    """Where each code's phrases are said whole inside the reply and not ruled out ('not the council')."""
    places = {
        code: [span for span in spans if not ruled_out_at(cleaned, span[0])]
        for code, spans in _all_places(cleaned, choices).items()
    }
    return {code: spans for code, spans in places.items() if spans}


def ruled_out(text: str, choices: Mapping[str, Sequence[str]]) -> List[str]:
    """The codes the reply names only to rule them out ('not the day centre, a class' → day centre)."""
    cleaned = _clean(text)
    return [
        code
        for code, spans in _all_places(cleaned, choices).items()
        if all(ruled_out_at(cleaned, start) for start, _ in spans)
    ]


def choice_after_change_of_mind(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    """The choice named after the last change of mind ('for myself - oh wait, it's for my dad' → the
    words of 'it's for my dad'), or None when there is no change of mind or nothing is named after it."""
    changes = list(CHANGED_MIND_BUT_NO.finditer(text or ""))
    if not changes:
        return None
    after = (text or "")[changes[-1].end() :]
    return match_choice(after, choices) if _clean(after) else None


def _by_phrase(cleaned: str, places: Mapping[str, List[Tuple[int, int]]]) -> Optional[str]:
    """The code with the longest phrase said ('a PA to take me swimming' → the PA, 'my mum' over
    'mum'); None on a tie, or when the reply weighs up options ('card or council')."""
    longest = {code: max(end - start for start, end in spans) for code, spans in places.items()}
    winner = _single(longest)
    if winner is None:
        return None
    won = [span for span in places[winner] if span[1] - span[0] == longest[winner]]
    rivals = any(code != winner and any(not _overlaps(span, won) for span in spans) for code, spans in places.items())
    return None if rivals and _WEIGHING_UP.search(cleaned) else winner


def _overlaps(span: Tuple[int, int], others: List[Tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _by_typo(cleaned: str, choices: Mapping[str, Sequence[str]]) -> Dict[str, float]:
    """The codes with a phrase close to some words in a row of the reply (each word of the phrase
    within the cutoff of the word it lines up with), with the best closeness."""
    words = cleaned.split()
    best: Dict[str, float] = {}
    for code, options in choices.items():
        for phrase in _phrases(code, options):
            if len(phrase) < MIN_TYPO_LENGTH:
                continue
            target = phrase.split()
            for i in range(len(words) - len(target) + 1):
                window = words[i : i + len(target)]
                ratios = [difflib.SequenceMatcher(None, a, b).ratio() for a, b in zip(target, window, strict=False)]
                if min(ratios) >= TYPO_CUTOFF:
                    closeness = difflib.SequenceMatcher(None, phrase, " ".join(window)).ratio()
                    best[code] = max(best.get(code, 0.0), closeness)
    return best


def _single(scores: Mapping[str, float]) -> Optional[str]:
    if not scores:
        return None
    top = max(scores.values())
    winners = [code for code, score in scores.items() if score == top]
    return winners[0] if len(winners) == 1 else None


def weighs_up(text: str) -> bool:
    """'card or council', 'not sure', 'maybe the PA': the reply weighs up options or hedges."""
    return bool(_WEIGHING_UP.search(_clean(text)))


#: an option number with words after it ('4. my agency keep cancelling', 'number 1 def', '2 - the card')
_NUMBER_THEN_WORDS = re.compile(
    r"^\W*(?:(?:option|number|no\.?|#)\s*(\d{1,2})(?:\s*[.):,-])?|(\d{1,2})\s*[.):-])\s+(?=[^\W\d])(.*)$", re.I | re.S
)


def _number_then_words(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[int]:
    """The option number said first, when the words after it hold no other number and name no
    other option (then they are the person's own words about it)."""
    match = _NUMBER_THEN_WORDS.match((text or "").strip())
    if match is None or re.search(r"\d", match.group(3)):
        return None
    number = int(match.group(1) or match.group(2))
    codes = list(choices)
    if not 1 <= number <= len(codes):
        return None
    named = match_choice(match.group(3), choices)
    return number if named in (None, codes[number - 1]) else None


def option_picked(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    """The code of the option the reply picks by its number ('2', 'the second one', '2. the
    card'), else None."""
    number = _option_number(_clean(text))
    if number is None:
        number = _number_then_words(text, choices)
    codes = list(choices)
    return codes[number - 1] if number is not None and 1 <= number <= len(codes) else None


def match_choice(text: str, choices: Mapping[str, Sequence[str]]) -> Optional[str]:
    """The code of the choice the reply picks, or None when it picks none or is ambiguous."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    if _option_number(cleaned) is not None:
        return option_picked(text, choices)
    places = _phrase_places(cleaned, choices)
    if places:
        return _by_phrase(cleaned, places)
    if ruled_out(cleaned, choices):  # 'not an agency': what is named is ruled out, not misspelt
        return None
    return _single(_by_typo(cleaned, choices))


#: the plan or budget itself ('for my budget', 'with my plan'), which says nothing of who is planning
_THE_PLAN_ITSELF = re.compile(
    r"\b(?:for|with|about|on|do|make|start)\s+(?:my|the|a|our|this)\s+(?:personal\s+|support\s+|care\s+)?"
    r"(?:plan|budget|money)\b",
    re.IGNORECASE,
)


def without_the_plan_named(text: str) -> str:
    """`text` without the words that name the plan or budget itself ("I want make plan for my
    budget"), for reading who is planning from a message that was not an answer to that question."""
    return _THE_PLAN_ITSELF.sub(" ", text)


__all__ = [
    "choice_after_change_of_mind",
    "match_choice",
    "option_picked",
    "ruled_out",
    "weighs_up",
    "without_the_plan_named",
]
