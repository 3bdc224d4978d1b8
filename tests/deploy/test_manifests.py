"""The Kubernetes manifests (deploy/k8s): valid against Kubernetes' own schemas (kubernetes-validate,
pinned in requirements-deploy.lock, run from its own environment .venv-deploy), and safe: only the
README's variables, non-root pods without privileges, probes, and an action server nothing but the
Rasa pods can reach."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.council import rules_from
from tests.deploy.files import K8S, SERVER_UID, k8s_documents, readme_variables

CHECKER = PROJECT_ROOT / ".venv-deploy" / "bin" / "kubernetes-validate"
#: the oldest Kubernetes release still supported when this was written; the manifests use nothing newer
KUBERNETES_VERSION = "1.30.0"
COMPONENTS = {"rasa": ("/", 2), "actions": ("/health", 2), "web": ("/health", 2)}


def validate(paths: List[Path]) -> subprocess.CompletedProcess:
    if not CHECKER.exists():
        pytest.fail(f"{CHECKER} is missing: `make install` makes it (requirements-deploy.lock).")
    command = [str(CHECKER), "--strict", "--quiet", "-k", KUBERNETES_VERSION, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def of_kind(kind: str) -> List[Dict[str, Any]]:
    return [document for document in k8s_documents() if document["kind"] == kind]


def named(kind: str, name: str) -> Dict[str, Any]:
    return next(document for document in of_kind(kind) if document["metadata"]["name"] == name)


def pod_templates() -> Iterator[Tuple[str, Dict[str, Any]]]:
    for document in of_kind("Deployment") + of_kind("Job"):
        yield document["metadata"]["name"], document["spec"]["template"]["spec"]


def component_labels(component: str) -> Dict[str, str]:
    return {"app.kubernetes.io/name": "supportplan", "app.kubernetes.io/component": component}


def test_every_manifest_passes_the_kubernetes_schemas_strictly():
    manifests = [path for path in sorted(K8S.glob("*.yaml")) if path.name != "kustomization.yaml"]
    done = validate(manifests)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    "spoil, named_in_error",
    [
        (lambda spec: spec.update(replicas="two"), "replicas"),
        (lambda spec: spec["template"]["spec"]["containers"][0].update(imagePullPolicey="Always"), "imagePullPolicey"),
    ],
    ids=["a number in words", "a misspelt field"],
)
def test_the_checker_refuses_a_wrong_manifest(tmp_path, spoil, named_in_error):
    # proves the check is not a no-op
    deployment = next(yaml.safe_load_all((K8S / "web.yaml").read_text()))
    spoil(deployment["spec"])
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(yaml.safe_dump(deployment))
    done = validate([wrong])
    assert done.returncode != 0
    assert named_in_error in done.stdout + done.stderr


def test_kustomize_applies_every_manifest():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert set(kustomization["resources"]) == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


def test_pods_get_only_the_variables_the_readme_lists():
    allowed = readme_variables()
    given = set(named("ConfigMap", "supportplan-settings")["data"]) | set(
        named("Secret", "supportplan-secrets")["stringData"]
    )
    for _, pod in pod_templates():
        for container in pod["containers"]:
            given |= {variable["name"] for variable in container.get("env", [])}
            sources = {
                source.get("configMapRef", source.get("secretRef", {})).get("name") for source in container["envFrom"]
            }
            assert sources == {"supportplan-settings", "supportplan-secrets"}
    assert given - allowed == set()


def test_the_secret_holds_placeholders_only():
    assert set(named("Secret", "supportplan-secrets")["stringData"].values()) == {""}


def test_every_pod_runs_as_a_user_without_privileges():
    for name, pod in pod_templates():
        assert pod["automountServiceAccountToken"] is False, name
        security = pod["securityContext"]
        assert security["runAsNonRoot"] is True and security["runAsUser"] == SERVER_UID, name
        assert security["seccompProfile"] == {"type": "RuntimeDefault"}, name
        for container in pod["containers"]:
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False, name
            assert context["readOnlyRootFilesystem"] is True, name
            assert context["capabilities"] == {"drop": ["ALL"]}, name


def test_each_server_has_its_replicas_and_probes_on_its_health_path():
    for component, (path, replicas) in COMPONENTS.items():
        deployment = named("Deployment", f"supportplan-{component}")
        assert deployment["spec"]["replicas"] == replicas
        assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        for probe in ("readinessProbe", "livenessProbe"):
            assert container[probe]["httpGet"]["path"] == path, (component, probe)


def test_the_migrations_job_runs_supportplan_migrate_from_the_rasa_image():
    (container,) = named("Job", "supportplan-migrate")["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["supportplan", "migrate"]
    assert container["image"].startswith("supportplan-rasa:")


def test_the_action_server_is_reachable_from_the_rasa_pods_alone():
    service = named("Service", "supportplan-actions")
    assert service["spec"]["type"] == "ClusterIP"
    backends = {
        path["backend"]["service"]["name"]
        for ingress in of_kind("Ingress")
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert "supportplan-actions" not in backends
    deny_all = named("NetworkPolicy", "default-deny-ingress")["spec"]
    assert deny_all["podSelector"] == {} and deny_all["policyTypes"] == ["Ingress"] and "ingress" not in deny_all
    policies = [
        p["spec"]
        for p in of_kind("NetworkPolicy")
        if p["spec"]["podSelector"].get("matchLabels") == component_labels("actions")
    ]
    assert len(policies) == 1
    (rule,) = policies[0]["ingress"]
    assert rule["from"] == [{"podSelector": {"matchLabels": component_labels("rasa")}}]
    assert rule["ports"] == [{"protocol": "TCP", "port": 5055}]


def test_the_chat_pages_private_channel_is_not_public():
    paths = {
        path["path"]
        for ingress in of_kind("Ingress")
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert paths == {"/", "/webhooks/rest", "/webhooks/sms", "/socket.io"}
    assert all(named("Service", f"supportplan-{c}")["spec"]["type"] == "ClusterIP" for c in COMPONENTS)


def test_the_council_settings_are_the_repositorys_and_valid():
    mounted = yaml.safe_load(named("ConfigMap", "supportplan-council")["data"]["council.yml"])
    assert mounted == yaml.safe_load((PROJECT_ROOT / "council.yml").read_text())
    rules_from(mounted)
