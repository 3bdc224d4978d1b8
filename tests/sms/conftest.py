"""The real servers with the SMS channel configured (tests/support/sms.py), on the SMS suite's
own ports (tests/support/ports.py), so they run beside tests/e2e's servers."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.support.ports import SMS
from tests.support.servers import LoggedServers, running_with_log
from tests.support.sms import SMS_SETTINGS


@pytest.fixture(scope="module")
def sms_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedServers]:
    with running_with_log(tmp_path_factory.mktemp("sms"), SMS, with_web=False, **SMS_SETTINGS) as running:
        yield running
