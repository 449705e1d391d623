# SPDX-License-Identifier: GPL-3.0-or-later
"""One-time import of the TinyDB JSON file the first builds wrote (``workspace.json``).

The import is one journal record, and the JSON file is renamed (never deleted) only after that
record is durable, so a crash at any point leaves the data in one place or the other.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from cmdesk.core.i18n import translate
from cmdesk.core.store.errors import StoreDamaged
from cmdesk.core.store.migrations import migrate
from cmdesk.core.store.table import StoreDB

log = logging.getLogger(__name__)


def import_legacy_json(db: StoreDB, legacy: Path) -> bool:
    if not legacy.exists():
        return False
    with db.engine.lock:
        if any(db.engine.tables.values()):
            # Already imported by a run that crashed before the rename: the store wins.
            log.warning("both %s and a journaled store exist; keeping the store", legacy)
        else:
            try:
                data = json.loads(legacy.read_text(encoding="utf-8") or "{}")
            except (ValueError, OSError) as error:
                # Left where it is, untouched: the user (or support) may still rescue it.
                raise StoreDamaged(legacy, None, translate("Store", "not valid JSON")) from error
            with db.engine.transaction():
                for name, docs in data.items():
                    for doc_id, doc in docs.items():
                        db.engine.put(name, int(doc_id), doc)
            migrate(db.engine)
    os.replace(legacy, legacy.with_name(legacy.name + ".imported"))
    return True
