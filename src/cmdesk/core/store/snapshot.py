# SPDX-License-Identifier: GPL-3.0-or-later
"""The snapshot: every document at one journal generation, written whole or not at all.

Written to a temporary file, fsynced, and renamed over the old one (whose previous version is
kept as ``<name>.bak``), then the directory is fsynced, so a crash leaves either the old or the new
snapshot, never a mix. A trailer holds the count and a CRC of everything before it: a snapshot that
does not check out is reported as damaged and never overwritten.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from cmdesk.core.i18n import translate
from cmdesk.core.store.entries import SEP
from cmdesk.core.store.errors import StoreDamaged
from cmdesk.core.store.journal import fsync_dir

FORMAT = "cmdesk-store-snapshot"
VERSION = 1


def backup_path(base: Path) -> Path:
    return base.with_name(base.name + ".bak")


def tmp_path(base: Path) -> Path:
    return base.with_name(base.name + ".tmp")


def write_snapshot(base: Path, gen: int, tables: dict[str, Iterable[bytes]]) -> None:
    tmp = tmp_path(base)
    crc = 0
    count = 0
    with tmp.open("wb", buffering=1 << 20) as f:
        head = orjson.dumps({"format": FORMAT, "version": VERSION, "gen": gen, "tables": sorted(tables)}) + b"\n"
        crc = zlib.crc32(head, crc)
        f.write(head)
        for entries in tables.values():
            for entry in entries:  # each entry ends with its newline
                crc = zlib.crc32(entry, crc)
                f.write(entry)
                count += 1
        f.write(b"#end %d %08x\n" % (count, crc))
        f.flush()
        os.fsync(f.fileno())
    if base.exists():
        # Keep the previous snapshot: if the new one is ever damaged, the user still has a copy.
        bak, bak_tmp = backup_path(base), base.with_name(base.name + ".bak.tmp")
        bak_tmp.unlink(missing_ok=True)
        os.link(base, bak_tmp)
        os.replace(bak_tmp, bak)
    os.replace(tmp, base)
    fsync_dir(base.parent)


class SnapshotReader:
    """Reads the header at once (generation, tables), then streams entries, checking the trailer
    at the end; any inconsistency raises StoreDamaged. Streaming keeps the peak memory at the
    size of the documents kept, not twice that."""

    def __init__(self, base: Path) -> None:
        self.base = base
        try:
            self._file = base.open("rb", buffering=1 << 20)
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error
        try:
            head = self._file.readline()
            self._crc = zlib.crc32(head)
            try:
                meta = orjson.loads(head)
                if meta.get("format") != FORMAT:
                    raise ValueError
            except (ValueError, AttributeError):
                raise self._damaged(translate("Store", "not a cmdesk workspace file")) from None
            if meta.get("version", 0) > VERSION:
                raise self._damaged(translate("Store", "written by a newer cmdesk"))
            self.gen = int(meta["gen"])
            self.tables = list(meta.get("tables", []))
        except BaseException:
            self._file.close()
            raise

    def _damaged(self, reason: str) -> StoreDamaged:
        return StoreDamaged(self.base, backup_path(self.base), reason)

    def entries(self) -> Iterator[bytes]:
        crc, count = self._crc, 0
        try:
            for line in self._file:
                if line.startswith(b"#end "):
                    parts = line.split()
                    if len(parts) != 3 or int(parts[1]) != count or int(parts[2], 16) != crc:
                        raise self._damaged(translate("Store", "its checksum does not match"))
                    if self._file.read(1):
                        raise self._damaged(translate("Store", "unexpected data after its end"))
                    return
                crc = zlib.crc32(line, crc)
                if SEP not in line or not line.endswith(b"\n"):
                    raise self._damaged(translate("Store", "an entry is malformed"))
                count += 1
                yield line
            raise self._damaged(translate("Store", "it is cut short"))
        except OSError as error:
            raise self._damaged(error.strerror or str(error)) from error
        finally:
            self._file.close()
