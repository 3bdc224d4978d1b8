"""Every change to Rasa's internals, installed in one place by one call: `install_all()`, made by
the Rasa server's entry point (bot/rasa_server.py) before Rasa starts, and for no other process.

Each patch is a module of this package with its own `install()`, replacing or wrapping Rasa
symbols that Rasa offers no setting for. They were written against one Rasa and one rasa-sdk
release, so `install_all()` first refuses any other (README "Changes to Rasa's internals" lists
what each patch replaces, why, and the test that covers it). The tracker store, lock store,
event broker and channels are not here: endpoints.yml and credentials.yml name those classes.
"""

from __future__ import annotations

import importlib
from typing import Tuple

#: the releases the patches were written and tested against (requirements.lock pins the same)
RASA_VERSION = "3.6.21"
RASA_SDK_VERSION = "3.6.2"
PATCH_PACKAGE = "bot.rasa_plugins"
#: installed in this order; import_guards first, before any of the others imports TensorFlow
PATCHES: Tuple[str, ...] = (
    "import_guards",
    "event_types",
    "remote_actions",
    "processor",
    "ratelimit",
    "log_redaction",
    "model_guard",
)

_installed = False


class WrongVersions(RuntimeError):
    """Rasa or rasa-sdk is not the release the patches were written for."""


def check_versions(rasa_version: str, rasa_sdk_version: str) -> None:
    """WrongVersions, saying what to check, unless both are the expected releases."""
    if (rasa_version, rasa_sdk_version) == (RASA_VERSION, RASA_SDK_VERSION):
        return
    raise WrongVersions(
        f"The patches to Rasa's internals in {PATCH_PACKAGE.replace('.', '/')}/ were written for "
        f"Rasa {RASA_VERSION} and rasa-sdk {RASA_SDK_VERSION}, but Rasa {rasa_version} and rasa-sdk "
        f"{rasa_sdk_version} are installed. Install the versions in requirements.lock, or check each patch "
        f"(listed in {PATCH_PACKAGE.replace('.', '/')}/patches.py and README 'Changes to Rasa's internals') "
        "against the new versions and then change RASA_VERSION and RASA_SDK_VERSION there."
    )


def install_all() -> None:
    """Check the versions, then install every patch in PATCHES. A second call installs nothing
    again (each patch is in force once)."""
    global _installed
    import rasa
    import rasa_sdk

    check_versions(rasa.__version__, rasa_sdk.__version__)
    if not _installed:
        for name in PATCHES:
            importlib.import_module(f"{PATCH_PACKAGE}.{name}").install()
        _installed = True
