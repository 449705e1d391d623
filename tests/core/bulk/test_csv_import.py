# SPDX-License-Identifier: GPL-3.0-or-later
"""CSV import: what spreadsheets really produce, and each row's problem before anything is saved."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cmdesk.core.bulk.csv_import import read_csv
from cmdesk.core.model import Account

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def accounts():
    return [Account(network="mastodon", name="@brand@mastodon.social", id="m1"),
            Account(network="bluesky", name="brand.bsky.social", id="b1")]


def plan_of(text: str, accounts, tmp_path, encoding="utf-8"):
    return read_csv(text.encode(encoding), accounts, default_zone="Europe/Paris", now=NOW,
                    base_dir=tmp_path)


def test_french_semicolon_file_with_bom_and_quoted_newline(accounts, tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"x")
    text = ("\ufeffdate;heure;fuseau;texte;réseaux;images;textes alternatifs;étiquettes\r\n"
            '15/03/2026;9h30;;"Bonjour,\nle monde";mastodon, bluesky;a.jpg;Un chat;#promo, été\r\n')
    plan = plan_of(text, accounts, tmp_path)
    assert plan.problem == "" and len(plan.rows) == 1
    row = plan.rows[0]
    assert row.ok, row.problems
    post = row.post
    assert post.text == "Bonjour,\nle monde"
    assert post.planned_at == datetime(2026, 3, 15, 8, 30, tzinfo=timezone.utc)
    assert post.zone == "Europe/Paris"
    assert sorted(t.account_id for t in post.targets) == ["b1", "m1"]
    assert post.media[0].path == str(tmp_path / "a.jpg") and post.media[0].alt == "Un chat"
    assert post.tags == ["promo", "été"]


def test_comma_file_without_header_uses_the_documented_column_order(accounts, tmp_path):
    plan = plan_of("2026-05-01,18:00,America/Montreal,Hello,m1,,,,launch,Spring\n",
                   accounts, tmp_path)
    post = plan.rows[0].post
    assert plan.rows[0].ok and post.campaign == "Spring" and post.tags == ["launch"]
    assert post.planned_at == datetime(2026, 5, 1, 22, 0, tzinfo=timezone.utc)


def test_every_bad_row_says_what_is_wrong_and_on_which_line(accounts, tmp_path):
    text = ("date,time,zone,text,accounts,networks,images\n"
            "2026-02-30,10:00,,Bad date,m1,,\n"
            '2026-03-01,25:00,,"multi\nline",m1,,\n'
            "2026-03-01,10:00,Mars/Base,Zone,m1,,\n"
            "2026-03-01,10:00,,,m1,,\n"
            "2026-03-01,10:00,,Who,nobody,myspace,\n"
            "2026-03-01,10:00,,Img,m1,,missing.png\n"
            "2025-03-01,10:00,,Past,m1,,\n"
            "2026-03-01,10:00,,Fine,,bluesky,\n")
    plan = plan_of(text, accounts, tmp_path)
    problems = {r.line: " ".join(r.problems) for r in plan.rows}
    assert "date" in problems[2]
    assert "time" in problems[3]
    assert "Mars/Base" in problems[5]  # line 5: the quoted newline took two lines
    assert "empty" in problems[6]
    assert "nobody" in problems[7] and "myspace" in problems[7]
    assert "missing.png" in problems[8]
    assert "past" in problems[9]
    assert problems[10] == ""
    assert [p.text for p in plan.posts()] == ["Fine"]


def test_nonexistent_dst_time_is_imported_with_a_note(accounts, tmp_path):
    plan = plan_of("date,time,text,accounts\n2026-03-29,02:30,Gap,m1\n", accounts, tmp_path)
    row = plan.rows[0]
    assert row.ok and "03:30" in row.notes[0]


def test_rows_without_date_are_drafts(accounts, tmp_path):
    plan = plan_of("date,time,text,accounts\n,,Someday,m1\n", accounts, tmp_path)
    post = plan.rows[0].post
    assert plan.rows[0].ok and post.planned_at is None and post.targets[0].state == "draft"


def test_windows_1252_file_is_read_with_a_warning(accounts, tmp_path):
    plan = plan_of("date;heure;texte;comptes\n2026-04-01;10:00;Été;m1\n", accounts, tmp_path,
                   encoding="cp1252")
    assert plan.rows[0].post.text == "Été" and "UTF-8" in plan.rows[0].notes[0]


def test_unreadable_or_empty_file_is_one_clear_problem(accounts, tmp_path):
    assert "empty" in plan_of("", accounts, tmp_path).problem
    assert read_csv(tmp_path / "nope.csv", accounts, default_zone="UTC").problem
