"""Reading changes to what is already in the plan: "remove the cleaner", "take off outcome 2",
"actually make that 8 hours", and which outcomes a service helps with ("1 and 3", "all of them").

Items (outcomes or services) are matched by their number ('outcome 2', 'the second one', 'the
last one') or by the words they share with what the person typed ('the gardening one' matches
'gardener twice a month'). Shared words are compared by their first letters, so 'shower' and
'showering', 'cook' and 'cooking' meet; common words ('the', 'help', 'support'…) are ignored."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Set, Tuple

from bot.choices import SERVICE_CATEGORIES
from bot.parsing.change_of_mind import CHANGED_MIND
from bot.parsing.choices import match_choice, weighs_up
from bot.parsing.hours import read_hours
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
    _LEAD_IN
    + r"(?:remove|delete|take (?:off|out|away)|get rid of|drop|scrap|cross (?:off|out)|rub out|bin|lose)\b(?!-)\s*(.*)$",
    re.IGNORECASE,
)
#: 'take the gym off', 'knock the taxi off the plan', 'leave the gym out': what to remove said
#: between the words ('take my mum out to the shops' is not one)
_REMOVE_AROUND = re.compile(
    _LEAD_IN + r"(?:(?:take|knock|cross)\s+((?:the|my|her|his|their|that|this)\s+[\w' -]{1,40}?)\s+off|"
    r"leave\s+((?:the|that|this)\s+[\w' -]{1,40}?)\s+out)\b",
    re.IGNORECASE,
)
_NO_LONGER = re.compile(
    r"\b(?:don'?t|do not|no longer) (?:want|need)\b(?! to add\b)\s*(.*?)\s*(?:any ?more|now)?\W*$", re.IGNORECASE
)
_CORRECTION = re.compile(
    r"\b(?:actually|make (?:that|it)|change (?:that|it)(?: to)?|i meant|i mean|sorry|should (?:be|have been)|"
    r"not \S+ but|instead|correction|mistake|typo|wrong)\b|^\s*no\b|"
    # 'change the personal assistant rate to £14.50', 'agency price is 26 pound for hour not 24.50'
    r"\bchange (?:the|my|her|his|their)\b|\bnot £?\d",
    re.IGNORECASE,
)
_ALL = re.compile(
    r"\b(?:all|al of (?:em|them)|both|every ?(?:thing|thin|ting|one)?|evry ?(?:thing|thin|one)?|everthing|eveything|"
    r"each of them|the lot)\b",
    re.IGNORECASE,
)
#: all said with a hedge ('a bit of everything probably', 'pretty much all'): asked again, never taken as all
_HEDGED_ALL = re.compile(
    r"\b(?:a (?:little )?bit of|bits of|a little of|probably|maybe|i think|i guess|sort of|kind of|pretty much|"
    r"more or less|nearly|almost|mostly)\b",
    re.IGNORECASE,
)
#: none said with a hedge ('i dont think any', 'probably none', 'not any i dont think'): a guess to check
_HEDGED_NONE = re.compile(
    r"\b(?:(?:i\s+)?do(?:n'?t|nt|\s+not)\s+(?:think|reckon|believe)|not sure|probably|maybe|perhaps|doubt)\b"
    r".{0,30}\b(?:any|none|nothing|not)\b|"
    r"\b(?:any|none|nothing)\b.{0,20}\b(?:i\s+)?do(?:n'?t|nt|\s+not)\s+(?:think|reckon)\b",
    re.IGNORECASE,
)
#: 'not all of them', 'maybe not both': some, but which is not said
_NOT_ALL = re.compile(r"\bnot\s+(?:all|every|both)\b", re.IGNORECASE)
_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:all|every|evry)\b", re.IGNORECASE)
_FIRST_OR_LAST_N = re.compile(r"\b(first|last)\s+(\d|two|three|four|five)\b", re.IGNORECASE)
#: "that's all" ends a list; it does not choose every item
_THATS_ALL = re.compile(r"\b(?:that'?s|that is|thats|that'?ll be|that will be) all\b", re.IGNORECASE)
_NONE = re.compile(
    r"^\W*(?:(?:no|nah|nope|erm+|um+|well|oh)\W+)?(?:none|neither|nothing|no(?:ne)? of (?:them|those|these|em|'em)|"
    r"not really|no|nope|nah|n|nun|nowt|n/?a|zero)(?: (?:of (?:em|'em|them)|really|at all|thanks?|sorry))*\W*$|"
    r"^\W*(?:nun|nowt)\b|"
    r"^\W*(?:none|neither)\b(?!.*\b(?:but|except|apart)\b)|"
    r"\b(?:not|doesn'?t|don'?t|isn'?t|won'?t|can'?t)\b[\w\s]{0,20}\bany of (?:them|those|these|my outcomes)\b|"
    r"\b(?:doesn'?t|does not|don'?t|do not|won'?t|will not|isn'?t|not)\s+(?:really\s+)?(?:help|do|cover|meet|touch)\w*\s+"
    r"(?:with\s+)?(?:those|them|these|either|anything|any)\b(?!\s+(?:but|except|apart))",
    re.IGNORECASE,
)
_LAST = re.compile(
    r"\b(?:last|latest|previous|final) (?:one|thing|service|outcome|item)?\b|\bthe one (?:i|we) just\b", re.IGNORECASE
)
_ORDINALS = {**ORDINAL_WORDS, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINAL = re.compile(r"\b(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))\b", re.I)
#: an item number in digits; not money, and not a figure with its unit ('3 hours not 5', '2 times')
_DIGITS = re.compile(
    r"(?<![£$.\d])\b(\d{1,2})\b(?!\.\d)(?!\s*(?:hours?|hrs?|h|mins?|minutes?|times|days?|weeks?|wks?|months?|"
    r"years?|pounds?|quid|p|%|visits?|sessions?|nights?|x)\b)"
)
#: 'one', 'two'… count as a number only after a word that says so ('number two', 'outcome one')
_NAMED_NUMBER = re.compile(r"\b(?:number|no\.?|outcome|service|item|#)\s*(" + "|".join(UNITS) + r"|\d{1,2})\b", re.I)
#: a reply of number words only ('one and three', 'two, three')
_NUMBER_WORDS_ONLY = re.compile(r"^\W*(?:(?:" + "|".join(UNITS) + r")\b[\s,&+]*(?:and\b\s*)?)+\W*$", re.I)
_IGNORED = STOP_WORDS | {
    "help",
    "support",
    "service",
    "services",
    "outcome",
    "outcomes",
    "want",
    "like",
    "need",
    "week",
    "hours",
    "hour",
    "thing",
    "things",
    "bit",
    "lot",
    "able",
    "get",
    "go",
    "one",
    "ones",
    "please",
    "thanks",
    "remove",
    "delete",
}
_STEM = 5
_SHORTEST_STEM = 4


def removal_request(text: str, loose: bool = False) -> Optional[str]:
    """The words naming what to take out of the plan ('' if none given), or None when the
    message is not asking to remove something. `loose` also takes "I don't need the gardener
    any more", which inside a free-text question could be an answer instead."""
    for pattern in (_REMOVE, _REMOVE_AROUND, _NO_LONGER) if loose else (_REMOVE, _REMOVE_AROUND):
        match = pattern.search(text or "")
        if match:
            return next(group for group in match.groups() if group is not None).strip(" .!?,")
    return None


