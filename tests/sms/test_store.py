"""The SMS channel's records on SQLite and PostgreSQL: claims, STOP, and how long replies are kept."""

from __future__ import annotations

from sqlalchemy import update

from bot.channels import store
from bot.db.models import SmsContact, SmsMessage, utcnow
from bot.db.session import session_scope

HASH = "a" * 64
LONG_AGO = utcnow() - store.REPLAY_WINDOW * 2


def test_a_message_sid_is_claimed_once_and_its_reply_kept(database: str) -> None:
    assert store.claim_message("SM1").first
    assert store.claim_message("SM1") == store.Claim(first=False, reply=None)
    store.save_reply("SM1", "<Response />")
    assert store.claim_message("SM1") == store.Claim(first=False, reply="<Response />")
    store.release_message("SM1")
    assert store.claim_message("SM1").first


def test_stop_and_start(database: str) -> None:
    assert not store.contact_state(HASH).stopped
    store.set_stopped(HASH, True)
    assert store.contact_state(HASH).stopped
    store.set_stopped(HASH, False)
    assert not store.contact_state(HASH).stopped


def test_old_replies_and_held_back_text_are_forgotten_but_not_stop(database: str) -> None:
    store.claim_message("SM-old")
    store.save_reply("SM-old", "<Response><Message>Hello Sam</Message></Response>")
    store.remember_reply(HASH, [{"title": "Yes", "payload": "yes"}], "the rest, with Sam's plan")
    store.set_stopped(HASH, True)
    with session_scope() as session:
        session.execute(update(SmsMessage).values(received_at=LONG_AGO))
        session.execute(update(SmsContact).values(updated_at=LONG_AGO))
    store.claim_message("SM-new")
    assert store.stored_reply("SM-old") is None and store.claim_message("SM-old").first
    state = store.contact_state(HASH)
    assert (state.more_text, state.choices, state.stopped) == (None, [], True)
