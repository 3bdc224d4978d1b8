"""The project's one secret (`SUPPORTPLAN_SECRET_KEY`) and the keys derived from it, one per use.

- Set: it must look like at least 32 random bytes (see `check_strength`), in any environment.
- Unset in development (`SUPPORTPLAN_ENV` unset or `development`): a random key is made once in
  `var/secret_key`, readable only by its owner, and used from then on, so `make run` still needs
  no configuration and no constant key is ever used.
- Unset in production: `SecretKeyError`, so the servers refuse to start.

Each use gets its own key (HKDF-SHA256 with the use as `info`), so one leaked derived key says
nothing about the others, and rotating another secret (the SMS provider's token) no longer
changes the hash that stands for a phone number (which would forget the STOP list)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path
from typing import Mapping

#: the uses of derived keys; each is the HKDF `info`, so renaming one changes its key
ADVISER_SESSIONS = "adviser-sessions"
IDENTITY_LOCKS = "identity-locks"
SMS_NUMBERS = "sms-numbers"
WEB_RELAY = "web-relay"
CLIENT_ADDRESSES = "client-addresses"
ACTION_SERVER = "action-server"
EVENT_SENDERS = "event-senders"

PRODUCTION = "production"
DEVELOPMENT = "development"
#: 32 random bytes written in URL-safe base64 (`secrets.token_urlsafe(32)`) are 43 characters
MIN_KEY_CHARS = 43
#: a key made of a few characters repeated is not random, whatever its length
MIN_DISTINCT_CHARS = 16
KEY_FILE_NAME = "secret_key"
HOW_TO_MAKE_ONE = 'python3 -c "import secrets; print(secrets.token_urlsafe(32))"'


class SecretKeyError(RuntimeError):
    """The secret key is missing (in production) or too weak (anywhere)."""


def check_strength(key: str) -> None:
    """Refuse a key that cannot hold 32 random bytes, or that is clearly not random."""
    if len(key) < MIN_KEY_CHARS or len(set(key)) < MIN_DISTINCT_CHARS:
        raise SecretKeyError(
            f"SUPPORTPLAN_SECRET_KEY must be at least {MIN_KEY_CHARS} random characters "
            f"(32 random bytes). Make one with: {HOW_TO_MAKE_ONE}"
        )


def environment(env: Mapping[str, str]) -> str:
    """`production` or `development` (the default); anything else is refused."""
    name = (env.get("SUPPORTPLAN_ENV") or DEVELOPMENT).strip().lower()
    if name not in (PRODUCTION, DEVELOPMENT):
        raise SecretKeyError(f"SUPPORTPLAN_ENV must be '{DEVELOPMENT}' or '{PRODUCTION}'.")
    return name


def load_secret_key(env: Mapping[str, str], var_dir: Path) -> str:
    """The root secret, from the environment or (development only) the key file in `var_dir`."""
    production = environment(env) == PRODUCTION
    key = env.get("SUPPORTPLAN_SECRET_KEY") or ""
    if key:
        check_strength(key)
        return key
    if production:
        raise SecretKeyError(
            "SUPPORTPLAN_SECRET_KEY is not set, and it is required when SUPPORTPLAN_ENV=production. "
            f"Make one with: {HOW_TO_MAKE_ONE}"
        )
    return development_key(var_dir / KEY_FILE_NAME)


def development_key(path: Path) -> str:
    """The key in `path`, made (owner-only, 0600) the first time; safe when two processes start
    at once: the file is created exclusively and the loser reads the winner's key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key_file(path)
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_urlsafe(32))
    return _read_key_file(path)


def _read_key_file(path: Path) -> str:
    for _ in range(50):  # another process may have created it and not yet written it
        key = path.read_text().strip()
        if key:
            check_strength(key)
            return key
        time.sleep(0.01)
    raise SecretKeyError(f"The key file {path} is empty. Delete it and start again.")


#: HKDF's salt for every derived key
KEY_SALT = b"supportplan"
DERIVED_KEY_BYTES = 32


def derived_key(secret_key: str, purpose: str) -> bytes:
    """A 32-byte key for one use (one of the constants above), derived from the root secret."""
    return hkdf_sha256(secret_key.encode("utf-8"), KEY_SALT, purpose.encode(), DERIVED_KEY_BYTES)


def hkdf_sha256(key: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """HKDF-SHA256 (RFC 5869) on the standard library's HMAC. Every server derives keys at
    start-up, and cryptography's HKDF brought its 7 MB Rust library into the action server,
    which needs nothing else from it; tests/security/test_secret_keys.py checks this against
    cryptography's HKDF and RFC 5869's test vectors."""
    if not 0 < length <= 255 * hashlib.sha256().digest_size:
        raise ValueError("HKDF-SHA256 gives 1 to 8,160 bytes.")
    pseudorandom_key = hmac.new(salt, key, hashlib.sha256).digest()
    output, block, counter = b"", b"", 1
    while len(output) < length:
        block = hmac.new(pseudorandom_key, block + info + bytes([counter]), hashlib.sha256).digest()
        output, counter = output + block, counter + 1
    return output[:length]
