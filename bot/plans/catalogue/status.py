"""A plan's statuses and flags (DESIGN §5 `status` and `flags`)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Status(Term):
    """`document_words`: what the plan documents say; `report_label`: the Reporting page's label."""

    document_words: str = ""
    report_label: str = ""


STATUSES: Vocabulary[Status] = Vocabulary(
    Status("draft", document_words="Draft: not sent to the council yet.", report_label="Being made (draft)"),
    Status(
        "submitted",
        document_words="Sent to the council. They will check it and agree it with me.",
        report_label="Sent to the council",
    ),
    Status("agreed", document_words="Agreed with the council.", report_label="Agreed"),
)


@dataclass(frozen=True)
class Flag(Term):
    """`document_words`: what the plan documents say; `needs_a_person`: the plan waits in the adviser
    console's queue; `council_only`: left out of the person's own copy of the plan."""

    document_words: str = ""
    needs_a_person: bool = False
    council_only: bool = False


FLAGS: Vocabulary[Flag] = Vocabulary(
    Flag(
        "safeguarding",
        document_words="Someone from the council will get in touch with me about my safety.",
        needs_a_person=True,
        council_only=True,
    ),
    Flag(
        "handoff_requested",
        document_words="I asked to talk to a person; someone from the council will get in touch.",
        needs_a_person=True,
    ),
    Flag(
        "over_budget",
        document_words="My support costs more than my weekly budget; the council will talk this through with me.",
    ),
    Flag(
        "advocacy_requested",
        document_words="I would like an independent advocate to help me take part; the council will arrange one.",
        needs_a_person=True,
    ),
)
