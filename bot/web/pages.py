"""HTML pages with the shared GOV.UK Frontend layout (bot/web/templates/layout.html)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

from bot.plans.catalogue import CATEGORIES, MANAGEMENT, RATINGS, REVIEW_STATUSES, SERVICE_CHANGES
from bot.plans.export import FILTERS
from bot.reviews.queue import REASONS
from bot.web.keys import SETTINGS_KEY

HERE = Path(__file__).resolve().parent

_environment = Environment(
    # the web app's own templates, then bot/templates (the plan body the console shows)
    loader=ChoiceLoader([FileSystemLoader(HERE / "templates"), PackageLoader("bot", "templates")]),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters.update(FILTERS)
#: review words for the console, from the catalogue (bot/plans/catalogue/review.py) and bot/reviews/queue.py
_environment.filters.update(
    rating=lambda code: RATINGS[code].label if code else "Not asked",
    review_status=lambda code: REVIEW_STATUSES[code].label,
    service_change=lambda code: SERVICE_CHANGES[code].label,
    reason=lambda code: REASONS[code].label,
    kind_of_support=lambda code: CATEGORIES[code].report_label,
    managed=lambda code: MANAGEMENT[code].report_label if code else "Not recorded",
    yes_no=lambda answer: "Not asked" if answer is None else "Yes" if answer else "No",
)


def render_html(request: web.Request, template: str, **context: Any) -> str:
    """`template` rendered with the council's name and the current path."""
    settings = request.app[SETTINGS_KEY]
    return _environment.get_template(template).render(
        council_name=settings.council_name, council_phone=settings.council_phone, path=request.path, **context
    )


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """A whole page as a response; pages about a person are never cached."""
    response = web.Response(text=render_html(request, template, **context), status=status, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
