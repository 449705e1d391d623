# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk import FILE.csv`` and ``cmdesk export --format csv|ics FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cmdesk.core.i18n import translate

CSV_HELP = """\
columns (a header row in English or French is recognised; without one, this order):
  date       YYYY-MM-DD or DD/MM/YYYY; empty date and time: a draft
  time       HH:MM (or 9h30); empty: 10:00
  zone       IANA zone such as Europe/Paris; empty: the workspace zone
  text       the post (quoted cells may span lines)
  accounts   account names or ids, separated by | or ,
  networks   network names (mastodon, bluesky, ...): every account on that network
  images     picture paths separated by |, relative to the CSV's folder
  alt_texts  one alt text per picture, separated by |
  tags       separated by | or ,
  campaign   free text
UTF-8 with or without BOM; comma or semicolon separated (detected).
A time that does not exist (spring forward) moves one hour later; an ambiguous one (fall back)
takes the first occurrence. Every shift is reported."""


def register(subparsers) -> None:
    imp = subparsers.add_parser(
        "import", help="import posts from a CSV file (one post per row)", epilog=CSV_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--skip-bad", action="store_true",
                     help="import the good rows even when some rows have problems")
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.set_defaults(func=run_import)
    exp = subparsers.add_parser("export", help="export posts to CSV or iCalendar")
    exp.add_argument("--format", choices=["csv", "ics"], default=None,
                     help="file format (default: from the file name)")
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.set_defaults(func=run_export)



def _open_workspace(services):
    """The workspace, or None after saying plainly why it cannot be opened (locked by the app,
    damaged, from a newer cmdesk): a batch command never answers with a traceback."""
    from cmdesk.core.store.errors import StoreError

    try:
        return services.workspace
    except StoreError as exc:
        print(translate("BulkCommand", "Cannot open the workspace: {reason}").format(reason=exc),
              file=sys.stderr)
        return None


def run_import(args: argparse.Namespace) -> int:
    from cmdesk.core.bulk.csv_import import read_csv
    from cmdesk.core.model import utc_now
    from cmdesk.core.schedule.planner import workspace_zone
    from cmdesk.core.services import build_services

    services = build_services(args.data_dir)
    try:
        ws = _open_workspace(services)
        if ws is None:
            return 2
        plan = read_csv(args.file, ws.accounts.all(), default_zone=workspace_zone(ws),
                        now=utc_now())
        if plan.problem:
            print(plan.problem, file=sys.stderr)
            return 2
        for row in plan.rows:
            for problem in row.problems:
                message = translate("BulkCommand", "line {line}: {problem}")
                print(message.format(line=row.line, problem=problem), file=sys.stderr)
            for note in row.notes:
                message = translate("BulkCommand", "line {line}: note: {note}")
                print(message.format(line=row.line, note=note))
        bad = plan.bad_rows
        if bad and not args.skip_bad:
            message = translate("BulkCommand", "{bad} of {total} rows have problems; nothing was "
                                               "imported (fix them, or use --skip-bad).")
            print(message.format(bad=len(bad), total=len(plan.rows)), file=sys.stderr)
            return 1
        posts = plan.posts()
        if not args.dry_run and posts:
            ws.posts.save_many(posts)
        print(translate("BulkCommand", "{count} posts imported, {skipped} rows skipped.").format(
            count=0 if args.dry_run else len(posts), skipped=len(bad)))
        return 0
    finally:
        services.close()


def run_export(args: argparse.Namespace) -> int:
    from cmdesk.core.bulk.csv_export import export_csv
    from cmdesk.core.bulk.ics_export import export_ics
    from cmdesk.core.services import build_services

    fmt = args.format or ("ics" if args.file.suffix.lower() == ".ics" else "csv")
    services = build_services(args.data_dir)
    try:
        ws = _open_workspace(services)
        if ws is None:
            return 2
        writer = export_ics if fmt == "ics" else export_csv
        try:
            count = writer(args.file, list(ws.posts.all()), ws.accounts.all())
        except OSError as exc:
            print(translate("BulkCommand", "Cannot write {path}: {reason}").format(path=args.file,
                                                              reason=exc.strerror or exc),
                  file=sys.stderr)
            return 2
        print(translate(
            "BulkCommand", "{count} posts exported to {path}.").format(count=count, path=args.file))
        return 0
    finally:
        services.close()
