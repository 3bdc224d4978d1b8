"""How the money is managed (DESIGN §5 `management`), in the order of utter_ask_management_option's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Management(Term):
    """`check`: how a middling reading is put back ("It sounds like {check}. Is that right?");
    `document_words`: what the plan documents say; `report_label`: the Reporting page's label;
    `paid_out`: some of the money is paid to the person or for them (a direct payment in law), so the
    payment's amount, frequency and payee are recorded and the direct-payment rules apply."""

    check: str = ""
    document_words: str = ""
    report_label: str = ""
    paid_out: bool = False


MANAGEMENT: Vocabulary[Management] = Vocabulary(
    Management(
        "direct_payment",
        (
            "a direct payment",
            "direct payment",
            "direct payments",
            "dp",
            "paid to me",
            "into my account",
            "bank account",
            "pay me",
            "manage it myself",
            "manage it my self",
            "manage the money myself",
            "arrange it myself",
            "sort it myself",
        ),
        check="you'd like a direct payment, paid to you to arrange support",
        document_words="As a direct payment: the money is paid to me, or to someone for me, and I arrange my own support.",
        report_label="Direct payment",
        paid_out=True,
    ),
    Management(
        "payment_card",
        ("a prepaid payment card", "payment card", "prepaid card", "pre-paid card", "card", "on a card"),
        check="you'd like a prepaid payment card",
        document_words="On a prepaid payment card: the money is paid onto a card that I use to pay for my support.",
        report_label="Payment card",
        paid_out=True,
    ),
    Management(
        "council_managed",
        (
            "the council arranging it",
            "council managed",
            "council-managed",
            "the council",
            "council",
            "managed",
            "notional",
            "you arrange",
            "council sort it",
            "council to sort",
        ),
        check="you'd like the council to arrange the support",
        document_words="By the council: the council holds the money and arranges the support I have chosen.",
        report_label="Council-managed",
    ),
    Management(
        "individual_service_fund",
        (
            "an individual service fund",
            "individual service fund",
            "isf",
            "provider holds",
            "provider",
            "service fund",
        ),
        check="you'd like a provider to hold the money (an individual service fund)",
        document_words=(
            "As an individual service fund: a provider holds the money and works with me on how it is spent."
        ),
        report_label="Individual service fund",
    ),
    Management(
        "third_party",
        (
            "someone I trust managing it",
            "third party",
            "someone i trust",
            "nominated person",
            "authorised person",
            "authorized person",
            "my daughter",
            "my son",
            "my wife",
            "my husband",
            "my partner",
            "family member",
            "trust",
            "on my behalf",
            "power of attorney",
            "attorney",
            "manage it for her",
            "manage it for him",
            "manage it for them",
            "manage it for mum",
            "manage it for dad",
        ),
        check="you'd like someone you trust to manage the money",
        document_words="By someone I trust: a person or organisation I trust manages the money for me.",
        report_label="Third party",
        paid_out=True,
    ),
    Management(
        "mixed",
        ("a mix of these", "a mix", "mix", "mixed", "mixture", "combination", "both", "some of each", "part"),
        check="you'd like a mix of ways to manage the money",
        document_words=(
            "A mix: part of it paid to me as a direct payment, part arranged for me by the council or a provider."
        ),
        report_label="Mixed",
        paid_out=True,
    ),
)
