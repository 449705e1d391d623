# SPDX-License-Identifier: GPL-3.0-or-later
"""``cmdesk accounts add|list|test|remove``: connect, inspect and remove accounts from a shell.

Secret fields (app passwords, bot tokens) are read from standard input, one per line, or typed
without echo when standard input is a terminal; never from arguments, where they would land in
the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime
from typing import IO, Any

from cmdesk.core.accounts import renewed, standing
from cmdesk.core.i18n import translate
from cmdesk.core.model import NETWORKS, Account


def register(subparsers) -> None:
    parser = subparsers.add_parser("accounts", help="add, list, test or remove connected accounts")
    sub = parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = sub.add_parser(
        "add", help="connect an account (opens the browser where the network signs in there)"
    )
    add.add_argument("network", choices=NETWORKS)
    add.add_argument(
        "--server", help="server address (Mastodon instance, Bluesky PDS, WordPress site)"
    )
    add.add_argument("--name", help="the name cmdesk shows for this account")
    add.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a non-secret sign-in field (repeatable); secrets come from standard input",
    )
    add.set_defaults(func=run_add)
    listing = sub.add_parser("list", help="show accounts and whether they are connected")
    listing.set_defaults(func=run_list)
    test = sub.add_parser("test", help="check that an account still works")
    test.add_argument(
        "account", metavar="ID", help="account id (or a unique start of it, or its name)"
    )
    test.set_defaults(func=run_test)
    remove = sub.add_parser("remove", help="sign out, forget the secrets and remove an account")
    remove.add_argument("account", metavar="ID")
    remove.set_defaults(func=run_remove)


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


# ---- reading the sign-in fields ----------------------------------------------------------------
class FieldError(ValueError):
    pass


def read_fields(
    fields: Any,
    given: dict[str, str],
    stdin: IO[str],
    *,
    tty: bool | None = None,
    prompt: Any = None,
) -> dict[str, str]:
    """Values for every sign-in field: from ``given`` (arguments) for plain fields, else one line
    of ``stdin`` each, in the declared order; secret fields only from stdin (getpass on a TTY)."""
    tty = stdin.isatty() if tty is None else tty
    names = {f.name for f in fields}
    for name in given:
        if name not in names:
            raise FieldError(
                translate(
                    "AccountsCommand", "Unknown sign-in field: {name} (expected one of: {names})"
                ).format(name=name, names=", ".join(sorted(names)))
            )
    values: dict[str, str] = {}
    for field in fields:
        if field.secret and field.name in given:
            raise FieldError(
                translate(
                    "AccountsCommand",
                    "{label} is secret: type it when asked, or pipe it on standard "
                    "input, never as an argument.",
                ).format(label=translate("SignIn", field.label))
            )
        if field.name in given:
            values[field.name] = given[field.name]
            continue
        label = translate("SignIn", field.label)
        if tty:
            ask = prompt or (getpass.getpass if field.secret else input)
            value = ask(f"{label}: ")
        else:
            value = stdin.readline().rstrip("\r\n")
        if not value and field.required:
            raise FieldError(
                translate("AccountsCommand", "{label} is required.").format(label=label)
            )
        values[field.name] = value
    return values


# ---- helpers ------------------------------------------------------------------------------------
def _services(args: argparse.Namespace):
    from cmdesk.core.services import build_services

    return build_services(args.data_dir)


def _find(services: Any, wanted: str) -> Account | None:
    accounts = services.workspace.accounts.all()
    exact = [a for a in accounts if a.id == wanted or a.name == wanted]
    if len(exact) == 1:
        return exact[0]
    prefixed = [a for a in accounts if a.id.startswith(wanted)]
    return prefixed[0] if len(prefixed) == 1 else None


def state_of(account: Account, now: datetime | None = None) -> str:
    """connected / expires in N days / needs sign-in / disabled, as ``list`` shows it."""
    stand = standing(account, now)
    if stand.kind == "disabled":
        return translate("AccountsCommand", "disabled")
    if stand.kind == "needs_auth":
        return translate("AccountsCommand", "needs sign-in")
    if stand.left is None:
        return translate("AccountsCommand", "connected")
    if stand.left.days >= 1:
        return translate("AccountsCommand", "expires in {days} days").format(days=stand.left.days)
    return translate("AccountsCommand", "expires in {hours} hours").format(
        hours=max(1, int(stand.left.total_seconds() // 3600))
    )


def _secrets_or_explain(services: Any):
    from cmdesk.core.secrets import KeyringUnavailable

    try:
        return services.secrets
    except KeyringUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return None


# ---- actions ------------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    from cmdesk.core.connectors.errors import ConnectorError
    from cmdesk.core.connectors.http import InsecureRequest
    from cmdesk.core.connectors.registry import connector_class

    try:
        cls = connector_class(args.network)
    except ImportError:
        return _fail(
            translate(
                "AccountsCommand", "cmdesk cannot connect to {network} in this version."
            ).format(network=args.network)
        )
    given = dict(item.split("=", 1) for item in args.set if "=" in item)
    if args.server:
        given["server"] = args.server
    try:
        values = read_fields(cls.sign_in_fields, given, sys.stdin)
    except FieldError as exc:
        return _fail(str(exc), 2)
    services = _services(args)
    try:
        secrets = _secrets_or_explain(services)
        if secrets is None:
            return 3
        if cls.capabilities.auth == "oauth-pkce":
            print(
                translate(
                    "AccountsCommand",
                    "Opening your browser to sign in; come back here "
                    "when it says you are signed in.",
                ),
                file=sys.stderr,
            )
        try:
            account = cls.sign_in(values, secrets=secrets, http=services.connectors.http())
        except (ConnectorError, InsecureRequest) as exc:
            return _fail(
                translate("AccountsCommand", "Sign-in failed: {reason}").format(
                    reason=getattr(exc, "reason", str(exc))
                )
            )
        old = _existing(services, account)
        if old is not None:
            old = renewed(secrets, old, account)
            old.name = args.name or old.name
            services.workspace.accounts.save(old)
            print(
                translate("AccountsCommand", "Signed in again to {name}, id {id}.").format(
                    name=old.name, id=old.id
                )
            )
            return 0
        if args.name:
            account.name = args.name
        services.workspace.accounts.save(account)
        print(
            translate("AccountsCommand", "Added {name} ({network}), id {id}.").format(
                name=account.name, network=account.network, id=account.id
            )
        )
        return 0
    finally:
        services.close()


# What identifies the person behind an account, whatever name the user gave it.
_IDENTITY_KEYS = ("account_id", "user_id", "did", "page_id", "channel_id", "chat_id")


def _existing(services: Any, fresh: Account) -> Account | None:
    """The saved account this sign-in renews (same network, server and identity), if any."""
    for old in services.workspace.accounts.all():
        if (old.network, old.server) != (fresh.network, fresh.server):
            continue
        keys = [k for k in _IDENTITY_KEYS if fresh.settings.get(k)]
        if keys and all(old.settings.get(k) == fresh.settings[k] for k in keys):
            return old
        if not keys and old.name == fresh.name:
            return old
    return None


def run_list(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        accounts = sorted(services.workspace.accounts.all(), key=lambda a: (a.network, a.name))
        if not accounts:
            print(
                translate(
                    "AccountsCommand",
                    "No accounts yet: add one with `cmdesk accounts add NETWORK`.",
                )
            )
            return 0
        rows = [(a.id, a.network, a.name, state_of(a)) for a in accounts]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        for row in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3])
        return 0
    finally:
        services.close()


def _on_account(args: argparse.Namespace, action: Any) -> int:
    """Find the account named on the command line, open the keyring, run ``action``."""
    services = _services(args)
    try:
        account = _find(services, args.account)
        if account is None:
            return _fail(
                translate(
                    "AccountsCommand", "No account matches {id}; see `cmdesk accounts list`."
                ).format(id=args.account)
            )
        secrets = _secrets_or_explain(services)
        if secrets is None:
            return 3
        return action(services, secrets, account)
    finally:
        services.close()


def run_test(args: argparse.Namespace) -> int:
    return _on_account(args, _test)


def _test(services: Any, secrets: Any, account: Account) -> int:
    from cmdesk.core.connectors.errors import ConnectorError

    try:
        outcome = services.connectors.for_account(account).check()
    except ConnectorError as exc:
        return _fail(
            translate("AccountsCommand", "Could not check {name}: {reason}").format(
                name=account.name, reason=exc.reason
            )
        )
    status = "connected" if outcome.ok else "needs_auth"
    if status != account.status and account.status != "disabled":
        account.status = status
        services.workspace.accounts.save(account)
    if outcome.ok:
        print(
            translate("AccountsCommand", "{name} works (signed in as {who}).").format(
                name=account.name, who=outcome.display_name
            )
        )
        return 0
    return _fail(
        translate("AccountsCommand", "{name} needs a new sign-in: {reason}").format(
            name=account.name, reason=outcome.detail
        )
    )


def run_remove(args: argparse.Namespace) -> int:
    return _on_account(args, _remove)


def _remove(services: Any, secrets: Any, account: Account) -> int:
    from cmdesk.core.connectors.errors import ConnectorError

    try:
        services.connectors.for_account(account).sign_out()
    except (ConnectorError, NotImplementedError, ImportError) as exc:
        # Removing must still work offline or with a dead token: say what is left to do.
        reason = getattr(exc, "reason", "") or type(exc).__name__
        print(
            translate(
                "AccountsCommand",
                "Could not revoke cmdesk's access at the network ({reason}); you can revoke it "
                "in your account's settings there.",
            ).format(reason=reason),
            file=sys.stderr,
        )
    secrets.delete(account.secret_key)
    services.workspace.accounts.delete(account.id)
    print(translate("AccountsCommand", "Removed {name}.").format(name=account.name))
    return 0
