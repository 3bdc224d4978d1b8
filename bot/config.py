"""Settings read from the environment (DESIGN §3), with defaults for a fresh machine."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Tuple

from bot.secret_keys import ACTION_SERVER, SMS_NUMBERS, derived_key, environment, load_secret_key
from bot.web.proxy import Network, parse_networks

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'supportplan.db'}"
#: EVENT_BROKER_EVENTS: only what reporting reads (the default), or Rasa's full events
REPORTING_EVENTS, ALL_EVENTS = "reporting", "all"


@dataclass(frozen=True)
class Settings:
    database_url: str
    tracker_store_url: str
    redis_url: Optional[str]
    #: RabbitMQ (amqp://…) to publish conversation events to; none when unset
    event_broker_url: Optional[str]
    event_broker_queue: str
    #: `reporting` (default: only what reporting reads, conversation ids hashed) or `all`
    event_broker_events: str
    budget_source: str
    sms_auth_token: Optional[str]
    sms_public_url: Optional[str]
    #: the key of the hash that stands for a phone number (SMS_NUMBER_KEY, else derived from
    #: the secret key, so rotating the SMS provider's token keeps the STOP list)
    sms_number_key: str
    #: for messages the assistant starts itself (bot/channels/sender.py); replies need neither
    sms_account_sid: Optional[str]
    sms_from_number: Optional[str]
    rasa_token: Optional[str]
    jwt_secret: Optional[str]
    retention_days: int
    #: a conversation session rolls over to a new one past this many events (bot/rasa_plugins/sessions.py)
    session_max_events: int
    #: the root secret (bot/secret_keys.py); each use derives its own key from it
    secret_key: str
    #: `development` (default) or `production` (refuses unsafe defaults)
    environment: str
    council_name: str
    council_phone: str
    #: COUNCIL_NAME / COUNCIL_PHONE when not set (then the demo's stand-ins are used): the texts the
    #: council starts itself (review invitations) are not sent until both are set
    council_contact_missing: Tuple[str, ...]
    safeguarding_phone: str
    action_server_url: str
    #: what the Rasa server must send the action server (header X-Action-Token): ACTION_SERVER_TOKEN,
    #: else derived from the secret key, so every replica sharing the key agrees
    action_server_token: str
    rasa_url: str
    host: str
    #: `sms` to text a one-time code to the phone on file after reference and date of birth
    #: match (bot/second_factor.py); empty (the default): off
    identity_second_factor: str
    #: proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (bot/web/proxy.py)
    trusted_proxies: Tuple[Network, ...]
    #: messages a minute each conversation, and each client address, may send (0: no limit;
    #: bot/channels/limits.py)
    conversation_messages_per_minute: int
    client_messages_per_minute: int
    #: whether messages from this machine (loopback) are limited too; off, the web app limits its
    #: own clients before relaying to Rasa
    limit_local_clients: bool
    #: a chat page's conversation no longer reaches its browser after this long without a message
    web_idle_minutes: int
    #: the chat page shows the plan and the conversation only this long after the identity check
    web_verified_minutes: int

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env
        database_url = env.get("DATABASE_URL") or DEFAULT_DATABASE_URL
        host = env.get("SUPPORTPLAN_HOST", "127.0.0.1")
        secret_key = load_secret_key(env, VAR_DIR)
        return cls(
            database_url=database_url,
            tracker_store_url=env.get("TRACKER_STORE_URL") or database_url,
            redis_url=env.get("REDIS_URL") or None,
            event_broker_url=env.get("EVENT_BROKER_URL") or None,
            event_broker_queue=env.get("EVENT_BROKER_QUEUE") or "supportplan_events",
            event_broker_events=_one_of(
                env.get("EVENT_BROKER_EVENTS") or REPORTING_EVENTS,
                "EVENT_BROKER_EVENTS",
                (REPORTING_EVENTS, ALL_EVENTS),
            ),
            budget_source=env.get("BUDGET_SOURCE") or "database",
            sms_auth_token=env.get("SMS_AUTH_TOKEN") or None,
            sms_public_url=env.get("SMS_PUBLIC_URL") or None,
            sms_number_key=env.get("SMS_NUMBER_KEY") or derived_key(secret_key, SMS_NUMBERS).hex(),
            sms_account_sid=env.get("SMS_ACCOUNT_SID") or None,
            sms_from_number=env.get("SMS_FROM_NUMBER") or None,
            rasa_token=env.get("RASA_TOKEN") or None,
            jwt_secret=env.get("JWT_SECRET") or None,
            retention_days=int(env.get("SUPPORTPLAN_RETENTION_DAYS") or 365),
            session_max_events=int(env.get("SUPPORTPLAN_SESSION_EVENTS") or 60),
            secret_key=secret_key,
            environment=environment(env),
            council_name=env.get("COUNCIL_NAME") or "the council",
            council_phone=env.get("COUNCIL_PHONE") or "0300 123 4567",
            council_contact_missing=tuple(name for name in ("COUNCIL_NAME", "COUNCIL_PHONE") if not env.get(name)),
            safeguarding_phone=env.get("COUNCIL_SAFEGUARDING_PHONE") or "0300 123 4568",
            action_server_url=env.get("ACTION_SERVER_URL") or f"http://{host}:5055/webhook",
            action_server_token=_action_server_token(env, secret_key),
            rasa_url=env.get("RASA_URL") or f"http://{host}:5005",
            host=host,
            identity_second_factor=_second_factor(env.get("IDENTITY_SECOND_FACTOR", "")),
            trusted_proxies=parse_networks(env.get("SUPPORTPLAN_TRUSTED_PROXIES", "")),
            conversation_messages_per_minute=int(env.get("SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE") or 30),
            client_messages_per_minute=int(env.get("SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE") or 120),
            limit_local_clients=env.get("SUPPORTPLAN_LIMIT_LOCAL_CLIENTS", "").strip().lower() in ("1", "true", "yes"),
            web_idle_minutes=_positive(env, "SUPPORTPLAN_WEB_IDLE_MINUTES", 30),
            web_verified_minutes=_positive(env, "SUPPORTPLAN_WEB_VERIFIED_MINUTES", 60),
        )


def _one_of(value: str, name: str, allowed: Tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of: {', '.join(allowed)}.")
    return value


#: a shared token shorter than this is refused (a hex-encoded 16 random bytes is 32)
MIN_TOKEN_CHARS = 32


def _action_server_token(env: Mapping[str, str], secret_key: str) -> str:
    token = env.get("ACTION_SERVER_TOKEN") or ""
    if not token:
        return derived_key(secret_key, ACTION_SERVER).hex()
    if len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"ACTION_SERVER_TOKEN must be at least {MIN_TOKEN_CHARS} random characters.")
    return token


def _second_factor(value: str) -> str:
    """IDENTITY_SECOND_FACTOR: `sms`, or off (empty or `off`); anything else is refused."""
    name = value.strip().lower()
    if name in ("", "off"):
        return ""
    if name != "sms":
        raise ValueError("IDENTITY_SECOND_FACTOR must be 'sms' or 'off'.")
    return name


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    """A whole number of at least 1 from `name`, or `default` when unset."""
    value = int(env.get(name) or default)
    if value < 1:
        raise ValueError(f"{name} must be at least 1")
    return value


def get_settings() -> Settings:
    """Settings as the environment holds them now (cheap; read on each call)."""
    return Settings.from_env()
