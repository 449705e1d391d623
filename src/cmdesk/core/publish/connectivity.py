# SPDX-License-Identifier: GPL-3.0-or-later
"""Is each account's host reachable? Combines the OS status (fed by the GUI through
``set_online``), what sends observed (an Offline error marks the host down) and an injectable
probe that is retried while a host is down.

The monitor never sends posts itself: it calls ``on_back(hosts)`` when hosts come back and the
publisher flushes what waited for them.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from cmdesk.core.model import Account

log = logging.getLogger(__name__)

Probe = Callable[[str], bool]  # "host:port" -> reachable

# API hosts of networks whose accounts carry no server URL.
DEFAULT_HOSTS = {
    "bluesky": "bsky.social:443",
    "x": "api.x.com:443",
    "linkedin": "api.linkedin.com:443",
    "facebook": "graph.facebook.com:443",
    "instagram": "graph.instagram.com:443",
    "threads": "graph.threads.net:443",
    "telegram": "api.telegram.org:443",
    "discord": "discord.com:443",
}


def host_of(account: Account) -> str:
    if account.server:
        split = urlsplit(account.server)
        port = split.port or (443 if split.scheme == "https" else 80)
        return f"{split.hostname}:{port}"
    return DEFAULT_HOSTS.get(account.network, f"{account.network}:443")


def tcp_probe(host: str, timeout_s: float = 3.0) -> bool:
    name, _, port = host.rpartition(":")
    try:
        with socket.create_connection((name, int(port)), timeout=timeout_s):
            return True
    except OSError:
        return False


class ConnectivityMonitor:
    def __init__(self, probe: Probe | None = None, *, on_back: Callable[[set[str]], None] | None = None,
                 on_down: Callable[[], None] | None = None, retry_s: float = 5.0,
                 clock=None) -> None:
        self.probe = probe or tcp_probe
        self.on_back = on_back or (lambda hosts: None)
        self.on_down = on_down or (lambda: None)
        self.retry_s = retry_s
        self._clock = clock
        self._os_online: bool = True
        self._down: set[str] = set()
        # Bumped at every loss of a host (or of the network): a queue planned before a loss may
        # miss the posts that wait for the network, so it must not be sent from afterwards.
        self.epoch = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._thread: threading.Thread | None = None

    # ---- queries -----------------------------------------------------------------------------
    def is_online(self, host: str) -> bool:
        with self._lock:
            return self._os_online and host not in self._down

    @property
    def os_online(self) -> bool:
        return self._os_online

    def down_hosts(self) -> set[str]:
        with self._lock:
            return set(self._down)

    # ---- inputs ------------------------------------------------------------------------------
    def set_online(self, online: bool) -> None:
        """The OS network status (QNetworkInformation in the GUI)."""
        with self._lock:
            was, self._os_online = self._os_online, online
            if was and not online:
                self.epoch += 1
        if was and not online:
            self.on_down()
        elif online and not was:
            # The OS says yes: trust it for hosts not known to be down; probe the others.
            self.on_back({"*"})
            self._kick.set()

    def mark_down(self, host: str) -> None:
        with self._lock:
            fresh = host not in self._down
            self._down.add(host)
            self.epoch += 1
        if fresh:
            self.on_down()
            self._kick.set()

    def check(self, hosts: Iterable[str] | None = None) -> set[str]:
        """Probe the hosts that are down (now, on the calling thread); returns those back."""
        with self._lock:
            targets = set(hosts) if hosts is not None else set(self._down)
        back = {h for h in targets if self._safe_probe(h)}
        with self._lock:
            back &= self._down
            self._down -= back
            announce = back and self._os_online
        if announce:
            self.on_back(back)
        return back

    def probe_now(self, host: str) -> bool:
        """Ask the probe once, on the calling thread (changes nothing)."""
        return self._safe_probe(host)

    def _safe_probe(self, host: str) -> bool:
        try:
            return bool(self.probe(host))
        except Exception:  # a broken probe means "not reachable", never a dead monitor
            log.exception("connectivity probe failed for %s", host)
            return False

    # ---- background retries ------------------------------------------------------------------
    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="cmdesk-connectivity", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            if not self.down_hosts():
                self._kick.wait()
                self._kick.clear()
                continue
            # Wait one period before probing: a host that just failed is not back yet.
            if self._stop.wait(self.retry_s):
                return
            self.check()
