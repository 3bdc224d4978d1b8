"""The plan document: HTML in the order of DESIGN §6 with the budget table, and the PDF made from it."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from pypdf import PdfReader

from bot.plans import service
from bot.plans.documents import plan_to_html, plan_to_pdf
from bot.plans.service import get_plan
from tests.support.plans import make_plan

SECTIONS = [
    "My personal budget",
    "What is important to me",
    "What I want to change",
    "My support and what it costs",
    "How my budget will be managed",
    "If things go wrong",
    "Status",
]


def test_the_html_plan_has_every_section_in_order_and_the_budget_table(demo_person: str) -> None:
    html = plan_to_html(get_plan(make_plan(demo_person, "web-x")))
    positions = [html.index(f">{title}<") for title in SECTIONS]
    assert positions == sorted(positions)
    assert "£250.00 a week, or £13,000.00 a year" in html
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption" in table and 'scope="col"' in table and 'scope="row"' in table
    for text in (
        "A PA to help me cook",
        "6.0 hours a week at £15.00 an hour",
        "£90.00",
        "Swimming club",
        "£100.00",
        ">Total<",
        "£190.00",
        ">Left<",
        "£60.00",
    ):
        assert text in table, text
    assert '<html lang="en-GB">' in html and "<style>" in html  # stands alone


def test_free_text_is_escaped(demo_person: str) -> None:
    html = plan_to_html(get_plan(make_plan(demo_person, "web-x")))
    assert "My garden &amp; my cat &lt;Tibbles&gt;" in html and "<Tibbles>" not in html


def test_over_budget_says_so_in_words(demo_person: str) -> None:
    ref = make_plan(demo_person, "web-x")
    service.add_service(ref, service.NewService("other", "Garden help", None, None, Decimal("80"), ()))
    html = plan_to_html(get_plan(ref))
    assert ">Over my budget by<" in html and "£20.00" in html and ">Left<" not in html


def test_the_web_version_links_its_styles_and_the_pdf(demo_person: str) -> None:
    ref = make_plan(demo_person, "web-x")
    html = plan_to_html(get_plan(ref), stylesheet_url="/plan-document.css", pdf_url=f"/plans/{ref}?format=pdf")
    assert '<link rel="stylesheet" href="/plan-document.css">' in html and "<style>" not in html
    assert f'href="/plans/{ref}?format=pdf"' in html


def test_the_pdf_holds_the_plan_as_text(demo_person: str) -> None:
    ref = make_plan(demo_person, "web-x", submit=True)
    pdf = plan_to_pdf(get_plan(ref))
    assert pdf.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    for words in ("My support plan", ref, "What is important to me", "Swimming club", "£190.00", "Sent to the council"):
        assert words in text, words
