# SPDX-License-Identifier: GPL-3.0-or-later
"""The append-only journal: one record per acknowledged change, fsynced before the call returns.

A record is ``#<crc32 hex> <body length>\\n`` followed by the body, a run of operation lines:
``P<TAB><entry>`` (put a document), ``D<TAB>[table, doc_id]`` (remove), ``C<TAB>[table]`` (empty a
table), ``X<TAB>[table]`` (drop it). A record holds every operation of one change, so replay applies
a multi-document change whole or not at all: a record whose length or checksum does not match is
where the damage starts.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from cmdesk.core.store.entries import SEP

_HEAD = re.compile(rb"#([0-9a-f]{8}) (\d{1,12})\n\Z")
_MAX_HEAD = 32

Op = tuple  # ("P", table, doc_id, entry) | ("D", table, doc_id) | ("C", table) | ("X", table)


def encode_record(ops: list[Op]) -> bytes:
    parts = []
    for op in ops:
        kind = op[0]
        if kind == "P":
            parts.append(b"P\t" + op[3])  # the entry ends with its own newline
        elif kind == "D":
            parts.append(b"D\t" + orjson.dumps([op[1], op[2]]) + b"\n")
        else:
            parts.append(kind.encode() + b"\t" + orjson.dumps([op[1]]) + b"\n")
    body = b"".join(parts)
    return b"#%08x %d\n" % (zlib.crc32(body), len(body)) + body


def parse_body(body: bytes) -> list[Op]:
    ops: list[Op] = []
    pos = 0
    while pos < len(body):
        end = body.index(b"\n", pos) + 1
        kind, rest = body[pos : pos + 1], body[pos + 2 : end]  # one copy: the entry kept in memory
        pos = end
        if kind == b"P":
            table, doc_id, _keys = orjson.loads(rest[: rest.index(SEP)])
            ops.append(("P", table, doc_id, rest))
        elif kind == b"D":
            table, doc_id = orjson.loads(rest)
            ops.append(("D", table, doc_id))
        elif kind in (b"C", b"X"):
            (table,) = orjson.loads(rest)
            ops.append((kind.decode(), table))
        else:
            raise ValueError(f"unknown operation {kind!r}")
    return ops


@dataclass(frozen=True)
class Damage:
    """Bytes of a journal that could not be replayed, moved aside."""

    journal: Path
    side_file: Path
    offset: int
    size: int


def read_records(path: Path) -> tuple[list[list[Op]], int | None]:
    """The valid records of ``path`` and the offset where damage starts (None if whole)."""
    records: list[list[Op]] = []
    with path.open("rb") as f:
        while True:
            offset = f.tell()
            head = f.readline(_MAX_HEAD)
            if not head:
                return records, None
            match = _HEAD.match(head)
            if not match:
                return records, offset
            size = int(match.group(2))
            body = f.read(size)
            if len(body) != size or zlib.crc32(body) != int(match.group(1), 16):
                return records, offset
            try:
                records.append(parse_body(body))
            except (ValueError, TypeError, orjson.JSONDecodeError):
                return records, offset


def set_aside(path: Path, offset: int) -> Damage:
    """Move the bytes of ``path`` from ``offset`` on to a side file, then cut the journal there.

    The side file is written and fsynced before the journal is cut, so the bytes exist somewhere
    at every moment.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    side = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while side.exists():
        n += 1
        side = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    with path.open("r+b") as f:
        f.seek(offset)
        tail = f.read()
        with side.open("xb") as out:
            out.write(tail)
            out.flush()
            os.fsync(out.fileno())
        f.truncate(offset)
        f.flush()
        os.fsync(f.fileno())
    fsync_dir(path.parent)
    return Damage(path, side, offset, len(tail))


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class JournalWriter:
    """Appends records; a record is acknowledged only once ``os.fsync`` returned."""

    def __init__(self, path: Path) -> None:
        self.path = path
        existed = path.exists()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.size = os.fstat(self._fd).st_size
        if not existed:
            fsync_dir(path.parent)  # the new name must survive a crash, not only its bytes

    def append(self, record: bytes) -> None:
        try:
            written = os.write(self._fd, record)
            if written != len(record):
                raise OSError(28, "short write (disk full?)")
            os.fsync(self._fd)
        except OSError:
            # Cut what part of the record reached the file, so the next record does not follow
            # garbage; if even that fails, replay will set the tail aside.
            try:
                os.ftruncate(self._fd, self.size)
            except OSError:
                pass
            raise
        self.size += len(record)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def journal_paths(base: Path) -> Iterator[tuple[int, Path]]:
    """Journals of the store at ``base`` as (generation, path), oldest first."""
    found = []
    for p in base.parent.glob(base.name + ".journal.*"):
        suffix = p.name[len(base.name) + len(".journal.") :]
        if suffix.isdigit():
            found.append((int(suffix), p))
    return iter(sorted(found))


def journal_path(base: Path, gen: int) -> Path:
    return base.with_name(f"{base.name}.journal.{gen:06d}")
