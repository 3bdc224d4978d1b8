"""The questions about personal budgets the assistant answers (domain/faq.yml, one answer per
code), each with the plain-English title the plan keeps as the question asked: the plan records
which question was answered, never the person's own words (service.record_advice)."""

from __future__ import annotations

from bot.plans.catalogue.terms import Term, Vocabulary

#: code: the answer's key in domain/faq.yml (`utter_faq/<code>`); label: the question's title
ADVICE_TOPICS: Vocabulary[Term] = Vocabulary(
    Term("what_is_personal_budget", ("What is a personal budget?",)),
    Term("what_is_support_plan", ("What is a support plan?",)),
    Term("direct_payment", ("What is a direct payment?",)),
    Term("payment_card", ("What is a payment card?",)),
    Term("direct_payment_cannot_pay_for", ("What can't a direct payment pay for?",)),
    Term("employ_personal_assistant", ("What does it mean to employ a personal assistant?",)),
    Term("pay_family_member", ("Can I pay a family member?",)),
    Term("who_can_manage", ("Who can manage my budget?",)),
    Term("council_managed", ("What is a council-managed budget?",)),
    Term("individual_service_fund", ("What is an individual service fund?",)),
    Term("needs_change", ("What if my needs change?",)),
    Term("reviews", ("When will my plan be reviewed?",)),
    Term("complaints", ("How do I complain?",)),
    Term("data_use", ("How is my information used?",)),
    Term("unspent_money", ("What happens to money I don't spend?",)),
)
