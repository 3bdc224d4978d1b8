"""The words that say a person has changed their mind part-way through an answer ('£40 a week, no
sorry £45', '8 hours, I mean 6'), in one place for every reader that takes the later answer."""

from __future__ import annotations

import re

_WORDS = r"sorry|actually|i mean|i meant|wait|hang on|or rather|scratch that|make (?:that|it)"

#: a change of mind, with the spaces and punctuation after it
CHANGED_MIND = re.compile(rf"\b(?:no|{_WORDS})\b[\s,.!]*", re.IGNORECASE)
#: the same without 'no', for a yes/no answer, where 'no' is the answer itself
CHANGED_MIND_BUT_NO = re.compile(rf"\b(?:{_WORDS})\b[\s,.!]*", re.IGNORECASE)
#: a change of mind or a new figure replacing an old one ('it was £80 a month but now it's £95')
NEW_FIGURE = re.compile(rf"\b(?:no|{_WORDS}|but now|now it'?s|gone up to|went up to|changed to)\b", re.IGNORECASE)
