"""Forwarding headers are believed only from configured proxies (issue 18, item 7)."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import make_mocked_request

from bot.web.proxy import client_address, is_https, parse_networks

PROXIES = parse_networks("10.0.0.5, 192.168.1.0/24")


def _request(remote: str, **headers: str):
    request = make_mocked_request("GET", "/", headers=headers)
    return request.clone(remote=remote)


def test_headers_from_an_unlisted_address_are_ignored() -> None:
    request = _request("203.0.113.9", **{"X-Forwarded-For": "1.2.3.4", "X-Forwarded-Proto": "https"})
    assert client_address(request, PROXIES) == "203.0.113.9"
    assert not is_https(request, PROXIES)


def test_a_trusted_proxy_names_the_client_and_the_scheme() -> None:
    request = _request(
        "10.0.0.5", **{"X-Forwarded-For": "6.6.6.6, 198.51.100.7, 192.168.1.20", "X-Forwarded-Proto": "https"}
    )
    assert client_address(request, PROXIES) == "198.51.100.7"
    assert is_https(request, PROXIES)


def test_nothing_is_trusted_without_configuration() -> None:
    request = _request("10.0.0.5", **{"X-Forwarded-For": "1.2.3.4", "X-Forwarded-Proto": "https"})
    assert client_address(request, ()) == "10.0.0.5"
    assert not is_https(request, ())


def test_a_bad_entry_is_named() -> None:
    with pytest.raises(ValueError, match="nonsense"):
        parse_networks("10.0.0.1, nonsense")
