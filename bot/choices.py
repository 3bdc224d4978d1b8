"""The fixed choices of a plan (DESIGN §5) with the words people use for them.

Order matches the buttons in the domain, so a reply of '2' means the second option.
The first word list entry of each choice is its plain-English label."""

from __future__ import annotations

from typing import Dict, Tuple

Choices = Dict[str, Tuple[str, ...]]

PLANNED_BY: Choices = {
    "self": (
        "myself",
        "i am planning for myself",
        "for myself",
        "for me",
        "just me",
        "me",
        "mine",
        "my own plan",
        "my plan",
    ),
    "supporter": (
        "helping someone else",
        "i am helping someone else",
        "helping someone",
        "on behalf",
        "for my",
        "my mum",
        "my mom",
        "my mother",
        "my dad",
        "my father",
        "my son",
        "my daughter",
        "my wife",
        "my husband",
        "my partner",
        "my brother",
        "my sister",
        "my friend",
        "my nan",
        "my gran",
        "my grandad",
        "relative",
        "family",
        "carer",
        "advocate",
        "her son",
        "her daughter",
        "his son",
        "his daughter",
        "for her",
        "for him",
        "for them",
        "someone else",
        "somebody else",
        "niece",
        "nephew",
        "aunt",
        "aunty",
        "auntie",
        "uncle",
        "cousin",
        "grandson",
        "granddaughter",
        "grandma",
        "grandmother",
        "grandpa",
        "grandfather",
        "nana",
        "in law",
        "in-law",
        "stepson",
        "stepdaughter",
        "stepmum",
        "stepdad",
        "neighbour",
        "neighbor",
        "godson",
        "goddaughter",
        "the person",
        "next of kin",
        "lasting power of attorney",
        "power of attorney",
    ),
    "adviser": (
        "an adviser",
        "i am an adviser",
        "adviser",
        "advisor",
        "social worker",
        "support planner",
        "council staff",
        "i work for the council",
        "care navigator",
        "broker",
        "key worker",
        "i work for",
    ),
}

SERVICE_CATEGORIES: Choices = {
    "personal_assistant": (
        "a personal assistant",
        "personal assistant",
        "pa",
        "p.a.",
        "carer i employ",
        "employ",
        "my own carer",
        "assistant",
    ),
    "home_care_agency": (
        "a home care agency",
        "home care agency",
        "home care",
        "agency",
        "care agency",
        "carers",
        "care worker",
        "domiciliary",
    ),
    "day_opportunities": (
        "day activities",
        "day opportunities",
        "day centre",
        "day center",
        "day service",
        "day care",
        "day opportunity",
    ),
    "short_breaks": ("short breaks", "short break", "respite", "a break", "holiday", "overnight stay"),
    "equipment": (
        "equipment",
        "aids",
        "hoist",
        "wheelchair",
        "walking frame",
        "grab rail",
        "bath seat",
        "mobility aid",
    ),
    "assistive_technology": (
        "technology for home",
        "assistive technology",
        "technology",
        "tech",
        "alarm",
        "pendant",
        "sensor",
        "tablet",
        "careline",
        "telecare",
        "smart speaker",
        "alexa",
    ),
    "transport": ("transport", "taxi", "cab", "travel", "bus pass", "lift", "driver", "car"),
    "activities": (
        "clubs and activities",
        "activities",
        "activity",
        "club",
        "classes",
        "class",
        "gym",
        "swimming",
        "hobby",
        "sport",
        "course",
        "membership",
    ),
    "other": ("something else", "other", "anything else", "none of these", "something different"),
}

HOURLY_CATEGORIES = frozenset({"personal_assistant", "home_care_agency"})

