"""The services form's questions (DESIGN §6 section 6), in order, worked out from what is known
so far: what the service is, its cost, where a relative it pays lives, which outcomes and which
assessed needs it helps with, and whether there is another; once the person has said that is
all, each assessed need that nothing meets yet."""

from __future__ import annotations

import textwrap
from typing import Any, Dict, List, Mapping

from bot.choices import HOURLY_CATEGORIES
from bot.parsing.seasons import part_of_year
from bot.plans.costing import WHOLE_YEAR_PERIODS
from bot.slot_names import (
    ADD_ANOTHER_SERVICE,
    PAYEE_LIVES_WITH,
    PAYEE_RELATION,
    SERVICE_CATEGORY,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_DESCRIPTION,
    SERVICE_HOURS,
    SERVICE_NEEDS,
    SERVICE_OUTCOMES,
    SERVICE_PART_OF_YEAR,
    SERVICE_RATE,
    SERVICE_VISITS_PER_WEEK,
    SERVICE_WEEKS_A_YEAR,
    SUPPORT_FOR_LATER,
    UNMET_NEED,
    UNMET_NEEDS_LEFT,
)

COST_SLOTS = (
    SERVICE_HOURS,
    SERVICE_RATE,
    SERVICE_COST,
    SERVICE_COST_PERIOD,
    SERVICE_VISITS_PER_WEEK,
    SERVICE_WEEKS_A_YEAR,
)
#: the questions about the service just recorded (never skipped: the service is already in the plan)
ABOUT_THE_RECORDED_SERVICE = (PAYEE_RELATION, PAYEE_LIVES_WITH, SERVICE_OUTCOMES, SERVICE_NEEDS)
SERVICE_SLOTS = (
    SERVICE_CATEGORY,
    SERVICE_DESCRIPTION,
    SERVICE_PART_OF_YEAR,
    *COST_SLOTS,
    *ABOUT_THE_RECORDED_SERVICE,
    ADD_ANOTHER_SERVICE,
    UNMET_NEED,
    UNMET_NEEDS_LEFT,
)
#: what add_another_service holds once the person has said that is all; not something anyone
#: types, because the form works out its questions from the raw reply before validating it
FINISHED = "(no more services)"
#: how much of the person's words about more support is kept to remind them of
FOR_LATER_LENGTH = 160


def for_later(text: str) -> Dict[str, Any]:
    """The slot update that keeps more support the person told about while another was being
        planned, so that "Would you like to add another?" reminds them of it (their words, shortened,
    spaces and line breaks collapsed)."""
    return {SUPPORT_FOR_LATER: textwrap.shorten(text, FOR_LATER_LENGTH, placeholder="…")}


#: the periods an hourly service's cost may be given in and still be costed by the hour ('£90 a
#: week' for the hours said); any other ('£19 a visit', '£240 a month') costs it as said
BY_THE_HOUR = (None, "hour", "week")


def cost_questions(slots: Mapping[str, Any]) -> List[str]:
    """The questions that cost this service, given what is known so far; the weeks a year when
    an answer about it (kept in `service_part_of_year`) or its description says it is used only
    part of the year."""
    per = slots.get(SERVICE_COST_PERIOD)
    if (slots.get(SERVICE_CATEGORY) in HOURLY_CATEGORIES and per in BY_THE_HOUR) or per == "hour":
        asked = [SERVICE_HOURS, SERVICE_RATE]
    else:
        asked = [SERVICE_COST, SERVICE_COST_PERIOD] + ([SERVICE_VISITS_PER_WEEK] if per == "visit" else [])
    said = slots.get(SERVICE_PART_OF_YEAR) or part_of_year(str(slots.get(SERVICE_DESCRIPTION) or ""))
    return asked + ([SERVICE_WEEKS_A_YEAR] if said and per not in WHOLE_YEAR_PERIODS else [])


def service_questions(slots: Mapping[str, Any], assessed: bool = False) -> List[str]:
    """The questions this service needs, in order, given what is known so far; `assessed`: the
    plan holds the needs from the assessment, so each service is tied to them."""
    if slots.get(ADD_ANOTHER_SERVICE) == FINISHED:
        return [UNMET_NEED] if slots.get(UNMET_NEEDS_LEFT) else []
    return [
        SERVICE_CATEGORY,
        SERVICE_DESCRIPTION,
        *cost_questions(slots),
        *([PAYEE_LIVES_WITH] if slots.get(PAYEE_RELATION) else []),
        SERVICE_OUTCOMES,
        *([SERVICE_NEEDS] if assessed else []),
        ADD_ANOTHER_SERVICE,
    ]
