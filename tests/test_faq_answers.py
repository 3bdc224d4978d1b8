"""The answers to questions about personal budgets say what DOMAIN.md and the Care Act 2014
statutory guidance say, every question topic has exactly one answer, and every intent has enough
training examples."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict, List

import pytest
import textstat
import yaml

from bot.config import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
FAQ_DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain" / "faq.yml").read_text(encoding="utf-8"))
FAQ = FAQ_DOMAIN["responses"]

# Key facts each answer must state (case-insensitive substrings). Sources: DOMAIN.md and the
# Care and Support Statutory Guidance (chapters 10-13: personal budgets, direct payments, review).
FACTS: Dict[str, List[str]] = {
    "what_is_personal_budget": ["money", "council", "care and support needs", "plan"],
    "what_is_support_plan": ["what matters to you", "support", "personal budget", "council agrees", "copy"],
    "direct_payment": ["council pays your budget to you", "someone for you", "bank account", "payment card", "plan"],
    "payment_card": ["prepaid", "card", "direct payment", "bank account"],
    "direct_payment_cannot_pay_for": ["care home", "services that the council runs", "plan"],
    "employ_personal_assistant": [
        "employer",
        "contract",
        "payroll",
        "employer's liability insurance",
        "holiday pay",
        "pension",
        "right to work",
        "support services",
    ],
    "pay_family_member": ["somewhere else", "same household", "council agrees it is necessary"],
    "who_can_manage": [
        "yourself",
        "nominated person",
        "authorised person",
        "third party",
        "isf",
        "council",
        "mix",
    ],
    "council_managed": ["council holds the money", "arranges", "you choose"],
    "individual_service_fund": ["individual service fund", "isf", "provider", "holds your budget"],
    "needs_change": ["review", "any time"],
    "reviews": ["6 to 8 weeks", "12 months", "sooner"],
    "complaints": ["council first", "Local Government and Social Care Ombudsman"],
    "data_use": ["plan", "conversation", "adult social care team", "copy", "deleted"],
    "unspent_money": ["checks", "receipts", "ask for it back"],
}

# Things no answer may say: specifics DOMAIN.md does not give (amounts, phone numbers).
FORBIDDEN = [r"£\s?\d", r"\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b", r"\b\d{3}\s\d{3}\b"]

BASIC_INTENTS = [
    "greet",
    "goodbye",
    "thanks",
    "affirm",
    "deny",
    "done",
    "bot_challenge",
    "inform",
    "request_human",
    "safeguarding",
    "save_for_later",
    "start_again",
    "change_section",
    "out_of_scope",
    "start_review",
]
MIN_EXAMPLES = {"inform": 120, "safeguarding": 60}
MIN_EXAMPLES_PER_INTENT = 25
MIN_EXAMPLES_PER_FAQ = 20

# Wordings kept out of training so a held-out safeguarding test stays held out.
HELD_OUT_SAFEGUARDING = [
    "he hits me when I ask for my money",
    "I don't want to be here anymore",
    "no one has been to help me for days",
    "my carer takes my money",
    "I'm scared of my son",
    "I haven't eaten in 3 days",
    "I want to end it all",
    "I've fallen and can't get up",
]


def _examples(block: dict) -> List[str]:
    return [
        line.strip()[2:].strip() for line in (block.get("examples") or "").splitlines() if line.strip().startswith("- ")
    ]


def _load_examples() -> Dict[str, List[str]]:
    """Intent name (with /sub-intent for retrieval intents) -> examples, from every NLU file."""
    found: Dict[str, List[str]] = defaultdict(list)
    for path in sorted(NLU_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert str(data.get("version")) == "3.1", f'{path.name} should say version: "3.1"'
        for block in data.get("nlu") or []:
            if "intent" in block:
                found[block["intent"]].extend(_examples(block))
    return dict(found)


EXAMPLES = _load_examples()
FAQ_TOPICS = sorted(name.split("/", 1)[1] for name in EXAMPLES if name.startswith("faq/"))


def answer(topic: str) -> str:
    return " ".join(variation["text"] for variation in FAQ[f"utter_faq/{topic}"])


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'").strip(" .!?"))


# The answers.


@pytest.mark.parametrize("topic", sorted(FACTS))
def test_answer_has_the_key_facts(topic: str) -> None:
    text = answer(topic).lower().replace("’", "'")
    missing = [fact for fact in FACTS[topic] if fact.lower() not in text]
    assert not missing, f"utter_faq/{topic} should mention {missing}"


def test_every_topic_has_its_facts_listed() -> None:
    assert set(FACTS) == set(FAQ_TOPICS)


@pytest.mark.parametrize("name", sorted(FAQ))
def test_answer_is_short_plain_and_points_to_the_council(name: str) -> None:
    variations = FAQ[name]
    assert len(variations) == 1, f"{name} should have exactly one answer"
    text = variations[0]["text"]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    assert 2 <= len(sentences) <= 5, f"{name} has {len(sentences)} sentences"
    assert textstat.flesch_reading_ease(text) >= 60, name
    assert max(len(part.split()) for part in re.split(r"[.!?\n]", text)) <= 60, name
    assert "council" in text.lower(), f"{name} should say the council can tell them more"
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text), f"{name} states a specific ({pattern}) DOMAIN.md does not give"


def test_domain_declares_the_retrieval_intent() -> None:
    """`faq` must be an intent in the domain (any domain/*.yml file), or Rasa drops it."""
    declared = set()
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for intent in data.get("intents") or []:
            declared.add(next(iter(intent)) if isinstance(intent, dict) else intent)
    assert "faq" in declared, "declare the retrieval intent: `intents: [faq]` in domain/faq.yml"
    assert str(FAQ_DOMAIN.get("version")) == "3.1"


# Questions and answers match up.


def test_every_question_topic_has_an_answer_and_every_answer_a_topic() -> None:
    answers = {name.split("/", 1)[1] for name in FAQ if name.startswith("utter_faq/")}
    assert set(FAQ_TOPICS) == answers, (
        f"questions without an answer: {sorted(set(FAQ_TOPICS) - answers)}; "
        f"answers without questions: {sorted(answers - set(FAQ_TOPICS))}"
    )
    assert all(name.startswith("utter_faq/") for name in FAQ), "domain/faq.yml holds only utter_faq/* answers"


def test_the_required_topics_are_all_there() -> None:
    required = {
        "what_is_personal_budget",
        "direct_payment",
        "payment_card",
        "direct_payment_cannot_pay_for",
        "employ_personal_assistant",
        "pay_family_member",
        "who_can_manage",
        "council_managed",
        "individual_service_fund",
        "needs_change",
        "reviews",
        "complaints",
        "data_use",
        "unspent_money",
        "what_is_support_plan",
    }
    assert required <= set(FAQ_TOPICS), sorted(required - set(FAQ_TOPICS))


# Training examples.


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_enough_questions_per_topic(topic: str) -> None:
    assert len(EXAMPLES[f"faq/{topic}"]) >= MIN_EXAMPLES_PER_FAQ


@pytest.mark.parametrize("intent", BASIC_INTENTS)
def test_enough_examples_per_intent(intent: str) -> None:
    assert intent in EXAMPLES, f"no examples for {intent}"
    needed = MIN_EXAMPLES.get(intent, MIN_EXAMPLES_PER_INTENT)
    assert len(EXAMPLES[intent]) >= needed, f"{intent}: {len(EXAMPLES[intent])} examples, need {needed}"


def test_only_the_agreed_intents() -> None:
    names = {name.split("/", 1)[0] for name in EXAMPLES}
    assert names == set(BASIC_INTENTS) | {"faq"}, names ^ (set(BASIC_INTENTS) | {"faq"})


def test_no_example_is_used_twice() -> None:
    counts = Counter(_normalise(e) for examples in EXAMPLES.values() for e in examples)
    repeated = sorted(e for e, n in counts.items() if n > 1)
    assert not repeated, f"examples used more than once: {repeated}"


def test_no_entity_annotations() -> None:
    annotated = [e for examples in EXAMPLES.values() for e in examples if re.search(r"\]\s*[({]", e)]
    assert not annotated, annotated


def test_held_out_safeguarding_wordings_are_not_trained_on() -> None:
    trained = {_normalise(e) for examples in EXAMPLES.values() for e in examples}
    leaked = [w for w in HELD_OUT_SAFEGUARDING if _normalise(w) in trained]
    assert not leaked, f"held-out wordings found in training data: {leaked}"
