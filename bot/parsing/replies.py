"""Yes, no, and 'that's all' in the many ways people say them."""
from __future__ import annotations

import re
from typing import Optional

_YES = re.compile(
    r"^(?:y|ye+s+|yeah|yea|yep|yup|ya|aye|ok|okay|k|sure|please|yes please|go ahead|correct|right|that'?s right|"
    r"of course|definitely|absolutely|i do|i would|i'd like to|sounds good|fine|👍|✅)\b", re.I)
_NO = re.compile(
    r"^(?:n|no+|nope|nah|na|not really|no thanks?|no thank you|i don'?t think so|none|nothing|not now|"
    r"that'?s all|thats all|that'?s it|i'?m done|done|finished|nothing else|no more)\b", re.I)
_FINISHED = re.compile(
    r"(?:(?:no|nope|nah|ok|okay|right|i think|think|um+|erm)[, ]+)*"
    r"(?:that'?s (?:all|it|everything)|thats (?:all|it|everything)|that is (?:all|it|everything)|no more|"
    r"nothing (?:else|more)|i'?m (?:done|finished)|all done|finished|done|that will do|that'?ll do|"
    r"none|nothing|no|nope|nah|that'?s all for now|no more thanks?)"
    r"(?:[, ]+(?:thanks?|thank you|for now|i think|cheers|ta|please))*", re.I)
MAX_SHORT_REPLY_WORDS = 6


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("’", "'").strip(" .!,?")).strip()


def parse_yes_no(text: str) -> Optional[bool]:
    """True or False for a short yes or no; None for anything longer or unclear."""
    cleaned = _clean(text)
    if len(cleaned.split()) > MAX_SHORT_REPLY_WORDS:
        return None
    if _NO.match(cleaned):
        return False
    if _YES.match(cleaned):
        return True
    return None


def is_finished(text: str) -> bool:
    """The person has nothing more to add ('no', "that's all", 'nothing else', 'done')."""
    return bool(_FINISHED.fullmatch(_clean(text)))
