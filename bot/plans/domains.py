"""Which Care Act wellbeing outcome area an outcome belongs to (DOMAIN.md codes), from the
words people use. Rules are tried in order and the first that matches wins, so narrower
phrases ("the washing up", "my children") come before the broad words they contain."""

from __future__ import annotations

import re
from typing import Tuple

from bot.plans.catalogue import OUTCOME_DOMAINS

DOMAINS = OUTCOME_DOMAINS

_HOUSEWORK = (
    r"\bwashing up\b|\bdishes\b|\bdo(ing)? the washing\b|\blaundry\b|\bironing\b|\bhousework\b|\bhoover|\bvacuum"
    r"|\bclean(ing)? (the|my|our) (house|home|flat|kitchen|bathroom|place)"
)

RULES: Tuple[Tuple[str, str], ...] = (
    (
        "caring_responsibilities",
        r"\bschool run\b|\b(my|our) (children|child|kids|baby|toddler)\b|\bnursery\b|\bbeing a (mum|mom|dad|parent)\b"
        r"|\bparenting\b|\blook(ing)? after (my|our|the) (children|kids)\b",
    ),
    ("toileting", r"\btoilet|\bloo\b|\bincontinen|\bcontinen|\bcommode\b|\bpads\b|\bcatheter|\bstoma\b"),
    ("habitable_home", _HOUSEWORK),
    (
        "personal_hygiene",
        r"\bwash(es|ed|ing)?\b|\bshower|\bbath(e|ed|ing|s)?\b|\bclean myself\b|\bkeep(ing)? myself clean\b|\bteeth\b"
        r"|\bshav(e|ing)\b|\bhair\b|\bhygiene\b|\bpersonal care\b",
    ),
    ("dressing", r"\bdress(ed|ing)?\b|\bclothes\b|\bclothing\b|\bget(ting)? ready\b|\bshoes\b|\bsocks\b|\bbuttons?\b"),
    (
        "nutrition",
        r"\bcook|\bmeals?\b|\bfood\b|\beat(ing)?\b|\bdinner|\blunch\b(?! club)|\bbreakfast|\btea\b|\bdrink"
        r"|\bgroceries\b|\bkitchen\b",
    ),
    (
        "home_safety",
        r"\bfall(s|ing)?\b|\bfell\b|\bsafe(ly)?\b|\bstairs\b|\bmov(e|ing) (around|about)\b|\bget(ting)? out of bed\b"
        r"|\bget(ting)? up\b|\bin and out of\b|\bbed\b|\bhoist\b|\bwheelchair\b|\bat night\b|\balarm\b",
    ),
    (
        "habitable_home",
        r"\bclean(ing|er)?\b|\btid(y|ying)\b|\bbins?\b|\bgarden|\brepairs?\b|\bheating\b|\bbills\b|\bclutter|\bdecorat",
    ),
    (
        "work_learning_volunteering",
        r"\bjobs?\b|\bwork(ing)?\b(?! out)|\bemploy|\bcollege\b|\bcourses?\b|\blearn|\bvolunteer|\bstud(y|ying)\b"
        r"|\btraining\b|\buniversity\b|\bapprentice|\bqualification|\bcareer\b",
    ),
    (
        "relationships",
        r"\bfamily\b|\bfriends?\b|\bgrand(children|child|kids|son|daughter)s?\b|\bpartner\b|\bwife\b|\bhusband\b"
        r"|\bboyfriend\b|\bgirlfriend\b|\blonel|\bisolat|\brelationships?\b|\b(mum|dad|mother|father|brother|sister"
        r"|son|daughter|neighbours?)\b|\bcompany\b",
    ),
    (
        "community",
        r"\bout\b|\bshops?\b|\bshopping\b|\bbus(es)?\b|\btrains?\b|\btravel|\bchurch\b|\bmosque\b|\btemple\b"
        r"|\bgurdwara\b|\bsynagogue\b|\bclubs?\b|\bswim|\bgym\b|\bpub\b|\bcaf[eé]\b|\blibrary\b|\bpark\b|\bwalk"
        r"|\bcommunity\b|\btown\b|\bfootball\b|\bcinema\b|\btheatre\b|\bholidays?\b|\bconcerts?\b|\bclasses\b"
        r"|\bday centre\b",
    ),
)
_COMPILED = tuple((code, re.compile(words, re.IGNORECASE)) for code, words in RULES)


def wellbeing_domain(text: str) -> str:
    """The DOMAINS code for an outcome in the person's own words; 'other' when no rule matches."""
    return next((code for code, pattern in _COMPILED if pattern.search(text or "")), "other")
