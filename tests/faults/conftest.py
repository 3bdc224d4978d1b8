"""Our servers on a fresh PostgreSQL database with the demo people, for the fault tests, on
ports of their own (the e2e ports plus 11, after SUPPORTPLAN_TEST_PORT_OFFSET)."""

from __future__ import annotations

from typing import Iterator

import pytest

from bench.stack import Deployment, deployment_env, postgres_database, prepare_database
from tests.e2e.conftest import shifted_ports

PORTS = shifted_ports(11)


@pytest.fixture(scope="package")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    with postgres_database("supportplan_faults") as url:
        prepare_database(url)
        log = (tmp_path_factory.mktemp("faults") / "servers.log").open("w")
        running = Deployment(PORTS, deployment_env(url, PORTS), with_web=True, output=log).start()
        try:
            yield running
        finally:
            running.stop()
            log.close()
