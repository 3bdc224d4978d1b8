"""Who is really asking, behind a TLS proxy: headers from a proxy are trusted only when the request
comes from an address listed in SUPPORTPLAN_TRUSTED_PROXIES (addresses or networks, comma-separated)."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Iterable, Sequence, Tuple, Union

if TYPE_CHECKING:  # settings import this module in servers that have no aiohttp app
    from aiohttp import web

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def parse_networks(text: str) -> Tuple[Network, ...]:
    """'10.0.0.1, 192.168.0.0/24' → networks; raises ValueError naming a bad entry."""
    networks = []
    for part in (p.strip() for p in text.split(",")):
        if part:
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError as error:
                raise ValueError(f"SUPPORTPLAN_TRUSTED_PROXIES: {part!r} is not an address or network") from error
    return tuple(networks)


def _is_trusted(address: str, proxies: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def _from_trusted_proxy(request: web.Request, proxies: Sequence[Network]) -> bool:
    return bool(proxies) and request.remote is not None and _is_trusted(request.remote, proxies)


def client_address(request: web.Request, proxies: Sequence[Network]) -> str:
    """The client's address: the connection's, or — from a trusted proxy — the last address in
    X-Forwarded-For that is not itself a trusted proxy."""
    remote = request.remote or "unknown"
    if not _from_trusted_proxy(request, proxies):
        return remote
    hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, proxies):
            return hop
    return remote


def is_https(request: web.Request, proxies: Sequence[Network]) -> bool:
    """True on a TLS connection, or when a trusted proxy says (X-Forwarded-Proto) it had one."""
    if request.secure:  # aiohttp: the connection itself is TLS (it ignores forwarding headers)
        return True
    if _from_trusted_proxy(request, proxies):
        return request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower() == "https"
    return False
