# SPDX-License-Identifier: GPL-3.0-or-later
"""A real WordPress (Debian's package) on 127.0.0.1 for the test session, with a private MariaDB
on a unix socket (no TCP at all) and PHP's built-in server.

tests/peers/wordpress/install.sh installs the packages. Both servers run in their own process
group and are killed as a group at the end (PHP's workers outlive their parent otherwise).
Waits are bounded: a deadline around blocking reads and requests, never a sleep.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.connectors.peer_process import free_port, read_until, stop_group

PEER = Path(__file__).resolve().parents[1] / "peers" / "wordpress"
WORDPRESS = Path("/usr/share/wordpress")
START_TIMEOUT_S = 60


@dataclass
class WordPressSite:
    url: str
    user: str
    password: str  # the account's login password (never used by cmdesk)
    app_password: str
    root: Path
    processes: list[subprocess.Popen] = field(default_factory=list)

    def api(self, method: str, route: str, **kwargs) -> requests.Response:
        """A direct REST call as the editor, to check what the connector did."""
        return requests.request(method, f"{self.url}/wp-json/wp/v2/{route}", timeout=30,
                                auth=(self.user, self.app_password), **kwargs)

    def stop(self) -> None:
        for process in reversed(self.processes):
            stop_group(process)


def _ensure_installed() -> None:
    if shutil.which("mariadbd") or Path("/usr/sbin/mariadbd").exists():
        if (WORDPRESS / "wp-load.php").exists() and shutil.which("php"):
            return
    subprocess.run(["bash", str(PEER / "install.sh")], check=True, timeout=900,
                   stdin=subprocess.DEVNULL)


def _start_mariadb(root: Path, deadline: float) -> tuple[subprocess.Popen, Path]:
    data, sock = root / "mysql", root / "mysql.sock"
    user = ["--user=root"] if os.geteuid() == 0 else []
    subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={data}", *user,
                    "--auth-root-authentication-method=normal", "--skip-test-db"],
                   check=True, timeout=120, stdin=subprocess.DEVNULL, capture_output=True)
    server = subprocess.Popen(
        ["/usr/sbin/mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={sock}",
         "--skip-networking", f"--pid-file={root / 'mysql.pid'}", *user,
         "--innodb-buffer-pool-size=16M", "--skip-log-bin"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True)
    try:
        read_until(server.stderr, b"ready for connections", deadline)
        subprocess.run(["mariadb", "--no-defaults", f"--socket={sock}", "-uroot",
                        "-e", "CREATE DATABASE wordpress"],
                       check=True, timeout=30, stdin=subprocess.DEVNULL, capture_output=True)
    except BaseException:
        stop_group(server)
        raise
    server.stderr.close()
    server.stderr = None
    return server, sock


def _write_config(www: Path, sock: Path, url: str) -> None:
    (www / "wp-config.php").write_text(f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{sock}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');  // application passwords over plain http on loopback
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT',
               'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT') as $k) {{
    define($k, '{os.urandom(16).hex()}' . $k);
}}
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
""")


def start_wordpress(root: Path) -> WordPressSite:
    _ensure_installed()
    deadline = time.monotonic() + START_TIMEOUT_S
    database, sock = _start_mariadb(root, deadline)
    processes = [database]
    try:
        www = root / "www"
        shutil.copytree(WORDPRESS, www, symlinks=True)
        (www / "wp-content" / "uploads").mkdir(parents=True, exist_ok=True)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        _write_config(www, sock, url)
        setup = subprocess.run(["php", str(PEER / "setup.php"), str(www), url], check=True,
                               timeout=120, capture_output=True, stdin=subprocess.DEVNULL)
        creds = json.loads(setup.stdout.decode().strip().splitlines()[-1])
        php = subprocess.Popen(["php", "-S", f"127.0.0.1:{port}", "-t", str(www),
                                str(PEER / "router.php")],
                               env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        processes.append(php)
        while True:
            try:
                if requests.get(f"{url}/wp-json/", timeout=5).ok:
                    break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
    except BaseException:
        for process in reversed(processes):
            stop_group(process)
        raise
    return WordPressSite(url, creds["user"], creds["password"], creds["app_password"], root,
                         processes)
