"""Measurements taken from outside the servers: resident memory (psutil), time to ready."""

from __future__ import annotations

import asyncio
import time
from typing import Dict

import aiohttp
import psutil

from bench.conversation import ConversationError, say


def resident_mb(pid: int) -> Dict[str, float]:
    """Resident memory (RSS) of process `pid` and all its descendants now, in megabytes (10^6 bytes);
    a process that ends while being read counts for nothing."""
    root = psutil.Process(pid)
    total = 0
    for process in (root, *root.children(recursive=True)):
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return {"rss_mb": round(total / 1e6, 1)}


async def wait_for_first_reply(url: str, started: float, timeout: float = 300) -> float:
    """Seconds from `started` (a perf_counter reading) until the REST webhook answers a message."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        while time.perf_counter() - started < timeout:
            try:
                await say(http, url, f"bench-ready-{started}", "hello")
                return time.perf_counter() - started
            except (aiohttp.ClientError, ConversationError, asyncio.TimeoutError):
                await asyncio.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")
