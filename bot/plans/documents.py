"""The plan as a document: HTML (bot/templates/plan.html.j2, sections in the order of DESIGN §6)
and PDF made from that same HTML by xhtml2pdf. The person's own copy (`person_copy`) leaves out
what only the council sees (the safeguarding flag and its wording)."""

from __future__ import annotations

import dataclasses
from io import BytesIO
from pathlib import Path
from typing import Optional

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bot.plans.catalogue import FLAGS
from bot.plans.export import FILTERS
from bot.plans.views import PlanView

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: the document's styles; the web app serves this file, saved HTML and PDFs carry it inline
STYLESHEET = TEMPLATES / "plan.css"


#: flags shown to advisers only: someone else may see the person's copy of their plan
COUNCIL_ONLY_FLAGS = frozenset(FLAGS.where(lambda flag: flag.council_only))


def person_copy(plan: PlanView) -> PlanView:
    """The plan as the person sees it: without the council-only flags."""
    return dataclasses.replace(plan, flags=tuple(flag for flag in plan.flags if flag not in COUNCIL_ONLY_FLAGS))


class DocumentError(RuntimeError):
    """The PDF could not be made."""


def html_environment() -> Environment:
    """A Jinja2 environment for HTML plan templates, with the plan filters (shared with the console)."""
    environment = Environment(
        loader=PackageLoader("bot", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(FILTERS)
    return environment


_environment = html_environment()


def plan_to_html(plan: PlanView, stylesheet_url: Optional[str] = None, pdf_url: Optional[str] = None) -> str:
    """A whole HTML page. With `stylesheet_url` it links the styles (the web page, whose CSP
    allows no inline styles); without, it carries them inline, so the file stands alone.
    With `pdf_url` it links to the PDF of the same plan."""
    stylesheet = "" if stylesheet_url else STYLESHEET.read_text(encoding="utf-8")
    return _environment.get_template("plan.html.j2").render(
        plan=plan, stylesheet_url=stylesheet_url, stylesheet=stylesheet, pdf_url=pdf_url
    )


def plan_to_pdf(plan: PlanView) -> bytes:
    """An A4 PDF of the same document (real text, in reading order)."""
    from xhtml2pdf import pisa  # here, not at import: it takes a third of a second to import

    output = BytesIO()
    result = pisa.CreatePDF(plan_to_html(plan), dest=output, encoding="utf-8")
    if result.err:
        raise DocumentError("the PDF could not be made")
    return output.getvalue()
