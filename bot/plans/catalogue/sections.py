"""The plan's sections (DESIGN §6, 4–9), in order, and how each is named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Section(Term):
    """`words`: the part as offered among the parts a person can go back to (utter_ask_which_section);
    `title`: how the bot names the part in the middle of another; `stage`: the reporting funnel's
    label; `heading`: the heading of the part in the plan documents (bot/templates)."""

    title: Optional[str] = None
    stage: str = ""
    heading: Optional[str] = None

    @property
    def reopenable(self) -> bool:
        """Whether a person can go back to the section and answer it again."""
        return bool(self.words)


SECTIONS: Vocabulary[Section] = Vocabulary(
    Section(
        "important",
        ("what is important to you",),
        title="what is important",
        stage="4. What is important",
        heading="What is important to me",
    ),
    Section(
        "outcomes",
        ("what you want to change",),
        title="the outcomes",
        stage="5. Outcomes",
        heading="What I want to change",
    ),
    Section(
        "services",
        ("your support",),
        title="the support",
        stage="6. Support and costs",
        heading="My support and what it costs",
    ),
    Section(
        "management",
        ("how the money is managed",),
        title="how the money is managed",
        stage="7. How it is managed",
        heading="How my budget will be managed",
    ),
    Section(
        "contingency",
        ("the back-up plan",),
        title="the back-up plan",
        stage="8. If things go wrong",
        heading="If things go wrong",
    ),
    Section("review", stage="9. Checking answers"),
)