def names_other_support(text: str, category: str, description: str) -> bool:
    """Whether `text` names a kind of support other than the service of `category` and
    `description` ('she'd need a taxi' while a PA is being talked about), and not that service
    itself ('the PA is £14, or £15 with holiday pay'): its figures are about that other support."""
    named = match_choice(text, SERVICE_CATEGORIES)
    return named is not None and named != category and not _shared(_words(text), description)


_OPENS_WITH_CHANGE = re.compile(
    r"^\W*(?:(?:oh|ok|okay|hmm+|um+|erm+|well)[\s,.!]+)?(?:actually|sorry|no|wait|hang on|i meant|i mean|"
    r"on second thoughts?|change of plan|scratch that|correction)\b",
    re.IGNORECASE,
)
_CHANGE_WANTED = re.compile(
    r"\b(?:change|chnage|edit|alter|amend|wrong|fix|update|mistake|correct|add|remove|delete|take (?:out|off))\b",
    re.IGNORECASE,
)


def opens_with_change(text: str) -> bool:
    """'actually the carers should be 1 hour a day', 'sorry, the PA…': a message that starts by
    going back on something, rather than saying something new."""
    return bool(_OPENS_WITH_CHANGE.search(text or ""))


def asks_for_a_change(text: str) -> bool:
    """'i wanted to change something in my plan', 'there's a mistake in it', 'can I add something'."""
    return bool(_CHANGE_WANTED.search(text or ""))


