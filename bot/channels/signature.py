"""Checking that an SMS webhook request really comes from Twilio (X-Twilio-Signature)."""

from __future__ import annotations

from typing import Optional
from urllib.parse import parse_qsl

from multidict import MultiDict
from twilio.request_validator import RequestValidator

WEBHOOK_PATH = "/webhooks/sms/webhook"


def signed_url(public_url: str, query_string: str = "") -> str:
    """The URL Twilio signs: SMS_PUBLIC_URL + the webhook path (+ any query string)."""
    url = public_url.rstrip("/") + WEBHOOK_PATH
    return f"{url}?{query_string}" if query_string else url


def form_params(body: bytes) -> "MultiDict[str]":
    """Every form field, blank ones included (Twilio signs those too); ValueError if the body
    is not UTF-8 form data."""
    return MultiDict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body)))


def is_signed(
    auth_token: Optional[str],
    public_url: Optional[str],
    query_string: str,
    params: "MultiDict[str]",
    signature: Optional[str],
) -> bool:
    """True only when the token and public URL are set and the signature matches the request."""
    if not (auth_token and public_url and signature):
        return False
    return bool(RequestValidator(auth_token).validate(signed_url(public_url, query_string), params, signature))
