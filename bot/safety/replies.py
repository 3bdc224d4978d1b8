"""The domain responses of the assistant's safety replies (actions/safety.py says them), named
once: the person's own copy of a conversation leaves them out (bot/web/transcripts.py)."""

SAFEGUARDING = "utter_safeguarding"
SAFEGUARDING_FOLLOWUP = "utter_safeguarding_followup"
#: the check-in when the risk model is unsure (bot/safety/detector.py): where to get help, no flag
CHECK_IN = "utter_safety_check_in"
#: after signposting, "Are you safe right now?", and the replies to its answer
ASK_SAFE_NOW = "utter_ask_safe_now"
SAFE_NOW_THANKS = "utter_safe_now_thanks"
#: said when the reply is neither yes nor no (it is not taken as an answer to the plan's question)
SAFE_NOW_OTHER = "utter_safe_now_other"
NOT_SAFE_NOW = "utter_not_safe_now"
#: said, with the thanks, when the person asks why the council was told ('Why you tell council?')
WHY_THE_COUNCIL_KNOWS = "utter_why_the_council_knows"

#: shown only to advisers
COUNCIL_ONLY = frozenset(
    {
        SAFEGUARDING,
        SAFEGUARDING_FOLLOWUP,
        CHECK_IN,
        ASK_SAFE_NOW,
        SAFE_NOW_THANKS,
        SAFE_NOW_OTHER,
        NOT_SAFE_NOW,
        WHY_THE_COUNCIL_KNOWS,
    }
)
