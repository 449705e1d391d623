# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a CSV of posts into a checked plan: every row either becomes a post or says why not.

Nothing here writes to the store: the GUI shows the plan in a preview and the CLI prints it; both
then save the good posts in one ``save_many`` (one undoable step, never half an import).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from cmdesk.core.bulk.columns import COLUMNS, header_map, split_list
from cmdesk.core.i18n import translate
from cmdesk.core.model import NETWORKS, Account, MediaRef, Post, Target
from cmdesk.core.schedule import planner

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{2})?\s*$")



@dataclass
class ImportRow:
    line: int  # the file line where the row starts (1-based, header included)
    cells: dict[str, str]
    post: Post | None = None
    problems: list[str] = field(default_factory=list)  # the row cannot be imported
    notes: list[str] = field(default_factory=list)  # imported, but the user should know

    @property
    def ok(self) -> bool:
        return self.post is not None and not self.problems


@dataclass
class ImportPlan:
    rows: list[ImportRow] = field(default_factory=list)
    problem: str = ""  # the whole file is unreadable

    @property
    def bad_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]

    def posts(self, rows: list[ImportRow] | None = None) -> list[Post]:
        return [r.post for r in (self.rows if rows is None else rows) if r.ok]


def decode(data: bytes) -> tuple[str, str]:
    """Text and a note: UTF-8 with or without BOM; Windows-1252 (old French Excel) as a fallback."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), translate("CsvImport",
            "The file is not UTF-8; it was read as Windows-1252. Check accented letters.")


def sniff_delimiter(text: str) -> str:
    """Comma or semicolon (French spreadsheets), judged on the first record outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in text[:20000]:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
        elif not quoted and char == "\n":
            break
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv(source: str | Path | bytes, accounts: list[Account], *, default_zone: str,
             now: datetime | None = None, base_dir: Path | None = None) -> ImportPlan:
    """Check every row of a CSV; ``now`` rejects rows in the past when given."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        base_dir = base_dir or path.parent
        try:
            data = path.read_bytes()
        except OSError as exc:
            return ImportPlan(problem=translate("CsvImport", "Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or exc))
    else:
        data = source
    text, note = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    plan = ImportPlan()
    records = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
    except csv.Error as exc:
        plan.problem = translate(
            "CsvImport", "The file is not a valid CSV: {reason}").format(reason=exc)
        return plan
    if not records:
        plan.problem = translate("CsvImport", "The file is empty.")
        return plan
    starts = [1] + [end + 1 for end, _ in records[:-1]]  # a quoted newline spans lines
    columns = header_map(records[0][1])
    body = list(zip(starts, records, strict=True))
    if columns is not None:
        body = body[1:]
    else:
        columns = {name: i for i, name in enumerate(COLUMNS)}
    checker = _RowChecker(accounts, default_zone, now, base_dir or Path.cwd())
    for line, (_end, record) in body:
        if not any(cell.strip() for cell in record):
            continue
        cells = {name: (record[i] if i < len(record) else "") for name, i in columns.items()}
        row = checker.check(line, cells)
        if note:
            row.notes.append(note)
        plan.rows.append(row)
    return plan


class _RowChecker:
    def __init__(self, accounts: list[Account], zone: str, now: datetime | None,
                 base_dir: Path) -> None:
        self.accounts = accounts
        self.zone = zone
        self.now = now
        self.base_dir = base_dir

    def check(self, line: int, cells: dict[str, str]) -> ImportRow:
        row = ImportRow(line, cells)
        post = Post(text=cells.get("text", "").strip().replace("\r\n", "\n"),
                    campaign=cells.get("campaign", "").strip())
        post.tags = [t.lstrip("#") for t in split_list(cells.get("tags", ""), commas=True)]
        post.targets = self._targets(cells, row)
        post.media = self._media(cells, row)
        if not post.text and not post.media:
            row.problems.append(translate("CsvImport", "The text is empty."))
        self._when(cells, post, row)
        if post.planned_at is not None and not post.targets and not row.problems:
            row.problems.append(translate(
                "CsvImport", "A scheduled post needs at least one account or network."))
        row.post = post
        return row

    def _when(self, cells: dict[str, str], post: Post, row: ImportRow) -> None:
        zone = cells.get("zone", "").strip() or self.zone
        if not planner.is_valid_zone(zone):
            row.problems.append(translate(
                "CsvImport", "Unknown time zone \u201c{zone}\u201d (use a name like "
                "Europe/Paris).").format(zone=zone))
            return
        post.zone = zone
        day_text, time_text = cells.get("date", "").strip(), cells.get("time", "").strip()
        if not day_text and not time_text:
            return  # a draft
        day = _parse_date(day_text)
        if day is None:
            row.problems.append(translate(
                "CsvImport", "Unreadable date \u201c{value}\u201d (use YYYY-MM-DD or "
                "DD/MM/YYYY).").format(value=day_text))
        wall = _parse_time(time_text) if time_text else planner.DEFAULT_TIME
        if wall is None:
            row.problems.append(translate(
                "CsvImport", "Unreadable time \u201c{value}\u201d (use HH:MM).").format(
                value=time_text))
        if day is None or wall is None:
            return
        resolved = planner.resolve_local(day, wall, zone)
        if resolved.note:
            row.notes.append(resolved.note)
        if self.now is not None and resolved.instant < self.now:
            row.problems.append(translate("CsvImport", "This time is in the past."))
        planner.schedule(post, resolved.instant, zone)

    def _targets(self, cells: dict[str, str], row: ImportRow) -> list[Target]:
        targets: dict[str, Target] = {}
        for name in self._account_names(cells.get("accounts", "")):
            account = self._account(name)
            if account is None:
                row.problems.append(translate(
                    "CsvImport", "Unknown account \u201c{name}\u201d.").format(name=name))
            else:
                targets[account.id] = Target(account.id, account.network)
        for network in split_list(cells.get("networks", ""), commas=True):
            key = network.lower()
            if key not in NETWORKS:
                row.problems.append(translate(
                    "CsvImport", "Unknown network \u201c{name}\u201d.").format(
                    name=network))
                continue
            matching = [a for a in self.accounts if a.network == key]
            if not matching:
                row.problems.append(translate(
                    "CsvImport", "No account is connected on {network}.").format(
                    network=network))
            for account in matching:
                targets[account.id] = Target(account.id, account.network)
        return list(targets.values())

    def _account_names(self, cell: str) -> list[str]:
        # "|" always separates; a comma only when the text around it is not one account's name
        # ("Maison Brioche, Lyon" is a name; "alice, bob" is two).
        names = []
        for part in split_list(cell, commas=False):
            names += [part] if self._account(part) else split_list(part, commas=True)
        return names

    def _account(self, name: str) -> Account | None:
        for account in self.accounts:
            if name == account.id or name.lower() == account.name.lower():
                return account
        return None

    def _media(self, cells: dict[str, str], row: ImportRow) -> list[MediaRef]:
        paths = split_list(cells.get("images", ""), commas=False)
        alts = [a.strip() for a in cells.get("alt_texts", "").split("|")] if cells.get(
            "alt_texts", "").strip() else []
        if len(alts) > len(paths):
            row.problems.append(translate(
                "CsvImport", "More alt texts ({alts}) than images ({images}).").format(
                alts=len(alts), images=len(paths)))
        media = []
        for index, text in enumerate(paths):
            path = Path(text).expanduser()
            path = path if path.is_absolute() else self.base_dir / path
            if not path.is_file():
                row.problems.append(translate(
                    "CsvImport", "Image not found: {path}").format(path=text))
            media.append(MediaRef(str(path), alt=alts[index] if index < len(alts) else ""))
        return media


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_time(text: str) -> time | None:
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return time(hours, minutes) if hours < 24 and minutes < 60 else None