_ADDS = re.compile(
    r"\bforg[eo]t(?:ten)?\b|\badd(?:ing)?\s+(?:that|this|it|one|another|a new|something|on)\b|"
    r"\banother\s+(?:support|one|thing)\b|\bnew\s+support\b",
    re.IGNORECASE,
)


def adds_support(text: str) -> bool:
    """'oh I forgot the choir subs, £45 a quarter, can you add that': a new support, not a change
    to one already in the plan."""
    return bool(_ADDS.search(text or ""))


def sounds_like_correction(text: str) -> bool:
    """Whether the message corrects an earlier answer ('actually…', 'no, it's…', 'make that…')."""
    return bool(_CORRECTION.search(text or ""))


#: sums in a message ('5 x 24 = 120'): the figures are worked out, not given
_SUM = re.compile(r"\d\s*(?:x|\*|×|times)\s*£?\s*\d|=", re.IGNORECASE)


def unsure_correction(text: str, has_hours: bool) -> bool:
    """Whether a correction to a recorded service ('no, only 5 hours in week, 1 hour each day')
    must be put back to the person before it is made: hours that do not read clearly (two ways
    of saying them, a number beside them that is not part of them) or a sum."""
    return bool(_SUM.search(text)) or (has_hours and not read_hours(text).certain)


def _words(text: str) -> Set[str]:
    words = re.findall(r"[a-z]+", (text or "").lower().replace("'", ""))
    return {w for w in words if w not in _IGNORED and len(w) > 1}


def _same_word(a: str, b: str) -> bool:
    """'shower'/'showering', 'cook'/'cooking', 'grandkids'/'grandchildren'."""
    a, b = _singular(a), _singular(b)
    if a == b:
        return True
    if min(len(a), len(b)) >= _SHORTEST_STEM and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= _STEM and a[:_STEM] == b[:_STEM]


def _singular(word: str) -> str:
    """'shops' → 'shop', so it meets 'shopping'."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _shared(said: Set[str], described: str) -> int:
    """How many of the words said are in an item's description."""
    words = _words(described)
    return sum(any(_same_word(w, d) for d in words) for w in said)


def _numbers(text: str) -> List[int]:
    """Every item number said: digits, ordinals ('second', '3rd'), 'number two', or a bare 'two'."""
    text = text or ""
    found = [int(d) for d in _DIGITS.findall(text)]
    found += [_ORDINALS.get(o.lower()) or int(re.sub(r"\D", "", o)) for o in _ORDINAL.findall(text)]
    found += [int(w) if w.isdigit() else UNITS[w.lower()] for w in _NAMED_NUMBER.findall(text)]
    if _NUMBER_WORDS_ONLY.match(text):
        found += [UNITS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in UNITS]
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
    first = _pointed_at(_words(" ".join((text or "").split()[:_FIRST_WORDS])), items)
    return first if first is not None else _pointed_at(_words(text), items)


