# SPDX-License-Identifier: GPL-3.0-or-later
"""``--demo`` fills a fresh workspace with a believable month, and never touches a used one."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from PIL import Image

from cmdesk.core.demo import DemoRefused, fill_demo
from cmdesk.core.model import Account, TargetState
from cmdesk.core.schedule.planner import TIMEZONE_KEY

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def test_demo_month_is_varied_safe_and_french(workspace):
    added = fill_demo(workspace, now=NOW)
    posts = list(workspace.posts.all())
    assert added == len(posts) >= 40
    planned = [p for p in posts if p.planned_at]
    assert len(planned) >= 36
    assert all((p.planned_at.year, p.planned_at.month) == (2026, 11) for p in planned)
    states = Counter(t.state for p in posts for t in p.targets)
    for state in (
        TargetState.PUBLISHED,
        TargetState.SCHEDULED,
        TargetState.FAILED,
        TargetState.DRAFT,
    ):
        assert states[state] > 0, state
    published = [t for p in posts for t in p.targets if t.state == TargetState.PUBLISHED]
    assert all(t.remote_url and t.remote_url.startswith("https://") for t in published)
    failed = [t for p in posts for t in p.targets if t.state == TargetState.FAILED]
    assert all(t.error for t in failed)
    # Published in the past, scheduled in the future: the month reads true on the day it is made.
    for post in planned:
        for target in post.targets:
            if target.state == TargetState.SCHEDULED:
                assert post.planned_at > NOW
            if target.state in (TargetState.PUBLISHED, TargetState.FAILED):
                assert post.planned_at <= NOW
    text = " ".join(p.text for p in posts)
    assert all(mark in text for mark in ("é", "à", "#", "https://", "🥐"))
    assert {p.campaign for p in posts} - {""} and all(p.tags for p in posts)
    assert workspace.settings.get_value(TIMEZONE_KEY) == "Europe/Paris"


def test_demo_accounts_can_never_publish(workspace):
    fill_demo(workspace, now=NOW)
    accounts = workspace.accounts.all()
    assert len({a.network for a in accounts}) >= 5
    assert all(a.status == "needs_auth" and a.settings.get("demo") for a in accounts)


def test_demo_pictures_are_real_images_with_alt_text(workspace):
    fill_demo(workspace, now=NOW)
    media = [m for p in workspace.posts.all() for m in p.media]
    assert len(media) >= 20
    for path in {m.path for m in media}:
        with Image.open(path) as image:
            assert image.size == (1200, 900)
            assert (
                len(image.resize((16, 16)).getcolors(256) or []) > 10
            )  # a picture, not a flat colour
    assert all(m.alt for m in media)


def test_demo_refuses_a_workspace_that_holds_data_and_changes_nothing(workspace):
    workspace.accounts.save(Account(network="mastodon", name="@me@example.org"))
    with pytest.raises(DemoRefused, match="--data-dir"):
        fill_demo(workspace, now=NOW)
    assert len(workspace.posts) == 0 and len(workspace.accounts) == 1
    assert not (workspace.directory / "demo-media").exists()
