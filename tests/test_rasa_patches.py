"""The patches to Rasa's internals are installed by one call, for one Rasa and rasa-sdk release
only (bot/rasa_plugins/patches.py)."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys

import pytest
import rasa
import rasa.core.agent
import rasa_sdk

from bot import rasa_server
from bot.config import PROJECT_ROOT
from bot.rasa_plugins import patches

#: run in a fresh process, as the Rasa server would: install twice, and report what is in force
INSTALL_TWICE = """
import json, sys
from bot.rasa_plugins import patches
patches.install_all()
import rasa.cli.train, rasa.core.agent, rasa.core.run, rasa.server, rasa.utils.log_utils
from rasa.core.actions.action import RemoteAction
from rasa.engine import loader
from rasa.shared.core.events import Event
from bot.rasa_plugins import event_types, log_redaction, processor, ratelimit, remote_actions
def in_force():
    return {
        "jax kept out": sys.modules.get("jax", "absent") is None and "jaxlib" not in sys.modules,
        "TensorFlow loaded": "tensorflow" in sys.modules,
        "event classes remembered": Event.resolve_by_type is event_types.resolve_by_type,
        "smaller action calls": RemoteAction._action_call_format is remote_actions.action_call,
        "prebuilt answer check": RemoteAction._validate_action_result is remote_actions.validate_action_result,
        "resilient processor": rasa.core.agent.MessageProcessor is processor.ResilientProcessor,
        "app limits": rasa.core.run.configure_app is ratelimit._installed is not None,
        "logs redacted": rasa.utils.log_utils._anonymizer is log_redaction.redact,
        "models verified": loader.load_predict_graph_runner.__qualname__.startswith("_verifying."),
        "model endpoints refused": rasa.server.create_app.__qualname__.startswith("_refusing."),
        "training checksums": rasa.cli.train.run_training.__qualname__.startswith("recording."),
    }
def symbols():
    return [loader.load_predict_graph_runner, rasa.server.create_app, rasa.cli.train.run_training,
            rasa.core.run.configure_app]
first, once = in_force(), symbols()
patches.install_all()
print(json.dumps({"in_force": first, "unchanged by a second call": symbols() == once}))
"""


def test_every_patch_is_installed_once_on_the_right_versions() -> None:
    finished = subprocess.run(
        [sys.executable, "-c", INSTALL_TWICE], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    assert report["in_force"] == {name: True for name in report["in_force"]}
    assert report["unchanged by a second call"]


@pytest.mark.parametrize(
    "module, wrong",
    [(rasa, "3.7.0"), (rasa, "3.6.20"), (rasa_sdk, "3.6.1")],
)
def test_other_versions_are_refused_before_anything_is_installed(
    monkeypatch: pytest.MonkeyPatch, module: object, wrong: str
) -> None:
    monkeypatch.setattr(module, "__version__", wrong)
    monkeypatch.setattr(patches, "_installed", False)
    processor_before = rasa.core.agent.MessageProcessor
    with pytest.raises(patches.WrongVersions) as refused:
        patches.install_all()
    message = str(refused.value)
    assert f"Rasa {patches.RASA_VERSION} and rasa-sdk {patches.RASA_SDK_VERSION}" in message  # expected
    assert f"Rasa {rasa.__version__} and rasa-sdk {rasa_sdk.__version__} are installed" in message  # found
    assert wrong in message and "bot/rasa_plugins/" in message and "requirements.lock" in message
    assert rasa.core.agent.MessageProcessor is processor_before and not patches._installed


def test_the_rasa_server_refuses_to_start_on_another_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(sys, "argv", ["bot.rasa_server", "train"])
    for name in ("TRACKER_STORE_URL", "ACTION_SERVER_URL", "ACTION_SERVER_TOKEN"):
        # main() fills these in for endpoints.yml; recorded as set, so monkeypatch removes them after
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    with pytest.raises(SystemExit) as exited:
        rasa_server.main()
    message = str(exited.value.code)
    assert message.startswith("The Rasa server did not start. ") and "written for Rasa 3.6.21" in message
    assert "Rasa 3.7.0 and rasa-sdk" in message and "\n" not in message


def test_the_versions_are_the_pinned_ones() -> None:
    lock = (PROJECT_ROOT / "requirements.lock").read_text().splitlines()
    assert f"rasa=={patches.RASA_VERSION}" in lock and f"rasa-sdk=={patches.RASA_SDK_VERSION}" in lock


def test_each_patch_has_its_install_and_only_patches_py_calls_it() -> None:
    for name in patches.PATCHES:
        assert callable(importlib.import_module(f"bot.rasa_plugins.{name}").install), name
    calls = re.compile(rf"\b({'|'.join(patches.PATCHES)})\.install\(\)")
    sources = [*(PROJECT_ROOT / "bot").rglob("*.py"), *(PROJECT_ROOT / "actions").rglob("*.py")]
    callers = [str(path.relative_to(PROJECT_ROOT)) for path in sources if calls.search(path.read_text())]
    assert callers == []  # patches.py installs them by name; nothing else does, e.g. as a side effect


def test_the_entry_point_installs_them_before_rasa_runs() -> None:
    source = inspect.getsource(rasa_server.main)
    assert source.count("patches.install_all()") == 1
    assert source.index("patches.install_all()") < source.index("rasa_main()")


def test_the_readme_lists_every_patch_with_a_test_that_exists() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme.split("### Changes to Rasa's internals", 1)[1].split("\n### ", 1)[0]
    for name in patches.PATCHES:
        assert f"| `{name}.py`" in section, name
    cited = re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`", section)
    assert cited
    path = None
    for file, test in cited:
        path = PROJECT_ROOT / file if file else path
        assert path is not None and path.is_file(), file
        assert not test or re.search(rf"def {test}\(", path.read_text()), f"{path.name}::{test}"
