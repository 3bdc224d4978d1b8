"""Our servers on a fresh PostgreSQL database with the demo people, for the fault tests, on
ports of their own (tests/support/ports.py)."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.support.deployment import Deployment, deployment_env, postgres_database, prepare_database
from tests.support.ports import FAULTS


@pytest.fixture(scope="package")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    with postgres_database("supportplan_faults") as url:
        prepare_database(url)
        log = (tmp_path_factory.mktemp("faults") / "servers.log").open("w")
        running = Deployment(FAULTS, deployment_env(url, FAULTS), with_web=True, output=log).start()
        try:
            yield running
        finally:
            running.stop()
            log.close()
