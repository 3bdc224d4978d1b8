"""The domain responses of the assistant's safety replies (actions/safety.py says them), named
once: the person's own copy of a conversation leaves them out (bot/web/transcripts.py)."""

SAFEGUARDING = "utter_safeguarding"
SAFEGUARDING_FOLLOWUP = "utter_safeguarding_followup"
#: the check-in when the risk model is unsure (bot/safety/detector.py): where to get help, no flag
CHECK_IN = "utter_safety_check_in"

#: shown only to advisers
COUNCIL_ONLY = frozenset({SAFEGUARDING, SAFEGUARDING_FOLLOWUP, CHECK_IN})
