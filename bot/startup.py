"""What every server and command does first: read the settings, and refuse to start with one
plain line (no traceback) when they are unsafe or malformed, e.g. no SUPPORTPLAN_SECRET_KEY in
production."""

from __future__ import annotations

from bot.config import Settings
from bot.secret_keys import SecretKeyError


def settings_or_exit() -> Settings:
    """The settings, or SystemExit with a one-line reason (exit code 1)."""
    try:
        return Settings.from_env()
    except (SecretKeyError, ValueError) as error:
        raise SystemExit(f"supportplan: cannot start: {error}") from None
