# SPDX-License-Identifier: GPL-3.0-or-later
"""The container flow Instagram and Threads share, as resumable steps.

Publishing there is: host each picture publicly, create a media container per picture (and a
carousel container over them), wait until Meta has fetched and processed it, publish it once,
then take the hosted pictures down. Each step's result goes to ``request.progress`` through the
publisher's checkpoint before the next step, so:

- a container that is still IN_PROGRESS is never waited for here: the connector raises
  RateLimited with a short retry time and the publisher comes back to the same attempt;
- after a crash, a container whose ``status_code`` is PUBLISHED went out: it is found again,
  never published twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar

from cmdesk.core.connectors import byo_app, media_host
from cmdesk.core.connectors.base import (
    AccountCheck,
    Connector,
    PostPart,
    PublishRequest,
    PublishResult,
)
from cmdesk.core.connectors.errors import (
    AuthExpired,
    ConnectorError,
    Permanent,
    RateLimited,
    Unconfirmed,
)
from cmdesk.core.connectors.meta_graph import (
    bearer,
    container_state,
    created_since,
    graph_json,
    need,
    require_finished,
)
from cmdesk.core.i18n import translate
from cmdesk.core.model import Account, from_iso, to_iso

REFRESH_BEFORE = timedelta(days=10)  # long-lived tokens last 60 days; refresh well before
QUOTA_RETRY = timedelta(hours=1)  # the window rolls: some room comes back within the hour


class ContainerConnector(Connector):
    """Base of Instagram and Threads. Subclasses name their hosts, edges and fields."""

    AUTH_URL: ClassVar[str]
    TOKEN_URL: ClassVar[str]
    GRAPH: ClassVar[str]
    VERSION: ClassVar[str]
    SCOPES: ClassVar[str]
    EXCHANGE_GRANT: ClassVar[str]  # ig_exchange_token | th_exchange_token
    REFRESH_GRANT: ClassVar[str]  # ig_refresh_token | th_refresh_token
    ME_FIELDS: ClassVar[str]
    CREATE_EDGE: ClassVar[str]
    PUBLISH_EDGE: ClassVar[str]
    TEXT_FIELD: ClassVar[str]  # caption | text
    LIST_FIELDS: ClassVar[str]
    LIMIT_EDGE: ClassVar[str]  # content_publishing_limit | threads_publishing_limit

    # ---- sign-in ------------------------------------------------------------------------
    @classmethod
    def sign_in(cls, values: dict[str, str], *, secrets: Any, http: Any,
                browser: Any = None) -> Account:
        host_config, host_secrets = media_host.config_from_values(values)  # before the browser
        redirect = byo_app.redirect_of(values)
        client = {"client_id": values["client_id"].strip(),
                  "client_secret": values["client_secret"].strip()}
        code = byo_app.authorize(cls.AUTH_URL, {"client_id": client["client_id"],
                                                "response_type": "code", "scope": cls.SCOPES},
                                 redirect_uri=redirect, browser=browser)
        short = graph_json(http, "POST", cls.TOKEN_URL, data={
            **client, "grant_type": "authorization_code", "redirect_uri": redirect, "code": code})
        long = graph_json(http, "GET", f"{cls.GRAPH}/access_token", params={
            "grant_type": cls.EXCHANGE_GRANT, "client_secret": client["client_secret"],
            "access_token": need(short, "access_token")})
        token = need(long, "access_token")
        me = graph_json(http, "GET", f"{cls.GRAPH}/{cls.VERSION}/me",
                        params={"fields": cls.ME_FIELDS}, headers=bearer(token))
        user_id = str(me.get("user_id") or need(me, "id"))
        account = Account(network=cls.capabilities.network, name=f"@{me.get('username', user_id)}",
                          server=cls.GRAPH, settings={"user_id": user_id, "media_host": host_config},
                          expires_at=_expiry(long))
        byo_app.Vault(secrets, account.secret_key).save(
            {**client, **host_secrets, "access_token": token})
        return account

    # ---- helpers ------------------------------------------------------------------------
    @property
    def _base(self) -> str:
        return f"{self.account.server or self.GRAPH}/{self.VERSION}"

    @property
    def _user(self) -> str:
        return self.account.settings["user_id"]

    def _vault(self) -> byo_app.Vault:
        return byo_app.Vault(self.secrets, self.account.secret_key)

    def _call(self, method: str, path: str, *, creates: bool = False, **kwargs: Any) -> dict:
        token = self._vault().load()["access_token"]
        return graph_json(self.http, method, f"{self._base}/{path}", creates=creates,
                          headers=bearer(token), **kwargs)

    def _host(self) -> media_host.MediaHost:
        return media_host.open_host(self.account.settings.get("media_host") or {},
                                    self._vault().load(), self.secrets, self.http)

    def _create(self, fields: dict[str, str]) -> str:
        body = self._call("POST", f"{self._user}/{self.CREATE_EDGE}", creates=True, data=fields)
        return str(need(body, "id", creates=True))

    # Subclass hooks: the fields of one picture's container and of a part's main container.
    def _item_fields(self, url: str, alt: str, *, carousel: bool) -> dict[str, str]:
        raise NotImplementedError

    def _part_fields(self, part: PostPart, index: int, request: PublishRequest,
                     reply_to: str | None) -> dict[str, str]:
        return {self.TEXT_FIELD: part.text}

    def _parts(self, request: PublishRequest) -> list[PostPart]:
        """The parts published as containers (the rest, if any, are comments)."""
        return request.parts

    # ---- the steps ----------------------------------------------------------------------
    def _step_part(self, request: PublishRequest, index: int, reply_to: str | None) -> str:
        """Take part ``index`` one step further each time it is called; return its media id."""
        steps: list[dict[str, Any]] = request.progress.setdefault("parts", [])
        while len(steps) <= index:
            steps.append({})
        step, part = steps[index], self._parts(request)[index]
        if step.get("media_id"):
            return step["media_id"]
        if "hosted" not in step:
            files = media_host.host_many(self._host(), part.media) if part.media else []
            step["hosted"] = [{"url": f.url, "handle": f.handle} for f in files]
            request.save_progress(parts=steps)
        hosted = step["hosted"]
        if "container" not in step:
            fields = self._part_fields(part, index, request, reply_to)
            if len(hosted) == 1:
                fields.update(self._item_fields(hosted[0]["url"], part.media[0].alt, carousel=False))
            elif len(hosted) > 1:
                children = step.get("children") or []
                for item, media in list(zip(hosted, part.media))[len(children):]:
                    children.append(self._create(self._item_fields(item["url"], media.alt,
                                                                   carousel=True)))
                    step["children"] = children
                    request.save_progress(parts=steps)
                if not step.get("children_ready"):
                    # Meta refuses a carousel over items it has not fetched yet: check each one
                    # (come back later if one is still processing) before making the carousel.
                    for child in children:
                        require_finished(container_state(self.http, self._base, child,
                                                         self._token()), child)
                    step["children_ready"] = True
                    request.save_progress(parts=steps)
                fields.update(media_type="CAROUSEL", children=",".join(children))
            step["container"] = self._create(fields)
            request.save_progress(parts=steps)
        state = container_state(self.http, self._base, step["container"], self._token())
        if state == "PUBLISHED":
            # Published before a crash or a lost answer: find it instead of publishing again.
            found = self._find(part.text, request.planned_at)
            if found is None:
                raise Unconfirmed(translate("Connectors", "The post went out but cannot be found yet."))
            step["media_id"] = found["id"]
        else:
            require_finished(state, step["container"])
            body = self._call("POST", f"{self._user}/{self.PUBLISH_EDGE}", creates=True,
                              data={"creation_id": step["container"]})
            step["media_id"] = str(need(body, "id", creates=True))
        request.save_progress(parts=steps)
        return step["media_id"]

    def _token(self) -> str:
        return self._vault().load()["access_token"]

    def _find(self, text: str, planned_at: datetime | None) -> dict[str, Any] | None:
        body = self._call("GET", f"{self._user}/{self.CREATE_EDGE}",
                          params={"fields": self.LIST_FIELDS, "limit": "10"})
        for item in body.get("data") or []:
            if (item.get(self.TEXT_FIELD) or "") == text and \
                    created_since(item.get("timestamp"), planned_at):
                return item
        return None

    def _take_down(self, request: PublishRequest) -> None:
        handles = [h["handle"] for step in request.progress.get("parts", [])
                   for h in step.get("hosted", [])]
        if not handles:
            return
        try:
            left = self._host().delete_quietly(handles)
        except ConnectorError:
            left = handles
        # What could not be deleted stays listed so a later clean-up can try again.
        request.save_progress(undeleted=left)

    def _permalink(self, media_id: str) -> str | None:
        try:
            return self._call("GET", media_id, params={"fields": "permalink"}).get("permalink")
        except ConnectorError:
            return None  # the post is out; a missing link must not turn that into a failure

    def _check_quota(self, request: PublishRequest) -> None:
        """Meta caps API posts per rolling 24 h (the figure changed over time: ask, never assume).
        Checked once per attempt, before anything is hosted or created."""
        if request.progress.get("parts"):
            return
        body = self._call("GET", f"{self._user}/{self.LIMIT_EDGE}",
                          params={"fields": "quota_usage,config"})
        entry = (body.get("data") or [{}])[0]
        total = (entry.get("config") or {}).get("quota_total")
        if isinstance(total, int) and int(entry.get("quota_usage") or 0) >= total:
            raise RateLimited(datetime.now(timezone.utc) + QUOTA_RETRY, translate(
                "Connectors", "The daily number of posts allowed through the API is used up."))

    # ---- contract -----------------------------------------------------------------------
    def publish(self, request: PublishRequest) -> PublishResult:
        count = len(self._parts(request))  # refuses what the network never takes, before any call
        self._keep_fresh()
        self._check_quota(request)
        ids: list[str] = []
        reply_to = None
        try:
            for index in range(count):
                reply_to = self._step_part(request, index, reply_to)
                ids.append(reply_to)
        except Permanent:
            self._take_down(request)  # the attempt is over: nothing will fetch those pictures
            raise
        ids += self._after(request, ids[0])
        self._take_down(request)
        return PublishResult(remote_id=ids[0], remote_url=self._permalink(ids[0]), part_ids=ids)

    def _after(self, request: PublishRequest, media_id: str) -> list[str]:
        """Whatever follows the published containers (Instagram: first comments)."""
        return []

    def lookup(self, request: PublishRequest) -> PublishResult | None:
        steps = request.progress.get("parts") or []
        first = steps[0] if steps else {}
        if first.get("media_id"):
            return PublishResult(remote_id=first["media_id"])
        if first.get("container"):
            state = container_state(self.http, self._base, first["container"], self._token())
            if state != "PUBLISHED":
                return None  # not out: publish() resumes from this container
        found = self._find(request.parts[0].text, request.planned_at)
        if found is None:
            return None
        self._take_down(request)  # it went out: the hosted pictures are no longer needed
        return PublishResult(remote_id=str(found["id"]), remote_url=found.get("permalink"))

    def metrics(self, remote_id: str) -> dict[str, int]:
        body = self._call("GET", f"{remote_id}/insights",
                          params={"metric": ",".join(self.capabilities.metrics)})
        found = {}
        for item in body.get("data") or []:
            # Lifetime metrics come as total_value on Threads, as values[0] on Instagram.
            total = (item.get("total_value") or {}).get("value")
            first = (item.get("values") or [{}])[0].get("value")
            found[item.get("name")] = int(total if total is not None else first or 0)
        return {name: found.get(name, 0) for name in self.capabilities.metrics}

    def check(self) -> AccountCheck:
        expires = self._keep_fresh(strict=True)
        me = self._call("GET", "me", params={"fields": self.ME_FIELDS})
        return AccountCheck(ok=True, display_name=f"@{me.get('username', self._user)}",
                            expires_at=expires)

    def _keep_fresh(self, *, strict: bool = False) -> datetime | None:
        """Renew the 60-day token when it nears its end, so an account that keeps publishing
        never lapses. The keyring entry remembers the renewed end (the store may lag)."""
        vault = self._vault().load()
        expires = from_iso(vault.get("expires_at") or self.account.expires_at)
        if expires is not None and expires - datetime.now(timezone.utc) >= REFRESH_BEFORE:
            return expires
        try:
            body = graph_json(self.http, "GET",
                              f"{self.account.server or self.GRAPH}/refresh_access_token",
                              params={"grant_type": self.REFRESH_GRANT,
                                      "access_token": vault["access_token"]})
            token = need(body, "access_token")
        except ConnectorError as exc:
            # Before a publish, a failed renewal must not stop a token that still works.
            if strict or isinstance(exc, AuthExpired):
                raise
            return expires
        renewed = _expiry(body)
        self._vault().update(access_token=token, expires_at=renewed)
        self.account.expires_at = renewed
        return from_iso(renewed)

    def sign_out(self) -> None:
        # Meta has no revoke call for these tokens: the user removes the app in their settings.
        self._vault().forget()


def _expiry(body: dict[str, Any]) -> str | None:
    seconds = body.get("expires_in")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        return None
    return to_iso(datetime.now(timezone.utc) + timedelta(seconds=seconds))
