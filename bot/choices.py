"""The fixed choices of a plan (DESIGN §5) with the words people use for them, as code → words.

Order matches the buttons in the domain, so a reply of '2' means the second option.
The first word list entry of each choice is its plain-English label. The plan's own vocabularies
come from the catalogue (bot/plans/catalogue); who is planning and yes/no are only asked here."""

from __future__ import annotations

from typing import Dict, Tuple

from bot.plans.catalogue import CATEGORIES, COPY_ROUTES, MANAGEMENT, PAYEES, SECTIONS
from bot.plans.catalogue import COST_PERIODS as COST_PERIOD_TERMS

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

SERVICE_CATEGORIES: Choices = CATEGORIES.words()
HOURLY_CATEGORIES = frozenset(CATEGORIES.where(lambda category: category.hourly))
MANAGEMENT_OPTIONS: Choices = MANAGEMENT.words()
COST_PERIODS: Choices = COST_PERIOD_TERMS.words()
PAYEE_CHOICES: Choices = PAYEES.words()
COPY_ROUTE_CHOICES: Choices = COPY_ROUTES.words()


def label(choices: Choices, code: str) -> str:
    """The plain-English label of a code, e.g. 'a direct payment'."""
    return choices[code][0]


YES_NO: Choices = {"yes": ("yes",), "no": ("no",)}

#: an assessed need nothing in the plan meets yet: add support for it, or it is met another way
UNMET_NEED_CHOICES: Choices = {
    "add": (
        "add something",
        "add some support",
        "add support",
        "add",
        "something to help",
        "more support",
        "another service",
        "i need help with that",
    ),
    "elsewhere": (
        "covered another way",
        "it's covered another way",
        "covered",
        "another way",
        "other way",
        "already sorted",
        "sorted",
        "taken care of",
        "my family help",
        "family helps",
        "my family",
        "i manage",
        "manage it myself",
        "i do it myself",
        "no need",
        "not needed",
    ),
}

#: how often an amount is paid, said back to check it ("£30, paid each month")
PERIOD_PAID: Dict[str, str] = COST_PERIOD_TERMS.labels(lambda period: period.paid)

#: the parts of the plan a person can go back to (bot/plans/sections.py REOPENABLE), in the
#: order of the buttons of utter_ask_which_section; words are read by bot/parsing/sections.py
PLAN_PARTS: Choices = {section.code: section.words for section in SECTIONS if section.reopenable}

#: how a middling reading is put back to the person, by slot and choice:
#: "It sounds like {words}. Is that right?" (actions/choice_check.py)
CHECK_WORDS: Dict[str, Dict[str, str]] = {
    "planned_by": {
        "self": "you're making this plan for yourself",
        "supporter": "you're helping someone else with their plan",
        "adviser": "you're an adviser, helping someone with their plan",
    },
    "service_category": {code: f"you mean {label(SERVICE_CATEGORIES, code)}" for code in SERVICE_CATEGORIES},
    "management_option": MANAGEMENT.labels(lambda option: option.check),
    "service_cost_period": {code: f"that amount is paid {PERIOD_PAID[code]}" for code in COST_PERIODS},
    "plan_confirmed": {code: f"you'd like to change {label(PLAN_PARTS, code)}" for code in PLAN_PARTS},
    "add_another_service": {
        "yes": "you'd like to add another kind of support",
        "no": "that's all the support for now",
    },
    "payee_lives_with": {"yes": "they live in the same home", "no": "they live somewhere else"},
    "unmet_need": {"add": "you'd like to add some support for it", "elsewhere": "that's covered another way"},
    "paid_to": {
        "person": "the money should be paid straight to the person the plan is for",
        "nominated": "the money should go to a nominated person: someone chosen to receive it",
        "authorised": "the money should go to an authorised person: someone who makes decisions, like an attorney",
    },
    "communication_needs": {
        "none": "the information is fine as it is",
        "large_print": "large print would help",
        "easy_read": "easy read would help",
        "audio": "audio would help",
        "other_language": "information in another language would help",
        "bsl": "British Sign Language would help",
        "braille": "braille would help",
    },
    "copy_route": {
        "download": "you'd like to download your copy now",
        "post": "you'd like your copy by post",
        "email": "you'd like your copy by email",
    },
    "advocacy_wanted": {
        "yes": "you'd like an advocate",
        "no": "you don't want an advocate for now",
    },
}
