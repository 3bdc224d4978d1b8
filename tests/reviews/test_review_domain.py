"""The review form's questions are wired in the domain: every slot it may ask is filled from the
person's reply while the review form asks it, and has a way to be asked."""

from __future__ import annotations

from bot.answers.trackers import domain

FORM = "review_conversation_form"


def test_every_question_of_the_review_form_is_filled_from_the_reply_and_asked() -> None:
    loaded = domain()
    asked = loaded["forms"][FORM]["required_slots"]
    responses, actions = set(loaded["responses"]), set(loaded["actions"])
    for slot in asked:
        conditions = [c for m in loaded["slots"][slot]["mappings"] for c in m.get("conditions") or []]
        assert {"active_loop": FORM, "requested_slot": slot} in conditions, slot
        assert f"utter_ask_{slot}" in responses or f"action_ask_{slot}" in actions, slot
