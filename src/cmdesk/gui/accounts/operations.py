# SPDX-License-Identifier: GPL-3.0-or-later
"""The account actions behind the dialog's buttons, as plain functions a worker thread runs."""

from __future__ import annotations

from typing import Any

from cmdesk.core.connectors.base import AccountCheck
from cmdesk.core.connectors.errors import ConnectorError
from cmdesk.core.model import SETTLED_STATES, Account, TargetState


def check(services: Any, account: Account) -> AccountCheck:
    return services.connectors.for_account(account).check()


def sign_out(services: Any, account: Account) -> None:
    """Revoke where the network allows it; the connector forgets the tokens either way."""
    connector = services.connectors.for_account(account)
    connector.sign_out()
    services.secrets.delete(account.secret_key)


def forget(services: Any, account: Account) -> None:
    """Before removing: revoke if we can, and always delete the keyring entry."""
    try:
        services.connectors.for_account(account).sign_out()
    except (ConnectorError, NotImplementedError, KeyError, ImportError):
        pass  # removing must work even when the network is unreachable or the module is gone
    services.secrets.delete(account.secret_key)


def pending_posts(services: Any, account_id: str) -> int:
    """Posts that still plan to go out to this account (run on the storage thread). From the
    target-state index, as the publisher reads them: published history is never decoded."""
    unsettled = [s for s in TargetState if s not in SETTLED_STATES]
    return sum(1 for post in services.workspace.posts.with_target_states(unsettled)
               if any(t.account_id == account_id and t.state not in SETTLED_STATES
                      for t in post.targets))
