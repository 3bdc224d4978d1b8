"""Which Care Act wellbeing outcome area an outcome belongs to (DOMAIN.md codes), by the words
people use. The first area whose words appear wins; 'other' when none do."""
from __future__ import annotations

import re
from typing import Tuple

DOMAIN_WORDS: Tuple[Tuple[str, str], ...] = (
    ("caring_responsibilities", r"my (children|kids|son|daughter)'?s? (school|nursery)|school run|look after my (children|kids|grandchildren)|care for my (children|kids)|being a (mum|dad|parent)"),
    ("toileting", r"toilet|loo\b|continen|commode|pads?\b"),
    ("personal_hygiene", r"wash|shower|bath|clean myself|teeth|shav|hair|hygiene|personal care"),
    ("dressing", r"dress|clothes|getting ready|put on my|shoes"),
    ("nutrition", r"cook|meal|food|eat|dinner|lunch|breakfast|shopping for food|drink"),
    ("home_safety", r"fall|safe at home|stairs|move around (my|the) (home|house)|get (up|out of bed)|bed\b|trip|hoist|at night"),
    ("habitable_home", r"clean|tidy|housework|hoover|laundry|washing up|bins|garden|repairs|heating|bills"),
    ("work_learning_volunteering", r"\bjob\b|\bwork\b|college|course|learn|volunteer|study|training|university|employment"),
    ("relationships", r"family|friend|grand(children|kids|son|daughter)|partner|wife|husband|lonely|loneliness|visit my|see my|relationship|social"),
    ("community", r"\bout\b|shops|shopping|bus|train|church|mosque|temple|club|swim|gym|pub|cafe|library|park|walk|community|town|football|cinema|theatre|holiday|travel"),
)
_COMPILED = tuple((code, re.compile(words, re.IGNORECASE)) for code, words in DOMAIN_WORDS)


def wellbeing_domain(text: str) -> str:
    for code, pattern in _COMPILED:
        if pattern.search(text or ""):
            return code
    return "other"
