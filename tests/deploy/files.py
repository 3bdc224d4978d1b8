"""What the deployment tests read: the files under deploy/, and the variables the README's
"Configuration" table lists (the only settings the images, compose and Kubernetes may set)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, FrozenSet, List

import yaml

from bot.config import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
K8S = DEPLOY / "k8s"
#: the image tags of our own servers in compose.yaml and the manifests
OUR_IMAGES = ("supportplan-rasa", "supportplan-actions", "supportplan-web")
#: the user every image and manifest runs our servers as
SERVER_UID = 10001


def readme_variables() -> FrozenSet[str]:
    """Every `NAME` in the first column of the README's "Configuration" table."""
    text = (PROJECT_ROOT / "README.md").read_text()
    section = text.split("## Configuration", 1)[1].split("\n### ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_column = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_column))
    return frozenset(names)


def k8s_documents() -> List[Dict[str, Any]]:
    """Every Kubernetes object in deploy/k8s (kustomization.yaml is kustomize's, not one)."""
    return [
        document
        for path in sorted(K8S.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for document in yaml.safe_load_all(path.read_text())
        if document
    ]


def compose() -> Dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def env_file_keys(path: Path) -> Dict[str, str]:
    """NAME=value lines of an env file (comments and blank lines left out)."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if line and not line.startswith("#"))
    return {name: value for name, value in pairs}
