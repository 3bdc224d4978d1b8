"""The rate limits with Redis storage (REDIS_URL, shared by Rasa replicas) on the local Redis at
127.0.0.1:6379, and what happens when Redis cannot be reached."""

from __future__ import annotations

import logging
import secrets

import pytest
import redis

from bot.channels.limits import TOO_MANY, MessageLimiter, counter_key, refusal
from bot.config import Settings

REDIS_URL = "redis://127.0.0.1:6379/0"


def settings(redis_url: str) -> Settings:
    return Settings.from_env(
        {
            "REDIS_URL": redis_url,
            "SUPPORTPLAN_CONVERSATION_MESSAGES_PER_MINUTE": "2",
            "SUPPORTPLAN_CLIENT_MESSAGES_PER_MINUTE": "50",
            "SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32),
        }
    )


async def test_counts_are_kept_in_redis_under_hashed_keys() -> None:
    config = settings(REDIS_URL)
    before = set(redis.Redis.from_url(REDIS_URL).keys("LIMITER*"))
    answers = [await refusal("hi", "web-a-secret-cookie", "198.51.100.7", config) for _ in range(3)]
    assert answers[:2] == [None, None] and answers[2] is not None and answers[2].text == TOO_MANY
    added = set(redis.Redis.from_url(REDIS_URL).keys("LIMITER*")) - before
    assert added, "nothing was counted in Redis"
    assert not any(b"secret-cookie" in key or b"198.51.100.7" in key for key in added)
    # another process (a second Rasa replica) shares the same counts
    replica = MessageLimiter(REDIS_URL, per_conversation=2, per_client=50)
    assert not await replica.allows(counter_key("web-a-secret-cookie", config), None)


async def test_an_unreachable_redis_lets_messages_through_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    config = settings("redis://127.0.0.1:1/0")
    with caplog.at_level(logging.WARNING, logger="bot.channels.limits"):
        assert [await refusal("hi", "c", "198.51.100.8", config) for _ in range(5)] == [None] * 5
    assert "Rate limit storage unavailable" in caplog.text
    assert "198.51.100.8" not in caplog.text
