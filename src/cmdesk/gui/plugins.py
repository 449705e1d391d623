# SPDX-License-Identifier: GPL-3.0-or-later
"""The widgets other areas build, found by name so the shell starts even while one is missing.

A module that is absent gives a placeholder; a module that fails to import is logged with its
traceback (a bug to fix) and also gives a placeholder: a broken calendar must never stop the
publisher from running.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

PLUGINS = {
    "calendar": ("cmdesk.gui.calendar", "CalendarWidget"),
    "composer": ("cmdesk.gui.composer", "ComposerDialog"),
    "studio": ("cmdesk.gui.studio", "ImageStudioDialog"),
    "accounts": ("cmdesk.gui.accounts", "AccountsDialog"),
    "outbox": ("cmdesk.gui.outbox", "OutboxPanel"),
}


def plugin(name: str) -> type | None:
    module_name, attribute = PLUGINS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            log.info("%s not in this build: using a placeholder", module_name)
        else:
            log.exception("%s needs a missing module", module_name)
        return None
    except Exception:
        log.exception("%s failed to import", module_name)
        return None
    found = getattr(module, attribute, None)
    if found is None:
        log.warning("%s has no %s yet", module_name, attribute)
    return found


def call_if_present(obj, method: str, *args) -> bool:
    """Call ``obj.method(*args)`` when the widget offers it; False otherwise."""
    function = getattr(obj, method, None)
    if not callable(function):
        return False
    function(*args)
    return True
