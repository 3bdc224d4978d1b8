"""Training, timed: our model and the stock bot that `rasa init` creates."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any, Optional, Sequence, Tuple

from rasa.cli.scaffold import create_initial_project

from bot.config import PROJECT_ROOT, Settings
from bot.launcher import bin_path, service_environment
from bot.rasa_plugins.model_guard import MODELS_DIR

#: the stock bot's project, kept between runs so that `--quick` can use the model a run left there
STOCK_PROJECT = PROJECT_ROOT / "var" / "bench-stock"


def train(
    project: Path, out: Path, log: IO[Any], extra: Sequence[str] = (), rasa: Sequence[str] = (bin_path("rasa"),)
) -> Tuple[str, float]:
    """`rasa train --force` in `project` into `out`: the newest model's path and the seconds it took."""
    command = [*rasa, "train", "--force", "--out", str(out), *extra]
    started = time.perf_counter()
    subprocess.run(
        command,
        cwd=project,
        env=service_environment(Settings.from_env()),
        stdout=log,
        stderr=subprocess.STDOUT,
        check=True,
    )
    seconds = time.perf_counter() - started
    model = max(out.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return str(model), seconds


def train_ours(log: IO[Any]) -> Tuple[str, float]:
    """Into models/ with its checksum, as `make train` does: the Rasa server loads no other model."""
    return train(PROJECT_ROOT, MODELS_DIR, log, ["--domain", "domain"], (sys.executable, "-m", "bot.rasa_server"))


def stock_model(log: IO[Any], retrain: bool) -> Tuple[str, Optional[float]]:
    """The stock bot's model and the seconds its training took: trained afresh when `retrain` or
    when no earlier run left one in STOCK_PROJECT, else that run's model (and None). The project
    is what `rasa init --no-prompt` writes (its scaffold, without its untimed training)."""
    create_initial_project(str(STOCK_PROJECT))
    models = STOCK_PROJECT / "models"
    kept = sorted(models.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if kept and not retrain:
        return str(kept[-1]), None
    for old in kept:
        old.unlink()
    return train(STOCK_PROJECT, models, log)


def stock_server(model: str, port: int, log: IO[Any]) -> subprocess.Popen:
    """The stock bot's Rasa server (REST channel, trackers in memory), as `rasa run` starts it."""
    command = [bin_path("rasa"), "run", "--model", model, "--interface", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(
        command, cwd=STOCK_PROJECT, env=service_environment(Settings.from_env()), stdout=log, stderr=subprocess.STDOUT
    )
