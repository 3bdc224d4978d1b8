"""deploy/compose.yaml's stack started with podman from the images `make images` builds, for
tests/deploy/test_stack.py: two action servers behind their balancer (deploy/actions-lb.conf),
two Rasa servers, the web app and the TLS proxy (deploy/nginx.conf), the migrations run once
before them, each server with compose's restrictions (read-only root, own /tmp, no capabilities,
uid 10001).

Every container uses the host's network: PostgreSQL, Redis and RabbitMQ are this machine's own
services on 127.0.0.1 (as in the other test suites), and each server listens on a loopback port of
its own (tests/support/ports.py), so the proxies' configurations are compose's with the service
names and ports replaced by those."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Sequence

from bench.conversation import bench_people_csv
from bot.cli import DEMO_CSV
from tests.deploy.files import DEPLOY, compose
from tests.support.deployment import postgres_database
from tests.support.ports import OFFSET, shifted_ports
from tests.support.sms import SMS_SETTINGS

CONTAINERS_CONF = DEPLOY / "podman" / "containers.conf"
LOOPBACK = "127.0.0.1"
#: the two replicas' action server and Rasa server ports; the web app takes the first's web port
REPLICA_PORTS = [shifted_ports(22), shifted_ports(23)]
WEB_PORT = REPLICA_PORTS[0].web
#: the proxy's public ports (443 and 80 in compose) and its internal :5005 (the web app's RASA_URL)
PROXY_HTTPS = 18443 + OFFSET
PROXY_HTTP = 18480 + OFFSET
PROXY_RASA = 15029 + OFFSET
ACTIONS_LB = 15079 + OFFSET
REDIS_URL = os.environ.get("SUPPORTPLAN_TEST_REDIS_DEPLOY", "redis://127.0.0.1:6379/5")
RABBITMQ_URL = os.environ.get("SUPPORTPLAN_TEST_RABBITMQ", "amqp://guest:guest@127.0.0.1:5672")
#: nginx's master (root) starts its workers as another user and owns their temporary files
PROXY_CAPABILITIES = ["--cap-add=SETUID", "--cap-add=SETGID", "--cap-add=CHOWN"]
#: a Rasa server loads its model in about a minute on 2 busy cores
READY_SECONDS = 600


def image_tag() -> str:
    """The tag `make images` gave (the Makefile passes it; else this commit's, as it computes it)."""
    tag = os.environ.get("SUPPORTPLAN_IMAGE_TAG")
    if tag:
        return tag
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def image(name: str) -> str:
    return f"localhost/supportplan-{name}:{image_tag()}"


def podman(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """podman with this machine's settings (deploy/podman/containers.conf)."""
    env = {**os.environ, "CONTAINERS_CONF": str(CONTAINERS_CONF)}
    return subprocess.run(["podman", *args], env=env, capture_output=True, text=True, timeout=timeout)


def checked(*args: str, timeout: float = 300) -> str:
    done = podman(*args, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"podman {' '.join(args[:2])} failed: {done.stderr.strip()[-3000:]}")
    return done.stdout


def server_flags() -> List[str]:
    """compose.yaml's restrictions on every server (its `x-server`), as podman run's flags."""
    server = compose()["x-server"]
    flags = ["--user", server["user"]] + (["--read-only"] if server["read_only"] else [])
    flags += [f"--tmpfs={path}" for path in server["tmpfs"]]
    flags += [f"--cap-drop={capability}" for capability in server["cap_drop"]]
    return flags + [f"--security-opt={option}" for option in server["security_opt"]]


def image_command(name: str, port: int) -> List[str]:
    """The image's own command, listening on loopback `port` instead of its usual port."""
    command: List[str] = json.loads(checked("image", "inspect", "--format", "{{json .Config.Cmd}}", image(name)))
    for flag, value in (("--port", str(port)), ("--interface", LOOPBACK)):
        if flag in command:
            command[command.index(flag) + 1] = value
    return command


def rendered(template: Path, replacements: Mapping[str, str]) -> str:
    """`template` with compose's service addresses replaced (each must still be in it)."""
    text = template.read_text()
    for old, new in replacements.items():
        assert old in text, f"{template.name} no longer has {old!r}"
        text = text.replace(old, new)
    return text


def proxy_configs(folder: Path) -> Dict[str, Path]:
    """deploy/nginx.conf and deploy/actions-lb.conf on this machine's loopback ports."""
    first, second = REPLICA_PORTS
    proxy = rendered(
        DEPLOY / "nginx.conf",
        {
            "rasa-1:5005": f"{LOOPBACK}:{first.rasa}",
            "rasa-2:5005": f"{LOOPBACK}:{second.rasa}",
            "web:8080": f"{LOOPBACK}:{WEB_PORT}",
            "listen 80;": f"listen {LOOPBACK}:{PROXY_HTTP};",
            "listen 443 ssl;": f"listen {LOOPBACK}:{PROXY_HTTPS} ssl;",
            "listen 5005;": f"listen {LOOPBACK}:{PROXY_RASA};",
        },
    )
    balancer = rendered(
        DEPLOY / "actions-lb.conf",
        {
            "actions-1:5055": f"{LOOPBACK}:{first.actions}",
            "actions-2:5055": f"{LOOPBACK}:{second.actions}",
            "listen 5055;": f"listen {LOOPBACK}:{ACTIONS_LB};",
        },
    )
    paths = {"proxy": folder / "nginx.conf", "actions-lb": folder / "actions-lb.conf"}
    paths["proxy"].write_text(proxy)
    paths["actions-lb"].write_text(balancer)
    return paths


def self_signed_certificate(folder: Path) -> Path:
    """folder/fullchain.pem and privkey.pem for 127.0.0.1 (valid a day); the certificate's path."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", f"subjectAltName=IP:{LOOPBACK},DNS:localhost",
         "-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return folder / "fullchain.pem"


@dataclass
class PodmanStack:
    """The running containers of one test run, named after `run_id`."""

    folder: Path
    database_url: str
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    containers: Dict[str, str] = field(default_factory=dict)
    env_files: Dict[str, Path] = field(default_factory=dict)
    certificate: Path = Path()
    #: seconds from the first container started to every server answering
    start_seconds: float = 0.0

    @property
    def https_url(self) -> str:
        return f"https://{LOOPBACK}:{PROXY_HTTPS}"

    @property
    def event_queue(self) -> str:
        return f"supportplan_deploy_{self.run_id}"

    def write_env(self, role: str, values: Mapping[str, str]) -> Path:
        """An env file only root can read (the secret key never reaches a command line)."""
        path = self.folder / f"{role}.env"
        path.touch(mode=0o600)
        path.write_text("".join(f"{name}={value}\n" for name, value in values.items()))
        self.env_files[role] = path
        return path

    def run_once(self, *command: str, volumes: Sequence[str] = ()) -> str:
        """A one-off `supportplan …` in the Rasa image with the Rasa servers' settings (the
        migrations job's way), its output."""
        mounts = [flag for volume in volumes for flag in ("--volume", volume)]
        return checked(
            "run", "--rm", "--pull=never", "--network", "host", *server_flags(), "--env-file", str(self.env_files["rasa"]),
            *mounts, image("rasa"), *command,
            timeout=600,
        )  # fmt: skip

    def start(self, role: str, image_name: str, command: Sequence[str], *flags: str) -> None:
        name = f"supportplan-test-{self.run_id}-{role}"
        checked(
            "run", "--detach", "--pull=never", "--name", name, "--label", f"supportplan-test={self.run_id}", "--network", "host",
            *flags, image(image_name), *command,
        )  # fmt: skip
        self.containers[role] = name

    def start_server(self, role: str, image_name: str, env_role: str, port: int) -> None:
        """A server on loopback `port`. Its image's HEALTHCHECK asks the usual port, so it is left
        off (podman would schedule it with systemd, which this machine lacks): wait_until_ready
        asks the same health path on the port given."""
        flags = [*server_flags(), "--no-healthcheck", "--env-file", str(self.env_files[env_role])]
        self.start(role, image_name, image_command(image_name, port), *flags)

    def start_proxy(self, role: str, config: Path, *volumes: str) -> None:
        mounts = [f"--volume={config}:/etc/nginx/nginx.conf:ro"] + [f"--volume={volume}" for volume in volumes]
        self.start(role, "proxy", [], "--cap-drop=ALL", *PROXY_CAPABILITIES, *mounts)

    def running(self, role: str) -> bool:
        state = podman("inspect", "--format", "{{.State.Running}}", self.containers[role])
        return state.stdout.strip() == "true"

    def wait_until_ready(self, role: str, url: str, deadline: float) -> None:
        """Until `url` answers; fails at once with the container's log if it stopped."""
        while time.monotonic() < deadline:
            if not self.running(role):
                raise RuntimeError(f"{role} stopped while starting:\n{self.logs(role)[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(1)
        raise TimeoutError(f"{role} did not answer {url} in {READY_SECONDS} s:\n{self.logs(role)[-3000:]}")

    def upstreams(self, path: str) -> List[str]:
        """Which servers the proxy passed each request for `path` to, in order (its access log)."""
        return re.findall(
            rf'"POST {re.escape(path)} [^"]*" \d+ \d+ upstream=([^ ,]+(?:, [^ ,]+)*) ', self.logs("proxy")
        )

    def kill(self, role: str) -> None:
        checked("kill", self.containers[role])

    def logs(self, role: str) -> str:
        done = podman("logs", self.containers[role])
        return done.stdout + done.stderr

    def export_plan(self, reference: str) -> Dict[str, object]:
        """`supportplan export-plan REFERENCE --format json`, run from the Rasa image."""
        return json.loads(self.run_once("supportplan", "export-plan", reference, "--format", "json"))

    def remove(self) -> None:
        """Keep every container's log in the folder, then remove them all."""
        for role in self.containers:
            (self.folder / f"{role}.log").write_text(self.logs(role))
        if self.containers:
            podman("rm", "--force", "--time", "0", *self.containers.values(), timeout=120)


def remove_stale_containers() -> None:
    """Containers an interrupted run left (they would hold the loopback ports)."""
    stale = checked("ps", "--all", "--quiet", "--filter", "label=supportplan-test").split()
    if stale:
        podman("rm", "--force", "--time", "0", *stale, timeout=120)


def people_file(folder: Path, bench_people: int) -> Path:
    """The demo people and `bench_people` bench people (PB-900000…) in one budget file. A
    production server never loads the demo (`load-demo` refuses): they come as a council's would."""
    bench = folder / "bench-people.csv"
    bench_people_csv(bench, bench_people)
    demo, (header, *rows) = DEMO_CSV.read_text(), bench.read_text().splitlines()
    # the demo file has the optional columns too (contribution, eligible needs, assessed on): empty
    missing = "," * (demo.splitlines()[0].count(",") - header.count(","))
    path = folder / "people.csv"
    path.write_text(demo + "".join(f"{row}{missing}\n" for row in rows))
    return path


def prepare(stack: PodmanStack, people: Path) -> None:
    """The environments, then the migrations job and the import of `people`, from the image."""
    common = {
        "SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32),
        "DATABASE_URL": stack.database_url,
        "SUPPORTPLAN_HOST": LOOPBACK,
        "SUPPORTPLAN_TRUSTED_PROXIES": LOOPBACK,
    }
    stack.write_env("server", common)
    stack.write_env(
        "rasa",
        {
            **common,
            "REDIS_URL": REDIS_URL,
            "EVENT_BROKER_URL": RABBITMQ_URL,
            "EVENT_BROKER_QUEUE": stack.event_queue,
            "ACTION_SERVER_URL": f"http://{LOOPBACK}:{ACTIONS_LB}/webhook",
            **SMS_SETTINGS,
        },
    )
    stack.write_env("web", {**common, "REDIS_URL": REDIS_URL, "RASA_URL": f"http://{LOOPBACK}:{PROXY_RASA}"})
    stack.run_once("supportplan", "migrate")
    stack.run_once("supportplan", "import-budgets", "/people.csv", volumes=[f"{people}:/people.csv:ro"])


def start_servers(stack: PodmanStack) -> None:
    """Action servers and their balancer, Rasa servers, the web app, the TLS proxy; until all answer."""
    configs = proxy_configs(stack.folder)
    tls = stack.folder / "tls"
    tls.mkdir()
    stack.certificate = self_signed_certificate(tls)
    started = time.monotonic()
    for number, ports in enumerate(REPLICA_PORTS, start=1):
        stack.start_server(f"actions-{number}", "actions", "server", ports.actions)
    stack.start_proxy("actions-lb", configs["actions-lb"])
    for number, ports in enumerate(REPLICA_PORTS, start=1):
        stack.start_server(f"rasa-{number}", "rasa", "rasa", ports.rasa)
    stack.start_server("web", "web", "web", WEB_PORT)
    stack.start_proxy("proxy", configs["proxy"], f"{tls}:/etc/nginx/tls:ro")
    deadline = started + READY_SECONDS
    for number, ports in enumerate(REPLICA_PORTS, start=1):
        stack.wait_until_ready(f"actions-{number}", f"http://{LOOPBACK}:{ports.actions}/health", deadline)
        stack.wait_until_ready(f"rasa-{number}", f"http://{LOOPBACK}:{ports.rasa}/", deadline)
    stack.wait_until_ready("web", f"http://{LOOPBACK}:{WEB_PORT}/health", deadline)
    stack.wait_until_ready("actions-lb", f"http://{LOOPBACK}:{ACTIONS_LB}/health", deadline)
    stack.wait_until_ready("proxy", f"http://{LOOPBACK}:{PROXY_RASA}/", deadline)
    stack.start_seconds = time.monotonic() - started


@contextmanager
def podman_stack(folder: Path, people: int) -> Iterator[PodmanStack]:
    """The whole stack on a new PostgreSQL database with the demo people and `people` bench
    people (PB-900000…); every container removed afterwards, also when something failed."""
    remove_stale_containers()
    with postgres_database("supportplan_deploy") as url:
        stack = PodmanStack(folder, url)
        try:
            prepare(stack, people_file(folder, people))
            start_servers(stack)
            yield stack
        finally:
            stack.remove()
