"""After a sign of risk the person is signposted, asked "Are you safe right now?", and the
conversation waits for the answer: safe carries on with the plan's question, not safe (or not
sure) gets 999 and the safeguarding line and stays paused, anything else is thanked and the plan's
question asked again (not taken as its answer) (actions/safety.py, the router in actions/plan.py)."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from actions.outcomes import ValidateImportantForm
from actions.plan import ActionNextSection
from bot.answers.trackers import run, tracker
from bot.parsing.replies import says_safe
from bot.plans import service
from tests.support.plans import VERIFIED

pytestmark = pytest.mark.one_database  # the conversation is the subject (tests/conftest.py)

ASKED = {**VERIFIED, "paused": True, "paused_question": "important_to_me", "safe_now_asked": True}


async def test_a_sign_of_risk_in_a_form_asks_if_the_person_is_safe_and_waits(plan_ref: str) -> None:
    text = "my carer shouts at me and takes my money"
    said = tracker({"plan_reference": plan_ref}, text, filled="important_to_me", active_loop="important_form")
    out = await run(ValidateImportantForm(), said)
    assert out.responses[0] == "utter_safeguarding" and out.responses[-1] == "utter_ask_safe_now"
    assert out.slots["safe_now_asked"] is True and out.slots["paused"] is True
    assert out.slots["requested_slot"] is None and out.slots["paused_question"] == "important_to_me"
    assert "safeguarding" in service.get_plan(plan_ref).flags


@pytest.mark.parametrize("text", ["yes", "yeah I'm ok now", "I am safe thanks"])
async def test_safe_carries_on_with_the_plan(demo: Any, text: str) -> None:
    out = await run(ActionNextSection(), tracker(ASKED, text))
    assert out.responses[0] == "utter_safe_now_thanks"
    assert "utter_welcome_back" not in out.responses
    assert out.slots["safe_now_asked"] is None and out.slots["paused"] is False
    assert out.slots["current_section"] == "important" and out.slots["paused_question"] is None


@pytest.mark.parametrize("text", ["no", "not really", "I don't know"])
async def test_not_safe_or_not_sure_gets_999_and_the_conversation_stays_paused(demo: Any, text: str) -> None:
    out = await run(ActionNextSection(), tracker(ASKED, text))
    assert out.responses == ["utter_not_safe_now"]
    assert out.said("utter_not_safe_now")["safeguarding_phone"]
    assert out.slots["current_section"] == "paused" and out.slots["paused"] is True


@pytest.mark.parametrize("text", ["i worry ill fall in the shower", "that's all"])
async def test_another_reply_is_thanked_and_the_plans_question_asked_again(demo: Any, text: str) -> None:
    """Not taken as the answer to the plan's question: it is more often about the worry."""
    out = await run(ActionNextSection(), tracker(ASKED, text))
    assert out.responses[0] == "utter_safe_now_other" and "utter_welcome_back" not in out.responses
    assert out.slots["safe_now_asked"] is None and out.slots["paused_question"] is None
    assert out.slots["current_section"] == "important" and out.slots["paused"] is False


async def test_after_not_safe_the_next_message_is_still_a_reply_to_are_you_safe(demo: Any) -> None:
    """Said 'not sure', then 'nobody is in danger, carry on': thanked and the plan goes on; the
    message is not recorded as what matters (the plan's paused question)."""
    out = await run(ActionNextSection(), tracker(ASKED, "not really"))
    assert out.slots["safe_now_asked"] is True and out.slots["paused"] is True
    later = {**ASKED, "safe_now_asked": out.slots["safe_now_asked"], "paused": out.slots["paused"]}
    text = "No! there is no danger. can we please just carry on with mums care plan"
    out = await run(ActionNextSection(), tracker(later, text))
    assert out.responses[0] == "utter_safe_now_thanks"
    assert out.slots["paused_question"] is None and out.slots["current_section"] == "important"


async def test_more_risk_in_the_reply_gets_the_not_safe_reply_not_the_whole_signposting_again(demo: Any) -> None:
    out = await run(ActionNextSection(), tracker(ASKED, "he hits me when he's drunk", intent="safeguarding"))
    assert out.responses == ["utter_not_safe_now"]
    assert out.slots["current_section"] == "paused"


async def test_safe_said_beside_risk_words_is_taken_as_safe(demo: Any) -> None:
    text = "I am safe. I dont want hurt myself. Just sad."
    out = await run(ActionNextSection(), tracker(ASKED, text, intent="safeguarding"))
    assert out.responses[0] == "utter_safe_now_thanks" and "utter_safeguarding" not in out.responses


async def test_more_risk_later_is_signposted_again(demo: Any) -> None:
    later = {**ASKED, "safe_now_asked": None, "paused": False, "paused_question": None}
    out = await run(ActionNextSection(), tracker(later, "he hits me when he's drunk", intent="safeguarding"))
    assert out.responses[0] == "utter_safeguarding" and out.responses[-1] == "utter_ask_safe_now"
    assert out.slots["current_section"] == "paused"


@pytest.mark.parametrize(
    "text, safe",
    [
        ("yes", True),
        ("Yeah", True),
        ("im ok", True),
        ("I'm fine now thank you", True),
        ("Yes, he is safe. That was a false alarm - please don't refer this to safeguarding.", True),
        ("safe", True),
        ("no", False),
        ("nope", False),
        ("not really", False),
        ("I'm not", False),
        ("dunno", False),
        ("I'm scared", False),
        ("no, I'm fine", True),  # 'no [need], I'm fine' (was asked again)
        ("No! there is no danger. can we please just carry on with mums care plan", True),
        ("nobody is in danger", True),
        ("I am not in danger. Please I want continue the plan", True),
        ("no one's at risk, you misunderstood", True),
        ("I'm not in danger but I'm scared", None),
        ("no, I am not safe", False),
        ("that's all", None),
        ("a cleaner", None),
    ],
)
def test_says_safe(text: str, safe: Optional[bool]) -> None:
    assert says_safe(text) is safe


async def test_risk_said_before_identity_is_checked_flags_the_plan_once_it_opens(demo: Any) -> None:
    said = tracker({"welcomed": True}, "her nephew takes her bank card and she never sees the change")
    before = await run(ActionNextSection(), said)
    assert before.responses[0] == "utter_safeguarding" and before.slots["risk_before_plan"] is True
    verified = {**VERIFIED, "risk_before_plan": True}
    out = await run(ActionNextSection(), tracker(verified, latest_action="identity_form"))
    assert "safeguarding" in service.get_plan(out.slots["plan_reference"]).flags
    assert out.slots["risk_before_plan"] is None


async def test_coming_back_to_the_identity_questions_keeps_who_is_planning(demo: Any) -> None:
    paused = {"welcomed": True, "paused": True, "planned_by": "supporter", "paused_question": "person_reference"}
    out = await run(ActionNextSection(), tracker(paused, "PB-100235"))
    assert out.slots["current_section"] == "identity" and "planned_by" not in out.slots


@pytest.mark.parametrize(
    "text", ["What? I am safe. I only need taxi. Why you tell council?", "yes im ok, im not in danger, cancel it"]
)
async def test_asking_why_the_council_was_told_is_answered(demo: Any, text: str) -> None:
    """'Why you tell council?' got no answer (play-through 7): it is explained, kindly, then the plan goes on."""
    out = await run(ActionNextSection(), tracker(ASKED, text))
    assert out.responses[:2] == ["utter_why_the_council_knows", "utter_safe_now_thanks"]
    assert out.slots["paused"] is False
