"""The running servers: the Rasa HTTP API is off, nothing listens beyond 127.0.0.1, no budget or
plan before identity is checked, failed checks lock a reference across conversations, and the logs
at INFO hold no personal data."""

from __future__ import annotations

import re
import socket
from typing import Iterable

import pytest
import requests

from tests.support.chat import Chat, expect
from tests.support.ports import SECURITY, local_url, outside_address
from tests.support.servers import LoggedServers

pytestmark = pytest.mark.e2e

RASA, WEB = local_url(SECURITY.rasa), local_url(SECURITY.web)


def test_the_rasa_http_api_is_off(logged_servers: LoggedServers) -> None:
    for method, path in [
        ("GET", "/conversations/anyone/tracker"),
        ("POST", "/model/parse"),
        ("GET", "/status"),
        ("POST", "/conversations/anyone/messages"),
    ]:
        response = requests.request(method, RASA + path, json={"text": "hi"}, timeout=10)
        assert response.status_code in (403, 404, 405), (path, response.status_code)


def test_nothing_listens_beyond_loopback(logged_servers: LoggedServers) -> None:
    address = outside_address()
    if address is None:
        pytest.skip("this machine has no network address other than loopback")
    for port in (SECURITY.actions, SECURITY.rasa, SECURITY.web):
        with socket.socket() as client:
            client.settimeout(2)
            assert client.connect_ex((address, port)) != 0, f"port {port} answers on {address}"


def test_no_budget_or_plan_before_identity_is_checked(logged_servers: LoggedServers) -> None:
    chat = Chat(SECURITY.rasa)
    chat.say("hello")
    for asking in ("how much is my budget?", "show me my plan", "PB-100237 what's my money"):
        reply = chat.say(asking)
        assert "£" not in reply and "720" not in reply, reply
    chat.say("for me")
    chat.say("PB-100237")
    reply = chat.say("1/1/1901")  # the wrong date of birth
    assert "£" not in reply and "Margaret" not in reply


def spellings_of_a_birthday(iso: str) -> Iterable[str]:
    year, month, day = iso.split("-")
    d, m = int(day), int(month)
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    return {iso, f"{d}/{m}/{year}", f"{day}/{month}/{year}", f"{d} {months[m - 1]} {year}", f"{day}{month}{year}"}


def test_a_whole_conversation_leaves_no_personal_data_in_the_logs(logged_servers: LoggedServers) -> None:
    """Helen Walsh (PB-100239, born 1965-12-01, +447700900128, £9,880 a year), by REST and the web app."""
    said = [
        "hiya",
        "just me",
        "my ref is PB-100239",
        "1st December 1965",
        "Singing in the Harrogate community choir",
        "to join the Harrogate walking netball team",
        "thats all",
        "personal assistant",
        "someone called Bernadette to drive me to rehearsals",
        "3 hours",
        "£17.35 an hour",
        "none",
        "no more",
        "a payment card",
        "my nephew Lorcan will step in",
    ]
    chat = Chat(SECURITY.rasa)
    replies = [chat.say(text) for text in said]
    expect(replies[3], "£190.00 a week", "£9,880.00 a year")
    expect(replies[10], "£52.05 a week")

    web = requests.Session()
    web.get(WEB + "/", timeout=10)
    relayed = web.post(WEB + "/api/messages", json={"message": "My neighbour Ffion Pritchard helps me too"}, timeout=60)
    assert relayed.status_code == 200
    web.post(
        WEB + "/api/messages",
        json={"message": "my reference is PB-100239, born 01/12/1965, phone 07700900128"},
        timeout=60,
    )

    log = logged_servers.log_text()
    assert log.strip(), "the servers wrote no log at all: the scan would prove nothing"
    secrets = [
        "Helen",
        "Walsh",
        "PB-100239",
        "PB100239",
        "+447700900128",
        "07700900128",
        "7700900128",
        "9,880",
        "9880",
        "190.00",
        "17.35",
        "52.05",
        "Bernadette",
        "Lorcan",
        "Ffion",
        "Pritchard",
        "Harrogate",
        "walking netball",
        *spellings_of_a_birthday("1965-12-01"),
        *[text for text in said if len(text) > 12],
    ]
    found = [secret for secret in secrets if re.search(re.escape(secret), log, re.IGNORECASE)]
    assert found == [], f"personal data in the logs: {found}"


def check_in_a_new_conversation(reference: str, born: str) -> str:
    chat = Chat(SECURITY.rasa)
    chat.say("hi")
    chat.say("myself")
    chat.say(reference)
    return chat.say(born)


def test_failed_checks_from_different_conversations_lock_the_reference(logged_servers: LoggedServers) -> None:
    """Gareth Jones (PB-100236, born 14/2/1972) and a made-up reference get the same answers."""
    answers = {}
    for reference in ("PB-100236", "PB-999990"):
        tries = [check_in_a_new_conversation(reference, "1/1/1950") for _ in range(3)]
        tries.append(check_in_a_new_conversation(reference, "14/2/1972"))  # the right date, too late
        answers[reference] = tries
    gareth = answers["PB-100236"]
    expect(gareth[0], "don't match")
    expect(gareth[1], "don't match")
    expect(gareth[2], "paused checking")
    expect(gareth[3], "paused checking")
    assert "£" not in gareth[3] and "Gareth" not in gareth[3]
    assert answers["PB-100236"] == answers["PB-999990"]
