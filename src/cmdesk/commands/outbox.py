# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk outbox [--json] [--all]``: every target's state, planned and actual times, remote id
and last error, read from the workspace (nothing is sent). Times are shown in the workspace zone
with their offset, as the calendar shows them; --json keeps ISO UTC for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from cmdesk.core.i18n import translate


def register(subparsers) -> None:
    cmd = subparsers.add_parser("outbox", help="show what is planned, sent, waiting or failed")
    cmd.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    cmd.add_argument("--drafts", action="store_true", help="include targets of drafts")
    cmd.add_argument("--all", action="store_true",
                     help="include posts published more than 30 days ago and posts planned "
                          "more than 14 days ahead")
    cmd.set_defaults(func=run_outbox)


def _local(iso: str | None, zone: str) -> str:
    """``2026-06-01 10:03 +02:00``: wall-clock time in the workspace zone, with its offset so the
    line is unambiguous on a DST night or next to a UTC log."""
    from cmdesk.core.model import from_iso
    from cmdesk.core.schedule.planner import offset_text, to_local

    moment = from_iso(iso)
    if moment is None:
        return "-"
    local = to_local(moment, zone)
    return f"{local:%Y-%m-%d %H:%M} {offset_text(local.utcoffset())}"


def _late(seconds: float | None) -> str:
    if seconds is None or seconds < 60:
        return "-"
    return translate("OutboxCommand", "{n} min").format(n=round(seconds / 60))


def run_outbox(args: argparse.Namespace) -> int:
    from cmdesk.core.model import utc_now
    from cmdesk.core.publish.outbox import PUBLISHED_DAYS, outbox_rows, state_label
    from cmdesk.core.schedule.planner import workspace_zone
    from cmdesk.core.services import build_services

    try:
        services = build_services(args.data_dir)
        workspace = services.workspace
    except Exception as exc:  # the store says why (locked by the app, unreadable...)
        print(translate("OutboxCommand", "Cannot open the workspace: {reason}").format(reason=exc),
              file=sys.stderr)
        return 2
    try:
        rows = outbox_rows(workspace, utc_now(), include_drafts=args.drafts,
                           published_days=None if args.all else PUBLISHED_DAYS)
        zone = workspace_zone(workspace)
        if args.json:
            json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        if not rows:
            print(translate("OutboxCommand", "The outbox is empty."))
            return 0
        header = [translate("OutboxCommand", "STATE"), translate("OutboxCommand", "PLANNED"),
                  translate("OutboxCommand", "ACTUAL"), translate("OutboxCommand", "LATE"),
                  translate("OutboxCommand", "ACCOUNT"), translate("OutboxCommand", "REMOTE"),
                  translate("OutboxCommand", "TEXT / LAST ERROR")]
        table = [header] + [[
            state_label(r.state, r.needs_decision),
            _local(r.planned, zone), _local(r.actual, zone), _late(r.lateness_s), r.account,
            r.remote_url or r.remote_id or "-",
            (r.error or r.text) + (translate("OutboxCommand", " (next try {at})")
                                   .format(at=_local(r.next_try, zone)) if r.next_try else ""),
        ] for r in rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
        for row in table:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
        return 0
    finally:
        services.close()