MANAGEMENT_OPTIONS: Choices = {
    "direct_payment": (
        "a direct payment",
        "direct payment",
        "direct payments",
        "dp",
        "paid to me",
        "into my account",
        "bank account",
        "pay me",
    ),
    "payment_card": ("a prepaid payment card", "payment card", "prepaid card", "pre-paid card", "card", "on a card"),
    "council_managed": (
        "the council arranging it",
        "council managed",
        "council-managed",
        "the council",
        "council",
        "managed",
        "notional",
        "you arrange",
        "council sort it",
        "council to sort",
    ),
    "individual_service_fund": (
        "an individual service fund",
        "individual service fund",
        "isf",
        "provider holds",
        "provider",
        "service fund",
    ),
    "third_party": (
        "someone I trust managing it",
        "third party",
        "someone i trust",
        "nominated person",
        "authorised person",
        "authorized person",
        "my daughter",
        "my son",
        "my wife",
        "my husband",
        "my partner",
        "family member",
        "trust",
        "on my behalf",
    ),
    "mixed": ("a mix of these", "a mix", "mix", "mixed", "mixture", "combination", "both", "some of each", "part"),
}

COST_PERIODS: Choices = {
    "week": ("a week", "week", "weekly", "per week", "wk", "pw"),
    "month": ("a month", "month", "monthly", "per month", "pcm", "pm"),
    "year": ("a year", "year", "yearly", "annual", "annually", "per year", "pa", "per annum"),
    "visit": (
        "each time",
        "every time",
        "per visit",
        "visit",
        "session",
        "a session",
        "a day",
        "per day",
        "each visit",
        "a go",
        "per trip",
        "trip",
    ),
    "4 weeks": (
        "every 4 weeks",
        "4 weeks",
        "four weeks",
        "every four weeks",
        "4 weekly",
        "four weekly",
        "4-weekly",
        "four-weekly",
    ),
    "hour": ("an hour", "hour", "hourly", "per hour", "ph"),
    "one-off": ("one-off", "one off", "once", "one time", "just once", "single payment"),
}


def label(choices: Choices, code: str) -> str:
    """The plain-English label of a code, e.g. 'a direct payment'."""
    return choices[code][0]


YES_NO: Choices = {"yes": ("yes",), "no": ("no",)}

#: how often an amount is paid, said back to check it ("£30, paid each month")
PERIOD_PAID: Dict[str, str] = {
    "week": "each week",
    "month": "each month",
    "year": "each year",
    "visit": "each time it is used",
    "4 weeks": "every 4 weeks",
    "hour": "for each hour",
    "one-off": "just once",
}

#: the parts of the plan a person can go back to (bot/plans/sections.py REOPENABLE), in the
#: order of the buttons of utter_ask_which_section; words are read by bot/parsing/sections.py
PLAN_PARTS: Choices = {
    "important": ("what is important to you",),
    "outcomes": ("what you want to change",),
    "services": ("your support",),
    "management": ("how the money is managed",),
    "contingency": ("the back-up plan",),
}

#: how a middling reading is put back to the person, by slot and choice:
#: "It sounds like {words}. Is that right?" (actions/choice_check.py)
CHECK_WORDS: Dict[str, Dict[str, str]] = {
    "planned_by": {
        "self": "you're making this plan for yourself",
        "supporter": "you're helping someone else with their plan",
        "adviser": "you're an adviser, helping someone with their plan",
    },
    "service_category": {code: f"you mean {label(SERVICE_CATEGORIES, code)}" for code in SERVICE_CATEGORIES},
    "management_option": {
        "direct_payment": "you'd like a direct payment, paid to you to arrange support",
        "payment_card": "you'd like a prepaid payment card",
        "council_managed": "you'd like the council to arrange the support",
        "individual_service_fund": "you'd like a provider to hold the money (an individual service fund)",
        "third_party": "you'd like someone you trust to manage the money",
        "mixed": "you'd like a mix of ways to manage the money",
    },
    "service_cost_period": {code: f"that amount is paid {PERIOD_PAID[code]}" for code in COST_PERIODS},
    "plan_confirmed": {code: f"you'd like to change {label(PLAN_PARTS, code)}" for code in PLAN_PARTS},
    "add_another_service": {
        "yes": "you'd like to add another kind of support",
        "no": "that's all the support for now",
    },
}
