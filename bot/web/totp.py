"""Time-based one-time codes (TOTP, RFC 6238, with pyotp) for the console's second sign-in step.

The secret is kept Fernet-encrypted with a key derived from SUPPORTPLAN_SECRET_KEY (so a copy of
the database alone cannot make codes); a new root secret means every login must enrol again.
A code is accepted for its own 30-second step and one either side (clocks drift), and the step of
the last code accepted is kept by the caller so no code works twice."""

from __future__ import annotations

import base64
import hmac
from datetime import datetime
from typing import Optional

import pyotp
from cryptography.fernet import Fernet, InvalidToken

from bot.secret_keys import derived_key

#: the HKDF `info` of the key that encrypts TOTP secrets (bot/secret_keys.py)
ADVISER_TOTP = "adviser-totp"
ISSUER = "Support plans"
#: steps either side of now that are still accepted
WINDOW = 1


def _fernet(secret_key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derived_key(secret_key, ADVISER_TOTP)))


def new_secret() -> str:
    return pyotp.random_base32()


def encrypt(secret_key: str, secret: str) -> str:
    return _fernet(secret_key).encrypt(secret.encode()).decode()


def decrypt(secret_key: str, stored: str) -> Optional[str]:
    """The secret, or None when it was encrypted under another root secret."""
    try:
        return _fernet(secret_key).decrypt(stored.encode()).decode()
    except InvalidToken:
        return None


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads (typed in, or as a QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def matching_step(secret: str, code: str, now: datetime) -> Optional[int]:
    """The time step whose code this is (within WINDOW of now), or None."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None
