"""The secret key: never a constant, made once in development, required in production."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import Settings
from bot.secret_keys import (
    ADVISER_SESSIONS,
    IDENTITY_LOCKS,
    SMS_NUMBERS,
    SecretKeyError,
    derived_key,
    development_key,
    hkdf_sha256,
    load_secret_key,
)

STRONG = "k3Y-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"


def test_production_without_a_key_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(SecretKeyError, match="SUPPORTPLAN_SECRET_KEY is not set"):
        load_secret_key({"SUPPORTPLAN_ENV": "production"}, tmp_path)
    assert not (tmp_path / "secret_key").exists()


def test_production_settings_refuse_without_a_key() -> None:
    with pytest.raises(SecretKeyError):
        Settings.from_env({"SUPPORTPLAN_ENV": "production"})


@pytest.mark.parametrize(
    "weak", ["supportplan-development-key", "x" * 64, "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "short"]
)
def test_a_weak_key_is_refused_in_any_environment(weak: str, tmp_path: Path) -> None:
    for env in ("development", "production"):
        with pytest.raises(SecretKeyError, match="at least 43"):
            load_secret_key({"SUPPORTPLAN_ENV": env, "SUPPORTPLAN_SECRET_KEY": weak}, tmp_path)


def test_an_unknown_environment_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SecretKeyError, match="SUPPORTPLAN_ENV"):
        load_secret_key({"SUPPORTPLAN_ENV": "prod", "SUPPORTPLAN_SECRET_KEY": STRONG}, tmp_path)


def test_a_set_key_is_used(tmp_path: Path) -> None:
    assert load_secret_key({"SUPPORTPLAN_ENV": "production", "SUPPORTPLAN_SECRET_KEY": STRONG}, tmp_path) == STRONG


def test_development_makes_a_random_key_once_readable_only_by_its_owner(tmp_path: Path) -> None:
    first = load_secret_key({}, tmp_path)
    path = tmp_path / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key({}, tmp_path) == first
    other = tmp_path / "elsewhere"
    assert development_key(other / "secret_key") != first
    assert len(first) >= 43


def test_each_use_has_its_own_key() -> None:
    keys = {derived_key(STRONG, purpose) for purpose in (ADVISER_SESSIONS, IDENTITY_LOCKS, SMS_NUMBERS)}
    assert len(keys) == 3
    assert all(len(key) == 32 for key in keys)
    assert derived_key(STRONG, SMS_NUMBERS) == derived_key(STRONG, SMS_NUMBERS)


def test_the_sms_number_key_does_not_change_with_the_providers_token() -> None:
    before = Settings.from_env({"SUPPORTPLAN_SECRET_KEY": STRONG, "SMS_AUTH_TOKEN": "old-token"})
    after = Settings.from_env({"SUPPORTPLAN_SECRET_KEY": STRONG, "SMS_AUTH_TOKEN": "rotated-token"})
    assert before.sms_number_key == after.sms_number_key
    assert before.sms_number_key != "old-token"


def test_no_constant_key_is_left_in_the_code() -> None:
    root = Path(__file__).resolve().parents[2]
    sources = [*root.glob("bot/**/*.py"), *root.glob("actions/**/*.py")]
    assert sources
    assert not [str(p) for p in sources if "supportplan-development-key" in p.read_text()]


#: RFC 5869 appendix A, test cases 1 and 3 (HKDF-SHA256): (key, salt, info, length, output)
RFC_5869_CASES = [
    (
        bytes([0x0B] * 22),
        bytes(range(13)),
        bytes(range(0xF0, 0xFA)),
        42,
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
    ),
    (
        bytes([0x0B] * 22),
        b"",
        b"",
        42,
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
    ),
]


@pytest.mark.parametrize(("key", "salt", "info", "length", "expected"), RFC_5869_CASES)
def test_hkdf_gives_rfc_5869s_test_vectors(key: bytes, salt: bytes, info: bytes, length: int, expected: str) -> None:
    assert hkdf_sha256(key, salt, info, length).hex() == expected


@settings(max_examples=200, deadline=None)
@given(key=st.binary(max_size=80), salt=st.binary(max_size=80), info=st.binary(max_size=80), length=st.integers(1, 200))
def test_hkdf_agrees_with_cryptographys(key: bytes, salt: bytes, info: bytes, length: int) -> None:
    """The derived keys are the ones cryptography's HKDF gave before (so hashed phone numbers,
    sessions and tokens made then still match)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    reference = HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)
    assert hkdf_sha256(key, salt, info, length) == reference


@pytest.mark.parametrize("length", [0, 255 * 32 + 1])
def test_hkdf_refuses_a_length_it_cannot_give(length: int) -> None:
    with pytest.raises(ValueError):
        hkdf_sha256(b"key", b"salt", b"info", length)
