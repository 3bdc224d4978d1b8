"""X-Twilio-Signature checks, with signatures made by the twilio library itself."""

from __future__ import annotations

from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from bot.channels.signature import form_params, is_signed, signed_url

TOKEN = "test-auth-token"
PUBLIC = "https://chat.council.example/"
URL = "https://chat.council.example/webhooks/sms/webhook"
PARAMS = {"From": "+447700900123", "To": "+447700900999", "Body": "hello", "MessageSid": "SM1", "FromCity": ""}


def body_of(params: dict) -> bytes:
    return urlencode(params).encode()


def test_the_signed_url_is_the_public_url_and_the_webhook_path() -> None:
    assert signed_url(PUBLIC) == URL
    assert signed_url("https://chat.council.example", "a=1") == URL + "?a=1"


def test_a_signature_made_by_twilio_passes_blank_fields_included() -> None:
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS)
    assert is_signed(TOKEN, PUBLIC, "", form_params(body_of(PARAMS)), signature)


def test_a_changed_message_or_another_token_fails() -> None:
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS)
    changed = dict(PARAMS, Body="hello there")
    assert not is_signed(TOKEN, PUBLIC, "", form_params(body_of(changed)), signature)
    forged = RequestValidator("another-token").compute_signature(URL, PARAMS)
    assert not is_signed(TOKEN, PUBLIC, "", form_params(body_of(PARAMS)), forged)


def test_nothing_passes_without_a_token_a_public_url_or_a_signature() -> None:
    params = form_params(body_of(PARAMS))
    signature = RequestValidator(TOKEN).compute_signature(URL, PARAMS)
    assert not is_signed(None, PUBLIC, "", params, signature)
    assert not is_signed(TOKEN, None, "", params, signature)
    assert not is_signed(TOKEN, PUBLIC, "", params, None)
    assert not is_signed(TOKEN, PUBLIC, "", params, "")


def test_a_signature_for_another_url_fails() -> None:
    signature = RequestValidator(TOKEN).compute_signature("http://127.0.0.1:5005/webhooks/sms/webhook", PARAMS)
    assert not is_signed(TOKEN, PUBLIC, "", form_params(body_of(PARAMS)), signature)
