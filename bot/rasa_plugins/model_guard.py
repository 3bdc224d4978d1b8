"""Models load only from the project's `models/`, with the checksum recorded when they were
trained, and Rasa's HTTP API can never replace, unload or retrain the model.

Loading a model runs its components' own loaders (scikit-learn parts through skops 0.9.0, which
Rasa pins and which has known advisories about loading untrusted files), so a model is only
ever loaded when it is a file directly in `models/` whose SHA-256 matches `NAME.tar.gz.sha256`
beside it (written by `make train`, in `sha256sum` format).

`install()` (one of bot/rasa_plugins/patches.py's, so only in the Rasa server's process) checks
every model load again at Rasa's one loading function, refuses the model endpoints even when
RASA_TOKEN or JWT_SECRET turns the API on, and makes `rasa train` write the new model's
checksum beside it."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Any, Callable, Optional, Union

from bot.config import PROJECT_ROOT

MODELS_DIR = PROJECT_ROOT / "models"
CHECKSUM_SUFFIX = ".sha256"
#: (method, route path) of Rasa's endpoints that replace, unload, retrain or test the model
REFUSED_ROUTES = frozenset(
    {
        ("PUT", "model"),
        ("DELETE", "model"),
        ("POST", "model/train"),
        ("POST", "model/test/stories"),
        ("POST", "model/test/intents"),
    }
)
REFUSED_MESSAGE = "This server does not change its model over HTTP. Train with `make train` and restart it."

PathLike = Union[str, Path]


class ModelRefused(RuntimeError):
    """The model is not in models/, or its checksum is missing or wrong."""


def checksum_path(model: Path) -> Path:
    return model.with_name(model.name + CHECKSUM_SUFFIX)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_checksum(model: PathLike) -> Path:
    """Write `model`'s SHA-256 beside it (`sha256sum` format); returns the checksum file."""
    path = Path(model)
    target = checksum_path(path)
    target.write_text(f"{file_sha256(path)}  {path.name}\n")
    return target


def verify_model(model: PathLike, models_dir: Optional[Path] = None) -> Path:
    """The model's real path, if it is a file directly in `models_dir` (MODELS_DIR) and matches
    the checksum recorded at training; else ModelRefused, with a one-line reason."""
    models_dir = models_dir or MODELS_DIR
    resolved = Path(model).resolve()
    if resolved.parent != models_dir.resolve() or not resolved.name.endswith(".tar.gz") or not resolved.is_file():
        raise ModelRefused(
            f"Refused to load {model}: models load only from {models_dir}/ (NAME.tar.gz), as `make train` makes them."
        )
    try:
        recorded = checksum_path(resolved).read_text().split()[0]
    except (OSError, IndexError):
        raise ModelRefused(
            f"Refused to load {resolved.name}: it has no checksum from training. Train it with `make train`."
        ) from None
    if not hmac.compare_digest(recorded.lower(), file_sha256(resolved)):
        raise ModelRefused(
            f"Refused to load {resolved.name}: it does not match the checksum recorded at training. Train again with `make train`."
        )
    return resolved


async def refuse_model_changes(request: Any) -> Optional[Any]:
    """Sanic request middleware: 403 for REFUSED_ROUTES, before Rasa's own token check runs."""
    route = getattr(request, "route", None)
    if route is None or (request.method, route.path) not in REFUSED_ROUTES:
        return None
    from sanic.response import json

    return json({"status": "failure", "reason": "NotAllowed", "message": REFUSED_MESSAGE, "code": 403}, status=403)


def _verifying(load: Callable[..., Any]) -> Callable[..., Any]:
    def load_verified(storage_path: Path, model_archive_path: PathLike, *args: Any, **kwargs: Any) -> Any:
        return load(storage_path, verify_model(model_archive_path), *args, **kwargs)

    return load_verified


def _refusing(create_app: Callable[..., Any]) -> Callable[..., Any]:
    def create_app_refusing(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)
        app.register_middleware(refuse_model_changes, "request")
        return app

    return create_app_refusing


def recording(run_training: Callable[..., Optional[str]]) -> Callable[..., Optional[str]]:
    """`rasa train`, then the new model's checksum written beside it."""

    def train(args: Any, can_exit: bool = False) -> Optional[str]:
        model = run_training(args, can_exit)
        if model:
            record_checksum(model)
        return model

    return train


def install() -> None:
    """Verify every model Rasa loads, refuse the model endpoints of Rasa's HTTP API, and record
    the checksum of every model `rasa train` makes."""
    import rasa.cli.train
    import rasa.server
    from rasa.engine import loader

    loader.load_predict_graph_runner = _verifying(loader.load_predict_graph_runner)
    rasa.server.create_app = _refusing(rasa.server.create_app)
    rasa.cli.train.run_training = recording(rasa.cli.train.run_training)
