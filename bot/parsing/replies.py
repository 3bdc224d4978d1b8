"""Yes, no, and "that's all" in the many ways people say them (including 'yess', 'noo', 'yep',
'nah', '👍')."""

from __future__ import annotations

import re
from typing import Optional

from bot.safety.phrases import denies_risk

_YES = re.compile(
    r"^(?:y+|ye+s+|yes+h|yeah+|yea+|yeh|ye|yh|yep+|yup+|ya+|yas+|yus|ys|yse|aye|ok+|okay+|okey|k|kk|sure|"
    r"sure thing|please|yes please|go ahead|go on|correct|right|that'?s right|that is right|thats correct|"
    r"that'?s correct|of course|definitely|absolutely|i do|i would|sounds good|fine|alright|all right|"
    r"affirmative|indeed|certainly|defo|deffo|spot on|too right|you bet|"
    r"👍|✅|✔️?)(?=$|[\s,.!]|👍)",
    re.I,
)
_NO = re.compile(
    r"^(?:n+|no+|nope+|nop|nah+|naw|na|nay|not really|no thanks?|no thank you|i don'?t think so|none|nothing|"
    r"not now|no way|that'?s all|thats all|that'?s it|thats it|that is all|i'?m done|im done|done|finished|"
    r"nothing else|no more|negative|not at all|👎|❌)(?=$|[\s,.!]|👎)",
    re.I,
)
#: said after yes or no without changing it ('no thanks', 'yes please, that's right')
_UNSURE = re.compile(r"^(?:no idea|not sure|no clue|dunno|don'?t know|maybe|perhaps|no se)\b", re.I)
_FINISHED = re.compile(
    r"(?:(?:no|nope|nah|ok|okay|right|i think|think|um+|erm+|er|yes|yeah)[, ]+)*"
    r"(?:(?:that'?s|thats|thas|tha'?ts|that is|that|it'?s|its|it is|is|this is) (?:al+|it|everything|evrything|enough)|"
    r"no more(?: things?)?|nothing (?:else|more)(?: to add)?|i'?m (?:done|finished)|im (?:done|finished)|all done|"
    r"(?:i )?(?:am |have |'?m )?(?:finish(?:ed)?|finsh(?:ed)?|fnished)|done|that will do|enough|"
    r"that'?ll do|none|nothing|no+|nope|nah|that'?s all for now|no more thanks?|i have nothing (?:else|more))"
    r"(?:[, ]+(?:thanks?|thank you|for now|i think|cheers|ta|please|now))*",
    re.I,
)
#: a yes followed by a no ('ok no', 'yes and no'); 'no problem' and 'no worries' still agree
_TAKEN_BACK = re.compile(r"\b(?:no+|nope|nah|not)\b(?! (?:problem|worries|bother|doubt)\b)(?! a problem\b)", re.I)
#: 'done for now': finishing words that pause the session rather than end a list
_FOR_NOW = re.compile(r"\b(?:for now|for today|for the day|later|tomorrow)\b", re.IGNORECASE)
MAX_SHORT_REPLY_WORDS = 6


def _clean(text: str) -> str:
    text = (text or "").replace("’", "'").strip()
    return re.sub(r"\s+", " ", text.strip(" .!,?")).strip()


