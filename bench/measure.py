"""Measurements taken from outside the servers: resident memory from /proc, time to ready."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Dict, List

import aiohttp

from bench.conversation import ConversationError, say

PROC = Path("/proc")


def _status_kib(pid: int, field: str) -> int:
    """A `VmRSS:`-style field of /proc/PID/status in KiB (0 if the process is gone)."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _children(pid: int) -> List[int]:
    """Direct children of `pid`, read from /proc/*/stat."""
    found: List[int] = []
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def process_tree(pid: int) -> List[int]:
    """`pid` and all its descendants."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending += _children(current)
    return tree


def resident_mb(pid: int) -> Dict[str, float]:
    """Resident memory of a process tree now (VmRSS) and the sum of its processes' peaks
    (VmHWM), in megabytes (10^6 bytes)."""
    tree = process_tree(pid)
    return {
        "rss_mb": round(sum(_status_kib(p, "VmRSS") for p in tree) * 1024 / 1e6, 1),
        "peak_mb": round(sum(_status_kib(p, "VmHWM") for p in tree) * 1024 / 1e6, 1),
    }


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
