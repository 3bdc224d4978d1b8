"""The plan document a council can sign off (Care Act s.25), as text, HTML and PDF: the needs from
the assessment and how each is met, outcomes with their wellbeing areas, the budget with its split
and that it was an estimate, the direct payment, the advice given, the checks raised, who took part,
communication needs and the space for the council's sign-off. Plans are made by the plan service."""

from __future__ import annotations

import dataclasses
import re
from io import BytesIO
from typing import List

import pytest
from pypdf import PdfReader

from bot.plans import service
from bot.plans.catalogue import FLAGS, NEEDS, PAYEES, WELLBEING_AREAS
from bot.plans.documents import person_copy, plan_to_html, plan_to_pdf
from bot.plans.export import plan_to_text
from tests.support.plans import ADVICE, make_plan, make_sign_off_plan

HEADINGS = [
    "My personal budget",
    "What is important to me",
    "My needs and how they are met",
    "What I want to change",
    "My support and what it costs",
    "How my budget will be managed",
    "If things go wrong",
    "Questions I asked",
    "Things the council will check",
    "Who helped make this plan",
    "How I would like information",
    "Notes",
    "Status",
    "For the council: signing off this plan",
]
SPLIT = "The council pays £210.00 a week of it, and I pay £40.00 a week (my assessed contribution)."
PAYMENT = f"The council will pay £840.00 every 4 weeks {PAYEES['nominated'].document_words}."


def words(html: str) -> str:
    """The HTML's text, tags taken out and spaces made single (entities as they are)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def in_order(document: str, parts: List[str]) -> bool:
    positions = [document.find(part) for part in parts]
    return -1 not in positions and positions == sorted(positions)


@pytest.fixture
def sent(demo_person: str) -> str:
    return make_sign_off_plan(demo_person, "web-s")


def test_the_text_has_every_s25_part_in_order(sent: str) -> None:
    text = plan_to_text(service.get_plan(sent))
    assert in_order(text, [f"\n{heading}\n" for heading in HEADINGS])
    for expected in (
        SPLIT,
        "This is the council's estimate to plan with. It can change when the council agrees my plan.",
        "It comes from my assessment on 3 March 2026.",
        f"- {NEEDS['personal_hygiene'].document_words}: by my support: My daughter Sue helps me wash.",
        f"- {NEEDS['nutrition'].document_words}: met another way, not from my budget.",
        f"- {NEEDS['community'].document_words}: not met yet.",
        f"This helps my wellbeing: {WELLBEING_AREAS['dignity'].label}; {WELLBEING_AREAS['health_emotional'].label}.",
        "needs: Keeping clean.",
        PAYMENT,
        "This is the council's share, after my contribution.",
        "It pays for the support above, for these needs: Keeping clean.",
        ADVICE[0],
        "- About support 1: £11.00 an hour is less than the National",
        "A direct payment can only pay your daughter,",
        "- Me\n  - Sue, my daughter",
        "I would like information in these ways: large print, another language.",
        "Details: Polish",
        "independent advocate",
        "Name:            ______",
        "Agreed on:       ______",
    ):
        assert expected in text, expected
    assert "wellbeing domain" not in text.lower() and "personal_hygiene" not in text


def test_an_agreed_plan_says_when_and_its_first_review(demo_person: str) -> None:
    plan = service.get_plan(make_sign_off_plan(demo_person, "web-s", agree=True))
    assert plan.agreed_at is not None and plan.review_due is not None
    text = plan_to_text(plan)
    assert f"Agreed on:       {plan.agreed_at.day} {plan.agreed_at:%B %Y}" in text
    assert f"First review by: {plan.review_due.day} {plan.review_due:%B %Y}" in text
    assert "This was the council's estimate to plan with." in text
    html = words(plan_to_html(plan))
    assert f"Agreed on {plan.agreed_at.day} {plan.agreed_at:%B %Y}" in html
    assert f"First review by {plan.review_due.day} {plan.review_due:%B %Y}" in html


def test_the_html_has_every_part_as_a_heading_and_the_needs_as_a_table(sent: str) -> None:
    html = plan_to_html(service.get_plan(sent))
    assert in_order(html, [f">{heading}</h2>" for heading in HEADINGS])
    needs = html[html.index('<table class="govuk-table plan-needs">') :].split("</table>", 1)[0]
    assert "<caption" in needs and 'scope="col"' in needs and needs.count('scope="row"') == 3
    text = words(html)
    for expected in (
        SPLIT,
        "Keeping clean By my support: 1. My daughter Sue helps me wash.",
        "Eating and drinking Met another way, not from my budget.",
        "Getting out and using local places Not met yet. The council will talk this through with me.",
        "This helps my wellbeing: being treated with dignity and respect; my health and how I feel.",
        "Needs: Keeping clean",
        PAYMENT,
        f"{ADVICE[0]} {ADVICE[1]}",
        "About support 1: £11.00 an hour is less than the National Living Wage",
        "Sue, my daughter",
        "Name Role Signature Date Agreed on First review by",
    ):
        assert expected in text, expected
    assert "<dt>Can I pay a family member?</dt>" in html


def test_the_pdf_holds_the_new_parts_as_text(sent: str) -> None:
    pdf = plan_to_pdf(service.get_plan(sent))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)
    for expected in (
        "My needs and how they are met",
        "£210.00",
        "Not met yet.",
        "£840.00 every 4 weeks",
        "Can I pay a family member?",
        "Things the council will check",
        "Sue, my daughter",
        "large print, another language",
        "For the council: signing off this plan",
        "First review by",
    ):
        assert expected in text, expected


def test_the_persons_copy_keeps_the_sign_off_parts_and_leaves_out_council_only_flags(sent: str) -> None:
    plan = service.get_plan(sent)
    flagged = dataclasses.replace(plan, flags=(*plan.flags, "safeguarding"))
    council, person = plan_to_html(flagged), plan_to_html(person_copy(flagged))
    assert FLAGS["safeguarding"].document_words in council
    assert FLAGS["safeguarding"].document_words not in person
    for kept in (FLAGS["advocacy_requested"].document_words, "Things the council will check", ADVICE[0], PAYMENT):
        assert kept in words(person), kept


def test_a_plan_without_an_assessment_or_answers_says_so_plainly(demo_person: str) -> None:
    text = plan_to_text(service.get_plan(make_plan(demo_person, "web-x")))
    for expected in (
        "The council will add the needs from my assessment.",
        "I did not ask any questions while making this plan.",
        "How I would like information\n  Not asked yet.",
        "Who helped make this plan\n  - Me\n",
        "The council will pay £1,000.00 every 4 weeks. Who receives it is not decided yet.",
    ):
        assert expected in text, expected
    assert "Things the council will check" not in text and "assessed contribution" not in text
