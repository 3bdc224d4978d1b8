"""deploy/compose.yaml (one council on one VM), its proxy and its env file: our servers get only the
README's variables, with every secret from the env file; the migrations finish before any server
starts; only the proxy is published, and the action servers share a network with the Rasa servers
alone."""

from __future__ import annotations

import re
from typing import Any, Dict, List

from tests.deploy.files import DEPLOY, OUR_IMAGES, SERVER_UID, compose, env_file_keys, readme_variables

#: README variables that hold a secret: never a literal value in compose.yaml
SECRETS = ("SUPPORTPLAN_SECRET_KEY", "SMS_AUTH_TOKEN", "DATABASE_URL", "REDIS_URL", "EVENT_BROKER_URL")
INTERPOLATED = re.compile(r"\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}")


def ours() -> Dict[str, Dict[str, Any]]:
    return {
        name: service
        for name, service in compose()["services"].items()
        if any(f"/{image}:" in service["image"] for image in OUR_IMAGES)
    }


def networks_of(service: Dict[str, Any]) -> List[str]:
    networks = service.get("networks", [])
    return list(networks) if isinstance(networks, (list, dict)) else []


def test_two_rasa_and_two_action_servers_the_web_app_and_the_migrations():
    assert sorted(ours()) == ["actions-1", "actions-2", "migrate", "rasa-1", "rasa-2", "web"]
    assert {"postgres", "redis", "rabbitmq", "proxy", "actions-lb"} <= set(compose()["services"])


def test_our_servers_get_only_the_variables_the_readme_lists():
    allowed = readme_variables()
    for name, service in ours().items():
        assert set(service["environment"]) <= allowed, name
        assert service["environment"]["SUPPORTPLAN_SECRET_KEY"] == "${SUPPORTPLAN_SECRET_KEY:?}", name


def test_secrets_come_from_the_env_file_never_from_compose_itself():
    for name, service in ours().items():
        for variable in SECRETS:
            value = service["environment"].get(variable)
            assert value is None or INTERPOLATED.search(value), (name, variable)


def test_the_example_env_file_names_every_value_compose_needs_and_holds_none():
    text = (DEPLOY / "compose.yaml").read_text()
    needed = {match.group(1) for match in INTERPOLATED.finditer(text)}
    example = env_file_keys(DEPLOY / "example.env")
    assert set(example) == needed
    assert {name: value for name, value in example.items() if value} == {"SUPPORTPLAN_REGISTRY": "localhost"}


def test_the_migrations_finish_before_any_server_starts():
    services = ours()
    assert services["migrate"]["command"] == ["supportplan", "migrate"]
    assert services["migrate"]["restart"] == "no"
    for name in ("rasa-1", "rasa-2", "actions-1", "actions-2", "web"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name


def test_our_containers_run_as_a_user_without_privileges():
    for name, service in ours().items():
        assert service["user"] == f"{SERVER_UID}:{SERVER_UID}", name
        assert service["read_only"] is True and service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name


def test_only_the_proxy_is_published_and_the_action_servers_are_internal():
    services = compose()["services"]
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
    on_actions_network = sorted(name for name, service in services.items() if "actions" in networks_of(service))
    assert on_actions_network == ["actions-1", "actions-2", "actions-lb", "rasa-1", "rasa-2"]
    assert compose()["networks"]["actions"] == {"internal": True}
    for name in ("rasa-1", "rasa-2"):
        assert services[name]["environment"]["ACTION_SERVER_URL"] == "http://actions-lb:5055/webhook"


def test_the_servers_trust_forwarding_headers_from_the_proxy_alone():
    services = compose()["services"]
    proxy_address = services["proxy"]["networks"]["front"]["ipv4_address"]
    for name in ("rasa-1", "rasa-2", "web"):
        assert services[name]["environment"]["SUPPORTPLAN_TRUSTED_PROXIES"] == proxy_address, name
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "location /webhooks/web/ { return 404; }" in nginx
    assert "listen 443 ssl;" in nginx
