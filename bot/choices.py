"""The fixed choices of a plan (DESIGN §5) with the words people use for them.

Order matches the buttons in the domain, so a reply of '2' means the second option.
The first word list entry of each choice is its plain-English label."""
from __future__ import annotations

from typing import Dict, Tuple

Choices = Dict[str, Tuple[str, ...]]

PLANNED_BY: Choices = {
    "self": ("myself", "i am planning for myself", "for myself", "for me", "just me", "me", "mine", "my own plan", "my plan"),
    "supporter": (
        "helping someone else", "i am helping someone else", "helping someone", "on behalf", "for my",
        "my mum", "my mom", "my mother", "my dad", "my father", "my son", "my daughter", "my wife", "my husband",
        "my partner", "my brother", "my sister", "my friend", "my nan", "my gran", "my grandad", "relative",
        "family", "carer", "advocate", "her son", "her daughter", "his son", "his daughter", "for her", "for him",
        "for them", "someone else", "somebody else",
    ),
    "adviser": (
        "an adviser", "i am an adviser", "adviser", "advisor", "social worker", "support planner", "council staff",
        "i work for the council", "care navigator", "broker", "key worker", "i work for",
    ),
}

SERVICE_CATEGORIES: Choices = {
    "personal_assistant": ("a personal assistant", "personal assistant", "pa", "p.a.", "carer i employ", "employ", "my own carer", "assistant"),
    "home_care_agency": ("a home care agency", "home care agency", "home care", "agency", "care agency", "carers", "care worker", "domiciliary"),
    "day_opportunities": ("day activities", "day opportunities", "day centre", "day center", "day service", "day care", "day opportunity"),
    "short_breaks": ("short breaks", "short break", "respite", "a break", "holiday", "overnight stay"),
    "equipment": ("equipment", "aids", "hoist", "wheelchair", "walking frame", "grab rail", "bath seat", "mobility aid"),
    "assistive_technology": ("technology for home", "assistive technology", "technology", "tech", "alarm", "pendant", "sensor", "tablet", "careline", "telecare", "smart speaker", "alexa"),
    "transport": ("transport", "taxi", "cab", "travel", "bus pass", "lift", "driver", "car"),
    "activities": ("clubs and activities", "activities", "activity", "club", "classes", "class", "gym", "swimming", "hobby", "sport", "course", "membership"),
    "other": ("something else", "other", "anything else", "none of these", "something different"),
}

HOURLY_CATEGORIES = frozenset({"personal_assistant", "home_care_agency"})

MANAGEMENT_OPTIONS: Choices = {
    "direct_payment": ("a direct payment", "direct payment", "direct payments", "dp", "paid to me", "into my account", "bank account", "pay me"),
    "payment_card": ("a prepaid payment card", "payment card", "prepaid card", "pre-paid card", "card", "on a card"),
    "council_managed": ("the council arranging it", "council managed", "council-managed", "the council", "council", "managed", "notional", "you arrange", "council sort it", "council to sort"),
    "individual_service_fund": ("an individual service fund", "individual service fund", "isf", "provider holds", "provider", "service fund"),
    "third_party": ("someone I trust managing it", "third party", "someone i trust", "nominated person", "authorised person", "authorized person", "my daughter", "my son", "my wife", "my husband", "my partner", "family member", "trust", "on my behalf"),
    "mixed": ("a mix of these", "a mix", "mix", "mixed", "mixture", "combination", "both", "some of each", "part"),
}

COST_PERIODS: Choices = {
    "week": ("a week", "week", "weekly", "per week", "wk", "pw"),
    "month": ("a month", "month", "monthly", "per month", "pcm", "pm"),
    "year": ("a year", "year", "yearly", "annual", "annually", "per year", "pa", "per annum"),
    "visit": ("each time", "each time", "per visit", "visit", "session", "a session", "a day", "per day", "each visit", "a go", "per trip", "trip"),
    "4 weeks": ("every 4 weeks", "4 weeks", "four weeks", "every four weeks", "4 weekly", "four weekly", "4-weekly", "four-weekly"),
    "hour": ("an hour", "hour", "hourly", "per hour", "ph"),
    "one-off": ("one-off", "one off", "once", "one time", "just once", "single payment"),
}


def label(choices: Choices, code: str) -> str:
    """The plain-English label of a code, e.g. 'a direct payment'."""
    return choices[code][0]
