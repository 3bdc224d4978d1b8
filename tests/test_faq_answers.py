"""The answers to questions about personal budgets say what DOMAIN.md and the Care Act say."""
from __future__ import annotations

import pytest
import yaml

from bot.config import PROJECT_ROOT

FAQ = yaml.safe_load((PROJECT_ROOT / "domain" / "faq.yml").read_text())["responses"]
NLU = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "faq.yml").read_text())["nlu"]

FACTS = {
    "direct_payment": ["pays your budget to you", "bank account", "payment card", "plan"],
    "payment_card": ["prepaid", "card"],
    "direct_payment_cannot_pay_for": ["care home", "council runs"],
    "employ_personal_assistant": ["employer", "contract", "payroll", "insurance", "holiday pay", "pension", "right to work"],
    "pay_family_member": ["same household", "council agrees", "somewhere else"],
    "who_can_manage": ["nominated person", "authorised person", "ISF", "council"],
    "needs_change": ["review", "any time"],
    "reviews": ["6 to 8 weeks", "12 months", "sooner"],
    "complaints": ["council", "Local Government and Social Care Ombudsman"],
    "data_use": ["council", "copy", "deleted"],
    "unspent_money": ["ask for it back", "receipts"],
    "individual_service_fund": ["provider"],
    "council_managed": ["council", "arranges"],
}


def answer(topic: str) -> str:
    return " ".join(v["text"] for v in FAQ[f"utter_faq/{topic}"])


@pytest.mark.parametrize("topic, facts", FACTS.items())
def test_answer_has_the_key_facts(topic: str, facts: list) -> None:
    text = answer(topic).lower()
    missing = [f for f in facts if f.lower() not in text]
    assert not missing, f"utter_faq/{topic} should mention {missing}"


def test_every_question_topic_has_an_answer_and_enough_examples() -> None:
    topics = {block["intent"].split("/", 1)[1]: block["examples"] for block in NLU}
    answers = {name.split("/", 1)[1] for name in FAQ}
    assert set(topics) == answers
    for topic, examples in topics.items():
        assert len([e for e in examples.splitlines() if e.strip().startswith("- ")]) >= 12, topic