#: the words that name an item come first ('scrap the taxi, my mate can drive me to the gym')
_FIRST_WORDS = 4


def _pointed_at(said: Set[str], items: Sequence[Item]) -> Optional[int]:
    """The one item sharing most words with `said`, else None."""
    scores = [(_shared(said, words), item_id) for item_id, words in items]
    best = max(score for score, _ in scores)
    winners = [item_id for score, item_id in scores if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


_QUOTED = re.compile(r"(?:^|(?<=\s))[\"'‘’“”]([^\"‘’“”]{2,}?)[\"'‘’“”](?=$|[\s,.!?;])")
#: a removal that points at something already listed ('it', 'that one', 'those', 'number 2')
_POINTER = re.compile(
    r"^\W*(?:it|that|this|them|those|these|that one|this one|(?:the )?(?:first|second|third|last|other) ?(?:one|two|three)?)\W*$",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower().replace("'", "")))


def points_at_items(wanted: str) -> bool:
    """Whether the words after 'remove' point at listed items (a number, a quoted name, 'it', 'the
    last one') rather than being an answer that happens to start like a removal ('get rid of the
    clutter in my house')."""
    return bool(
        _numbers(wanted) or _QUOTED.search(wanted or "") or _LAST.search(wanted or "") or _POINTER.match(wanted or "")
    )


def items_to_remove(wanted: str, items: Sequence[Item]) -> Optional[List[int]]:
    """The items a removal names: every number said ('number 2, 3 and 5'), a quoted name
    ("'something else'") or the one item its words point at; None when anything named is not
    there or it is unclear, so the person can be asked."""
    ids = [item_id for item_id, _ in items]
    quoted = [_plain(q) for q in _QUOTED.findall(wanted or "")]
    if quoted:
        chosen = [item_id for item_id, words in items if _plain(words) in quoted]
        return chosen if len(chosen) == len(set(quoted)) else None
    head = " ".join((wanted or "").split()[:_FIRST_WORDS])
    first = None if _numbers(head) else _pointed_at(_words(head), items)
    if first is not None:  # 'the taxi, my mate can drive me 2 gym': the '2' is not an item number
        return [first]
    numbers = _numbers(wanted)
    if len(set(numbers)) > 1 or (numbers and not _LAST.search(wanted or "")):
        return sorted(set(numbers)) if set(numbers) <= set(ids) else None
    named = item_named(wanted, items)
    return None if named is None else [named]


def items_chosen(text: str, items: Sequence[Item]) -> Optional[List[int]]:
    """Which items a reply chooses: every id for 'all'/'both', [] for 'none', the numbers or
    named items said, less any it leaves out ('all but the sleep one', '1 and 2, not 3'), and
    after a change of mind only what follows it ('2, no sorry 3'); None when the reply can't be
    read, is vague ('the first few') or weighs up ('1 or 2')."""
    text = _THATS_ALL.sub(" ", text or "")
    changed = CHANGED_MIND.split(text)
    if (
        len(changed) > 1
        and changed[-1].strip(" .,!")
        and (_NONE.search(changed[0]) or _ALL.search(changed[-1]) or _NONE.search(changed[-1]))
    ):
        text = changed[-1]  # 'None. Sorry, I mean all.'
    if _NONE.search(text):
        return []
    if _VAGUE.search(text) or weighs_up(text) or (_ALL.search(text) and _HEDGED_ALL.search(text)):
        return None
    text = _after_change_of_mind(text, items)
    ids = [item_id for item_id, _ in items]
    split = _left_out(text, items)
    if split is not None:
        kept, left_out = split
        if re.search(r"\b(?:none|nothing|neither)\b", kept, re.IGNORECASE):  # 'none except 2'
            return sorted(left_out)
        base = _picked(kept, items) if kept.strip(" ,.") and not _OTHERS.search(kept) else ids
        return [i for i in (base or ids) if i not in left_out] or None
    return _picked(text, items) or None


