"""Every suite's ports, in one table so that no two suites meet: the e2e ports moved by
SUPPORTPLAN_TEST_PORT_OFFSET (so several test runs can share one machine), plus a shift per suite.
Offsets are multiples of 100 and a suite's action-server port is its Rasa port + 50, so no suite's
shift is another's + 50."""

from __future__ import annotations

import os
import socket
from typing import Optional

from bot.launcher import Ports

OFFSET = int(os.environ.get("SUPPORTPLAN_TEST_PORT_OFFSET", "0"))
E2E = Ports(actions=15055 + OFFSET, rasa=15005 + OFFSET, web=18080 + OFFSET)


def shifted_ports(shift: int) -> Ports:
    """The e2e ports moved by `shift`, for servers that run beside the e2e ones."""
    return Ports(actions=E2E.actions + shift, rasa=E2E.rasa + shift, web=E2E.web + shift)


SMS = shifted_ports(7)
FAULTS = shifted_ports(11)
REPLICAS = [shifted_ports(12), shifted_ports(13)]
SECURITY = shifted_ports(30)
#: the second-factor servers, and the lone action server of tests/security/test_action_server.py
SECOND_FACTOR = shifted_ports(45)
BROWSER = shifted_ports(60)  # rasa + 60 meets no other suite's action server port
MODELS_API = shifted_ports(70)
#: tests/actions/data/record.py, which records the action server's payloads
RECORDING = shifted_ports(85)


def outside_address() -> Optional[str]:
    """This machine's address on its network (not loopback), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def local_url(port: int) -> str:
    """The address of a test server listening on loopback `port`."""
    return f"http://127.0.0.1:{port}"
