"""The wellbeing areas of Care Act s.1(2) an outcome touches (catalogue WELLBEING_AREAS), from its
eligibility outcome (bot/plans/domains.py) and the person's own words. An outcome can touch several;
the two lists are different things (../shared/DOMAIN.md), so this is a second reading, not a rename."""

from __future__ import annotations

import re
from typing import Dict, Tuple

from bot.plans.catalogue import WELLBEING_AREAS

#: the areas an eligibility outcome always touches
BY_DOMAIN: Dict[str, Tuple[str, ...]] = {
    "nutrition": ("health_emotional",),
    "personal_hygiene": ("dignity", "health_emotional"),
    "toileting": ("dignity",),
    "dressing": ("dignity",),
    "home_safety": ("protection", "accommodation"),
    "habitable_home": ("accommodation",),
    "relationships": ("relationships",),
    "work_learning_volunteering": ("participation", "social_economic"),
    "community": ("participation",),
    "caring_responsibilities": ("relationships", "contribution"),
    "other": (),
}

_WORDS = {
    "dignity": r"\bdignity\b|\brespect|\bprivacy\b|\bembarrass|\bashamed\b|\bpride\b|\bproud\b",
    "health_emotional": (
        r"\bhealth|\bwell\b|\bwellbeing\b|\bhappy|\bhappier|\bmood\b|\bdepress|\banxi|\bworr|\bstress|\blonel"
        r"|\bconfiden|\bmental\b|\bfit(ter)?\b|\bexercise|\bsleep|\bpain\b|\bmedication|\bmedicine"
    ),
    "protection": r"\bsafe|\bfall|\bfell\b|\babuse|\bharm\b|\bscam|\bexploit|\brisk",
    "control": (
        r"\bindependen|\bmyself\b|\bmy own\b|\bchoose|\bchoice|\bdecide|\bcontrol\b|\bin charge\b|\bwhen i want"
        r"|\bfreedom\b|\bown decisions\b"
    ),
    "participation": (
        r"\bwork|\bjob|\bcollege\b|\bcourse|\blearn|\btrain|\bhobb|\bclub|\bswim|\bgym\b|\bclasses\b|\bgarden"
        r"|\bfootball\b|\bcinema\b|\bmusic\b|\bart\b|\bcraft|\bholiday"
    ),
    "social_economic": r"\bmoney\b|\bbills?\b|\bbudget|\bbenefits\b|\bdebt|\bincome\b|\bafford|\bsocial",
    "relationships": (
        r"\bfamily\b|\bfriend|\bgrand|\bpartner\b|\bwife\b|\bhusband\b|\bchildren\b|\bkids\b|\bneighbour"
        r"|\b(mum|dad|son|daughter|brother|sister)\b|\bcompany\b|\blonel"
    ),
    "accommodation": r"\bhome\b|\bhouse\b|\bflat\b|\bmove|\bmoving|\bliving\b|\bhousing\b|\badaptation",
    "contribution": r"\bvolunteer|\bhelp(ing)? (others|people|out)\b|\bgive back\b|\bcommunity\b|\bchurch\b|\bmosque\b",
}
_COMPILED = {area: re.compile(words, re.IGNORECASE) for area, words in _WORDS.items()}


def wellbeing_areas(text: str, domain: str) -> Tuple[str, ...]:
    """The areas, in the catalogue's order; ('control',) when nothing else is heard, since every
    outcome the person chose is about control over their own day-to-day life."""
    found = set(BY_DOMAIN.get(domain, ())) | {area for area, pattern in _COMPILED.items() if pattern.search(text or "")}
    return tuple(code for code in WELLBEING_AREAS.codes if code in found) or ("control",)