def items_guessed(text: str, items: Sequence[Item]) -> Optional[List[int]]:
    """A best guess, to be put back to the person, at a reply `items_chosen` cannot read: every
    item for a hedged all ('a bit of all of them'), none for a hedged none ('I don't think any');
    None when it names items, is vague ('maybe not all of them'), or says 'both' of more than two."""
    text = _THATS_ALL.sub(" ", text or "")
    ids = [item_id for item_id, _ in items]
    said = _words(text)
    if any(n in ids for n in _numbers(text)) or any(_shared(said, words) for _, words in items):
        return None
    if _VAGUE.search(text) or weighs_up(text) or _NOT_ALL.search(text):
        return None
    if _ALL.search(text):
        only_both = _BOTH.search(text) and not _EVERY.search(text)
        return ids if _HEDGED_ALL.search(text) and not (only_both and len(ids) != 2) else None
    return [] if _HEDGED_NONE.search(text) else None


def _picked(text: str, items: Sequence[Item]) -> List[int]:
    """Every item the text picks: all of them, or by number, position and name together ('both'
    with items named is those items)."""
    ids = [item_id for item_id, _ in items]
    said = _words(text)
    picked = {n for n in _numbers(text) if n in ids} | {item_id for item_id, words in items if _shared(said, words)}
    picked |= set(_by_position(text, ids))
    if _ALL.search(text) and not (picked and _BOTH.search(text) and not _EVERY.search(text)):
        return ids
    return sorted(picked)


def _by_position(text: str, ids: List[int]) -> List[int]:
    """'the last one', 'the middle one', 'the first two', 'the last 2'."""
    found: List[int] = []
    for match in _FIRST_OR_LAST_N.finditer(text):
        said = match.group(2).lower()
        count = int(said) if said.isdigit() else UNITS[said]
        found += ids[:count] if match.group(1).lower() == "first" else ids[-count:]
    if re.search(r"\blast\b", text, re.IGNORECASE) and not _FIRST_OR_LAST_N.search(text):
        found.append(ids[-1])
    if re.search(r"\bmiddle\b", text, re.IGNORECASE) and len(ids) % 2 == 1:
        found.append(ids[len(ids) // 2])
    return found


def _left_out(text: str, items: Sequence[Item]) -> Optional[Tuple[str, Set[int]]]:
    """('the rest of what was said', the items left out) when the reply leaves some out, else None."""
    match = _EXCEPT.search(text)
    if match is None:
        return None
    after = text[match.end() :]
    end = _END_OF_EXCEPTION.search(after)
    left_out = set(_picked(after[: end.start()] if end else after, items))
    if not left_out or set(left_out) == {item_id for item_id, _ in items}:
        return None
    return text[: match.start()] + " " + (after[end.end() :] if end else ""), left_out


def _after_change_of_mind(text: str, items: Sequence[Item]) -> str:
    """What follows the last change of mind ('2, no sorry 3' → '3') when both sides pick something."""
    for match in reversed(list(CHANGED_MIND.finditer(text))):
        before, after = text[: match.start()], text[match.end() :]
        if _picked(before, items) and _picked(after, items):
            return after
    return text


_VAGUE = re.compile(r"\b(?:few|some|couple|most|several|majority)\b", re.IGNORECASE)
_EXCEPT = re.compile(
    r"\b(?:except(?: for)?|apart from|but not|other than|not|without|excluding|bar)\b|"
    r"(?<=\ball )but\b|(?<=\bthem )but\b|(?<=thing )but\b|(?<=\bone )but\b",
    re.IGNORECASE,
)
_END_OF_EXCEPTION = re.compile(r"[,;]|\b(?:but|just|only|so|and the other|the other|the rest)\b", re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:the other (?:two|ones?)|the rest|others)\b", re.IGNORECASE)