def parse_yes_no(text: str) -> Optional[bool]:
    """True or False for a short yes or no; None for anything longer, mixed or unclear."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned.split()) > MAX_SHORT_REPLY_WORDS or _UNSURE.match(cleaned):
        return None
    yes, no = bool(_YES.match(cleaned)), bool(_NO.match(cleaned))
    if yes and no:
        return None
    if yes:
        return None if _TAKEN_BACK.search(cleaned) else True
    if no:
        return False
    return None


#: what takes a yes back straight after it ('yes but…', 'ok no', 'yes, actually…')
_YES_BUT = re.compile(r"[\s,.!]*(?:but|no+|nope|nah|not|actually|sorry)\b", re.I)


def opens_with_yes(text: str) -> bool:
    """'Yes, the community minibus, £4 each way…': a yes that goes on to say more (not 'yes but…')."""
    cleaned = _clean(text)
    said = _YES.match(cleaned)
    return said is not None and not _YES_BUT.match(cleaned, said.end())


def after_yes(text: str) -> str:
    """What a yes that goes on to say more says after it ('Yes, a taxi to church' → 'a taxi to
    church'); '' when the text is not such a yes."""
    cleaned = _clean(text)
    said = _YES.match(cleaned)
    if said is None or _YES_BUT.match(cleaned, said.end()):
        return ""
    return cleaned[said.end() :].strip(" ,.!-;:")


def is_finished(text: str) -> bool:
    """The person has nothing more to add ('no', "that's all", 'nothing else', 'done')."""
    return bool(_FINISHED.fullmatch(_clean(text)))


_LEAVE = re.compile(
    r"(?:(?:no|ok|okay|please|actually|just|sorry)[, ]+)*"
    r"(?:(?:go|take me|can we go|let'?s go) )?(?:back(?: to (?:the )?(?:summary|plan|review|check|start|list))?|"
    r"cancel|never ?mind|forget (?:it|that)|leave it|stop adding|"
    r"(?:i )?(?:don'?t|do not) (?:want|need) to add (?:any ?(?:more|thing)? ?)?(?:support|anything|more)?)"
    r"(?:[, ]+(?:please|thanks?|thank you))*",
    re.IGNORECASE,
)


def leaves_the_question(text: str) -> bool:
    """'go back to the summary', 'cancel', 'never mind', "I don't want to add any support": the
    person wants out of an optional question (adding one more thing), not to answer it."""
    return bool(_LEAVE.fullmatch(_clean(text)))


def ends_a_list(text: str) -> bool:
    """Finishing words ('finish', "that's all") that end a list, not the session ('done for now' pauses)."""
    return is_finished(text) and not _FOR_NOW.search(text or "")


#: the words and phrases of coming back ('hi', "I'm back", 'ready now', 'where were we'), each once
_RETURN_PHRASES = frozenset(
    tuple(phrase.split())
    for phrase in (
        "hi hiya hello hey helo hallo morning afternoon evening back here again ready start carry continue "
        "ok okay okey k right yes yeah yep sure sorry thanks thank ta cheers please now then there you me so "
        "well um erm er oh"
    ).split()
    + [
        "good morning",
        "good afternoon",
        "good evening",
        "im back",
        "i am back",
        "im here",
        "i am here",
        "its me",
        "im ready",
        "i am ready",
        "to go",
        "to carry on",
        "to try again",
        "lets go",
        "lets carry on",
        "lets try again",
        "lets continue",
        "lets do it",
        "carry on",
        "try again",
        "go on",
        "about that",
        "ive had a break",
        "ive had a think",
        "ive had a rest",
        "i have had a break",
        "i have had a think",
        "i have had a rest",
        "ive thought about it",
        "i have thought about it",
        "where were we",
        "what were we",
    ]
)
_LONGEST_RETURN = max(len(phrase) for phrase in _RETURN_PHRASES)
_RETURN_WORDS = frozenset(word for phrase in _RETURN_PHRASES for word in phrase)
_REPEATED_END = re.compile(r"(\w)\1+$")


def _return_word(word: str) -> str:
    """'hiii' → 'hi', 'okkk' → 'ok' (a word of coming back said long); other words as they are."""
    return word if word in _RETURN_WORDS else _REPEATED_END.sub(r"\1", word)


def only_a_return(text: str) -> bool:
    """'hi, I'm back', 'ok ready now', 'where were we?': coming back, with no answer in it. Read
    word by word (each word a step, so the time grows with the length, never faster)."""
    said = (text or "").lower().replace("'", "").replace("’", "")
    words = [_return_word(word) for word in re.findall(r"[a-z0-9£]+", said)]
    if not words:
        return False
    covered = [True] + [False] * len(words)  # covered[i]: the first i words are all phrases of coming back
    for end in range(1, len(words) + 1):
        covered[end] = any(
            covered[end - size] and tuple(words[end - size : end]) in _RETURN_PHRASES
            for size in range(1, min(_LONGEST_RETURN, end) + 1)
        )
    return covered[-1]


#: not safe, or not sure of it, in reply to "Are you safe right now?"
_NOT_SAFE = re.compile(
    r"^\W*(?:no+|nope|nah|na)\b|\bnot (?:really|safe|ok|okay|sure|great|good|at the moment|now|always)\b|"
    r"\b(?:scared|afraid|frightened|danger|unsafe|don'?t know|dont know|dunno|unsure|no idea|help me)\b|"
    r"\b(?:i'?m|im|i am) not\b",
    re.IGNORECASE,
)
#: fear said beside a denial ("I'm not in danger but I'm scared"): neither safe nor not safe
_AFRAID = re.compile(r"\b(?:scared|afraid|frightened|unsafe|help me|worried)\b", re.IGNORECASE)
#: safe, in reply to the same question ('yes', "I'm ok", 'all good now')
_SAFE = re.compile(
    r"^\W*(?:y+|yes+|yeah+|yea|yep|yup|yh|ya|aye|ok+|okay|fine|safe|all good|sure|i think so)\b|"
    r"\b(?:i'?m|im|i am|i feel|feeling|we'?re|we are|(?:he|she|they|we)(?:'?s|'?re| is| are))\s+"
    r"(?:ok|okay|fine|safe|alright|all right|good)\b",
    re.IGNORECASE,
)
MAX_SAFE_REPLY_WORDS = 30


def says_safe(text: str) -> Optional[bool]:
    """The reply to "Are you safe right now?": True for safe ('yes', "I'm ok now", "no! nobody is in
    danger"), False for not safe or not sure ('no', 'not really', "I don't know"), None for
    anything else or both."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned.split()) > MAX_SAFE_REPLY_WORDS:
        return None
    if denies_risk(cleaned):  # 'No! there is no danger', "I'm not in danger", 'nobody is at risk'
        return None if _AFRAID.search(cleaned) else True
    safe, not_safe = bool(_SAFE.search(cleaned)), bool(_NOT_SAFE.search(cleaned))
    return None if safe == not_safe else safe


_SEND = re.compile(r"\b(?:send|submit)\b", re.IGNORECASE)
_NOT_YET = re.compile(
    r"\b(?:don'?t|dont|do not|not|never|no|can'?t|cannot|before)\b[\w\s']{0,15}\b(?:send|submit)|"
    r"\bnot yet\b|\bwait\b|\bhold on\b|\bhang on\b|\blater\b",
    re.IGNORECASE,
)


def asks_to_send(text: str) -> bool:
    """'just send it', 'ok submit': the plan is to be sent (not "don't send it yet", 'wait')."""
    return bool(_SEND.search(text or "")) and not _NOT_YET.search(text or "")


__all__ = [
    "after_yes",
    "asks_to_send",
    "ends_a_list",
    "is_finished",
    "leaves_the_question",
    "only_a_return",
    "opens_with_yes",
    "parse_yes_no",
    "says_safe",
]
