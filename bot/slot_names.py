"""The conversation's slot names (DESIGN §6: a contract, spelled exactly as in domain/*.yml).

Actions and the bot/ code that reads conversations use these names instead of string literals;
tests/test_slot_names.py checks that they are exactly the domain's slots. Plain strings, so that
importing them pulls in neither Rasa nor the actions."""

#: Rasa's own slot naming the question a form is asking (rasa_sdk.forms.REQUESTED_SLOT)
REQUESTED_SLOT = "requested_slot"

# domain/core.yml: where the person is in the plan
CURRENT_SECTION = "current_section"
WELCOMED = "welcomed"
PAUSED = "paused"
#: the question the conversation paused on after its third failure (actions/forms/resuming.py)
PAUSED_QUESTION = "paused_question"
#: "Are you safe right now?" was asked after a sign of risk (actions/safety.py)
SAFE_NOW_ASKED = "safe_now_asked"
#: a sign of risk was signposted before there was a plan to flag (flagged once the plan opens)
RISK_BEFORE_PLAN = "risk_before_plan"
PLAN_REFERENCE = "plan_reference"
#: {slot: failed answers in a row}
FAILED_ATTEMPTS = "failed_attempts"
#: a middling reading waiting for the person's yes or no: {"slot", "code", "text"}
CHOICE_CHECK = "choice_check"

# domain/identity.yml: sections 1–2
PLANNED_BY = "planned_by"
PERSON_REFERENCE = "person_reference"
DATE_OF_BIRTH = "date_of_birth"
VERIFIED = "verified"
PERSON_NAME = "person_name"
IDENTITY_FAILURES = "identity_failures"
IDENTITY_LOCKED_UNTIL = "identity_locked_until"
ONE_TIME_CODE = "one_time_code"

# domain/outcomes.yml: sections 4–5
IMPORTANT_TO_ME = "important_to_me"
OUTCOME_TEXT = "outcome_text"
OUTCOME_COUNT = "outcome_count"

# domain/services.yml: section 6
SERVICE_CATEGORY = "service_category"
SERVICE_DESCRIPTION = "service_description"
SERVICE_HOURS = "service_hours"
SERVICE_RATE = "service_rate"
SERVICE_COST = "service_cost"
SERVICE_COST_PERIOD = "service_cost_period"
SERVICE_VISITS_PER_WEEK = "service_visits_per_week"
#: the person said the support is used only part of the year ('term time only'), so the weeks a
#: year it is used are asked (bot/parsing/seasons.py)
SERVICE_PART_OF_YEAR = "service_part_of_year"
SERVICE_WEEKS_A_YEAR = "service_weeks_a_year"
SERVICE_OUTCOMES = "service_outcomes"
#: which of the assessed needs the service meets (asked only when the assessment is known)
SERVICE_NEEDS = "service_needs"
#: the relative the service just recorded pays ("daughter"), when regulation 3 asks where they live
PAYEE_RELATION = "payee_relation"
PAYEE_LIVES_WITH = "payee_lives_with"
#: the service just recorded, which corrections change; kept when another service is started
SERVICE_ID = "service_id"
ADD_ANOTHER_SERVICE = "add_another_service"
#: more support the person told about while another was being planned, to remind them of
SUPPORT_FOR_LATER = "support_for_later"
#: the answer about an assessed need nothing in the plan meets yet, and the needs still to ask about
UNMET_NEED = "unmet_need"
UNMET_NEEDS_LEFT = "unmet_needs_left"

# domain/management.yml: sections 7–8
MANAGEMENT_OPTION = "management_option"
#: who receives a direct payment (catalogue PAYEES), asked when the way chosen pays money out
PAID_TO = "paid_to"
CONTINGENCY = "contingency"
#: the helper's name and how they know the person, asked when a supporter is planning
HELPER_DETAILS = "helper_details"
#: how the person needs information (catalogue COMMUNICATION_NEEDS)
COMMUNICATION_NEEDS = "communication_needs"
#: which language, asked when 'another language' is chosen with none named
COMMUNICATION_LANGUAGE = "communication_language"
#: the reply to the offer of an independent advocate; the offer is made when `advocacy_offer` is True
ADVOCACY_WANTED = "advocacy_wanted"
ADVOCACY_OFFER = "advocacy_offer"

# domain/review.yml: sections 9–10
PLAN_CONFIRMED = "plan_confirmed"
REVIEW_STEP = "review_step"
#: how the person wants their copy of the plan (catalogue COPY_ROUTES), asked after sending
COPY_ROUTE = "copy_route"

# domain/reviews_conversation.yml: the review of an agreed plan (issue 16)
#: the person asked to review their plan (kept while their identity is checked)
REVIEW_WANTED = "review_wanted"
#: the review being recorded (bot/reviews/record.py)
REVIEW_ID = "review_id"
#: the review's questions skipped or answered without a trace in the record (bot/reviews/questions.py)
REVIEW_PASSED = "review_passed"
REVIEW_RATING = "review_rating"
REVIEW_HAPPENING = "review_happening"
REVIEW_STILL_RIGHT = "review_still_right"
REVIEW_STOP = "review_stop"
REVIEW_COST_SAME = "review_cost_same"
#: the reply to "so it now costs £X a week. Is that right?"
REVIEW_COST_OK = "review_cost_ok"
REVIEW_ADD_SERVICE = "review_add_service"
REVIEW_LIFE_CHANGES = "review_life_changes"
REVIEW_WOULD_CHANGE = "review_would_change"
