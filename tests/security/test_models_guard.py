"""Models load only from models/ with the checksum recorded at training; Rasa's API cannot
replace the model; the API's secrets never go on a command line (bot/rasa_plugins/model_guard.py,
bot/rasa_server.py, bot/launcher.py)."""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.launcher import rasa_server_command, service_environment
from bot.rasa_plugins import model_guard
from bot.rasa_plugins.model_guard import (
    REFUSED_ROUTES,
    ModelRefused,
    record_checksum,
    refuse_model_changes,
    verify_model,
)
from bot.rasa_server import RefusedToStart, prepare_run, secret_arguments


@pytest.fixture
def models(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    return folder


def _model(folder: Path, name: str = "20261204-000000-test.tar.gz") -> Path:
    path = folder / name
    path.write_bytes(b"a trained model")
    return path


def test_training_records_a_checksum_in_sha256sum_format(models: Path) -> None:
    model = _model(models)
    checksum = record_checksum(model)
    assert checksum.name == model.name + ".sha256"
    assert checksum.read_text() == f"{hashlib.sha256(b'a trained model').hexdigest()}  {model.name}\n"
    assert verify_model(model, models) == model.resolve()


def test_a_model_without_its_checksum_is_refused(models: Path) -> None:
    with pytest.raises(ModelRefused, match="no checksum from training"):
        verify_model(_model(models), models)


def test_a_changed_model_is_refused(models: Path) -> None:
    model = _model(models)
    record_checksum(model)
    model.write_bytes(b"another model")
    with pytest.raises(ModelRefused, match="does not match the checksum"):
        verify_model(model, models)


def test_a_model_outside_models_is_refused_even_with_its_checksum(models: Path, tmp_path: Path) -> None:
    elsewhere = _model(tmp_path)
    record_checksum(elsewhere)
    inner = models / "inner"
    inner.mkdir()
    nested = _model(inner)
    record_checksum(nested)
    link = models / "linked.tar.gz"
    link.symlink_to(elsewhere)
    record_checksum(link)
    for model in (elsewhere, nested, link, models, models / ".." / elsewhere.name):
        with pytest.raises(ModelRefused, match="models load only from"):
            verify_model(model, models)


@pytest.mark.parametrize("method,path", sorted(REFUSED_ROUTES))
async def test_the_model_endpoints_are_refused_whatever_the_token(method: str, path: str) -> None:
    request = SimpleNamespace(
        method=method, route=SimpleNamespace(path=path), headers={"Authorization": "Bearer right"}
    )
    response = await refuse_model_changes(request)
    assert response.status == 403


@pytest.mark.parametrize(
    "method,path", [("GET", "status"), ("POST", "model/parse"), ("GET", "model"), ("POST", "webhooks/rest/webhook")]
)
async def test_other_routes_pass(method: str, path: str) -> None:
    assert await refuse_model_changes(SimpleNamespace(method=method, route=SimpleNamespace(path=path))) is None
    assert await refuse_model_changes(SimpleNamespace(method=method, route=None)) is None


def test_rasa_routes_still_match_the_refused_ones() -> None:
    """Rasa's own API app has each refused route, with the same method and path."""
    script = (
        "import rasa.server; app = rasa.server.create_app(agent=None, auth_token='t'); "
        "print(sorted((m, r.path) for r in app.router.routes for m in r.methods))"
    )
    probe = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300
    )
    assert probe.returncode == 0, probe.stderr[-2000:]
    routes = set(ast.literal_eval(probe.stdout.strip().splitlines()[-1]))
    assert REFUSED_ROUTES <= routes


def test_the_launcher_passes_no_secret_on_the_command_line() -> None:
    settings = Settings.from_env({"RASA_TOKEN": "s3cret-token", "JWT_SECRET": "jwt-key"})
    command = rasa_server_command(settings, "models/m.tar.gz", 5005)
    assert "--enable-api" in command
    assert not {"s3cret-token", "jwt-key", "--auth-token", "--jwt-secret"} & set(command)
    env = service_environment(settings, {})
    assert env["RASA_TOKEN"] == "s3cret-token" and env["JWT_SECRET"] == "jwt-key"


def test_the_rasa_server_reads_its_secrets_from_the_environment() -> None:
    assert secret_arguments(["--enable-api"], {"RASA_TOKEN": "t"}) == ["--auth-token=t"]
    assert secret_arguments(["--enable-api"], {"JWT_SECRET": "-j"}) == ["--jwt-secret=-j"]
    assert secret_arguments([], {}) == []
    for given in (["--auth-token", "t"], ["--jwt-secret=j"]):
        with pytest.raises(RefusedToStart, match="in the environment"):
            secret_arguments(given, {})
    with pytest.raises(RefusedToStart, match="never open without one"):
        secret_arguments(["--enable-api"], {})


def test_the_rasa_server_needs_a_verified_model(models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_guard, "MODELS_DIR", models)
    with pytest.raises(RefusedToStart, match="--model"):
        prepare_run(["--port", "5005"], {})
    model = _model(models)
    with pytest.raises(ModelRefused):
        prepare_run(["--model", str(model)], {})
    record_checksum(model)
    assert prepare_run(["-m", str(model), "--enable-api"], {"RASA_TOKEN": "t"}) == ["--auth-token=t"]


def test_the_rasa_server_refuses_a_model_from_elsewhere_in_one_line(tmp_path: Path) -> None:
    """Before Rasa is even imported: a model outside models/ never starts the server."""
    model = _model(tmp_path)
    record_checksum(model)
    started = subprocess.run(
        [sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )
    assert started.returncode == 1
    assert started.stderr.strip().count("\n") == 0
    assert started.stderr.startswith("The Rasa server did not start. Refused to load")


def test_training_writes_the_checksum_of_the_new_model(models: Path) -> None:
    model = _model(models)

    def run_training(args: object, can_exit: bool = False) -> str:
        return str(model)

    assert model_guard.recording(run_training)(SimpleNamespace()) == str(model)
    verify_model(model, models)
    assert model_guard.recording(lambda args, can_exit=False: None)(SimpleNamespace()) is None


def test_make_train_records_checksums() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    train = makefile.split("\ntrain:", 1)[1].split("\n\n", 1)[0]
    # bot.quiet runs bot.rasa_server's command line with the expected library noise filtered
    assert "-m bot.quiet bot.rasa_server train" in train and "/rasa train" not in train
