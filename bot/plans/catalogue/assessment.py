"""What a council needs to sign a plan off (Care Act s.25, ../shared/DOMAIN.md): the assessed needs
(eligibility outcomes), the wellbeing areas of s.1(2), the direct-payment checks raised while
planning, who a direct payment is paid to, who took part, communication needs and how the person
gets their copy. Codes are as in the plan JSON (DESIGN §5 additions) and the database."""

from __future__ import annotations

from dataclasses import dataclass

from bot.plans.catalogue.terms import Term, Vocabulary


@dataclass(frozen=True)
class Need(Term):
    """An eligibility outcome (Eligibility Criteria Regulations 2015). `label` finishes the sentence
    "Nothing in your plan helps with … yet"; `document_words` heads it in the plan document."""

    document_words: str = ""


NEEDS: Vocabulary[Need] = Vocabulary(
    Need("nutrition", ("getting enough to eat and drink", "food", "meals"), document_words="Eating and drinking"),
    Need("personal_hygiene", ("getting washed", "washing", "bathing"), document_words="Keeping clean"),
    Need("toileting", ("using the toilet", "toilet", "continence"), document_words="Using the toilet"),
    Need("dressing", ("getting dressed", "clothes", "dressing"), document_words="Getting dressed"),
    Need("home_safety", ("moving around your home safely", "safety at home"), document_words="Being safe at home"),
    Need(
        "habitable_home",
        ("keeping your home clean and safe to live in", "housework", "cleaning"),
        document_words="Keeping my home fit to live in",
    ),
    Need(
        "relationships",
        ("keeping in touch with family and friends", "family", "friends"),
        document_words="Family and friends",
    ),
    Need(
        "work_learning_volunteering",
        ("work, learning or volunteering", "work", "college", "volunteering"),
        document_words="Work, learning or volunteering",
    ),
    Need(
        "community",
        ("getting out to local places", "going out", "shops", "transport"),
        document_words="Getting out and using local places",
    ),
    Need(
        "caring_responsibilities",
        ("looking after a child", "children", "childcare"),
        document_words="Caring for a child",
    ),
)
#: the codes an outcome's `domain` can take: the needs, and `other` for the rest
OUTCOME_DOMAINS = (*NEEDS.codes, "other")


WELLBEING_AREAS: Vocabulary[Term] = Vocabulary(
    Term("dignity", ("being treated with dignity and respect",)),
    Term("health_emotional", ("my health and how I feel",)),
    Term("protection", ("being safe from abuse and neglect",)),
    Term("control", ("having control over my day-to-day life",)),
    Term("participation", ("work, learning, training or things I enjoy",)),
    Term("social_economic", ("getting on socially and with money",)),
    Term("relationships", ("family, friends and other relationships",)),
    Term("accommodation", ("having a suitable home",)),
    Term("contribution", ("giving something back to my community",)),
)


@dataclass(frozen=True)
class Check(Term):
    """A rule about direct payments checked while planning; never blocking. `label` is the
    adviser's short name; the message the person hears is built by bot/plans/checks.py."""

    report_label: str = ""


CHECKS: Vocabulary[Check] = Vocabulary(
    Check("living_wage", ("pay below the National Living Wage",), report_label="PA paid below the living wage"),
    Check(
        "family_payment",
        ("paying a close family member",),
        report_label="Paying a partner or relative who lives with the person",
    ),
    Check("care_home", ("a long-term care home place",), report_label="Long-term care home by direct payment"),
    Check("in_house_service", ("the council's own service",), report_label="Council's own service by direct payment"),
    Check("card_cash", ("cash from a payment card",), report_label="Cash from a payment card"),
)


@dataclass(frozen=True)
class Payee(Term):
    """Who a direct payment is paid to (s.31, s.32). `document_words`: what the plan says;
    `console_words`: what the adviser console says; `summary_words`: who the plan read back
    before sending says it is paid to, in words that fit a plan for oneself or for someone else
    (empty for the person: the way of managing the money already says it)."""

    document_words: str = ""
    console_words: str = ""
    summary_words: str = ""


PAYEES: Vocabulary[Payee] = Vocabulary(
    Payee(
        "person",
        ("me", "to me", "myself", "the person", "them", "into their account"),
        document_words="to me",
        console_words="the person",
    ),
    Payee(
        "nominated",
        ("someone I choose", "nominated person", "a nominated person", "someone else", "my family"),
        document_words="to someone I have chosen to receive it for me (a nominated person)",
        console_words="a nominated person (s.31)",
        summary_words="a nominated person: someone chosen to get the money and pay for the support",
    ),
    Payee(
        "authorised",
        (
            "someone who decides for me",
            "authorised person",
            "an authorised person",
            "attorney",
            "deputy",
            "power of attorney",
        ),
        document_words="to someone who makes decisions for me (an authorised person, such as an attorney or deputy)",
        console_words="an authorised person (s.32)",
        summary_words="an authorised person: someone who can make decisions, like an attorney",
    ),
)

#: how often a direct payment is paid (the council settings file picks one)
PAYMENT_FREQUENCIES = ("week", "4 weeks")


COMMUNICATION_NEEDS: Vocabulary[Term] = Vocabulary(
    Term("none", ("no, this way is fine", "none", "no", "fine", "nothing")),
    Term("large_print", ("large print", "big print", "bigger writing", "large text")),
    Term("easy_read", ("easy read", "easy-read", "pictures", "simple words")),
    Term("audio", ("audio", "spoken", "read out", "recording", "phone call")),
    Term("other_language", ("another language", "translated", "interpreter", "translation", "language")),
    Term("bsl", ("British Sign Language (BSL)", "bsl", "sign language", "signing")),
    Term("braille", ("braille",)),
)


COPY_ROUTES: Vocabulary[Term] = Vocabulary(
    Term("download", ("download it now", "download", "now", "on screen", "save it")),
    Term("post", ("by post", "post", "letter", "in the post", "posted")),
    Term("email", ("by email", "email", "e-mail", "emailed")),
)

#: who can take part in making a plan (the plan JSON's `involved[].role`)
INVOLVED_ROLES = ("person", "supporter", "adviser")
