# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

import random

import pytest

from cmdesk.core.clock import FakeClock
from cmdesk.core.publish.backoff import Backoff
from cmdesk.core.publish.engine import Publisher
from tests.core.publish.fakes import FakeFactory, FakeNetwork, utc


@pytest.fixture
def clock():
    return FakeClock(utc(2026, 6, 1, 8, 0))


@pytest.fixture
def net():
    return FakeNetwork()


@pytest.fixture
def online():
    return {"up": True}


@pytest.fixture
def pub(workspace, net, clock, online):
    """A publisher on a fake clock, driven by tick() (no threads, no APScheduler)."""
    p = Publisher(workspace, FakeFactory(net), clock=clock, probe=lambda host: online["up"],
                  backoff=Backoff(base_s=30, cap_s=600, max_tries=4, rng=random.Random(7)),
                  media_fit=lambda: None)
    p.start(threads=False)
    yield p
    p.stop()
