# SPDX-License-Identifier: GPL-3.0-or-later
"""ComposerDialog: write one post for several networks, see it as each network will show it, and
save it as a draft or schedule it once nothing would be refused.

Storage work goes through runner.run_storage; thumbnails and picture probes through
run_background (MediaPanel). Counting and pre-flight run on the GUI thread after typing pauses.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cmdesk.core.model import NETWORKS, Account, Post, Target
from cmdesk.core.preflight import ALT_REQUIRED_SETTING, as_sent, check_post, has_errors
from cmdesk.core.publish.states import WAITING
from cmdesk.core.schedule import planner
from cmdesk.core.snippets import insert
from cmdesk.gui.composer.counters import DEBOUNCE_MS, CounterBar
from cmdesk.gui.composer.editors import TextTabs
from cmdesk.gui.composer.issues_view import IssuesView
from cmdesk.gui.composer.media_panel import MediaPanel
from cmdesk.gui.composer.networks import caps, strictest
from cmdesk.gui.composer.preview import NetworkPreview
from cmdesk.gui.composer.schedule_box import ScheduleBox
from cmdesk.gui.composer.snippets_menu import SnippetsButton
from cmdesk.gui.composer.thread_panel import ThreadPanel


class ComposerDialog(QDialog):
    saved = Signal(str)  # the post id, once the store acknowledged the write
    loaded = Signal()

    def __init__(self, services, runner, post_id: str | None = None, parent: QWidget | None = None,
                 *, planned_at: datetime | None = None, clock=None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._post_id = post_id
        self._planned_at = planned_at
        self._clock = clock or (lambda: datetime.now(UTC))
        self._post = Post()
        self._accounts: list[Account] = []
        self._boxes: dict[str, QCheckBox] = {}
        self._previews: dict[str, NetworkPreview] = {}
        self._caps: dict = {}  # network -> capabilities of its strictest chosen account
        self.alt_required = False
        self._baseline: dict | None = None  # the post as loaded, to tell unsaved changes
        self.setWindowTitle(self.tr("New post") if post_id is None else self.tr("Edit post"))
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(DEBOUNCE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        runner.run_storage(self._load_work, self._loaded, self._failed)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.accounts_box = QGroupBox(self.tr("Publish to"), self)
        self._accounts_layout = QHBoxLayout(self.accounts_box)
        self.no_accounts = QLabel(self.tr("No account yet: add one in Accounts to publish."), self)
        self._accounts_layout.addWidget(self.no_accounts)
        self._accounts_layout.addStretch(1)
        self.tabs = TextTabs(self)
        self.tabs.changed.connect(self._text_changed)
        self.snippets = SnippetsButton(self._services, self._runner, self)
        self.snippets.chosen.connect(self.insert_snippet)
        self.counters = CounterBar(self.tabs.text_for, lambda: bool(self.media.media), self,
                                   caps_for=self.caps_for, runner=self._runner)
        self.counters.counted.connect(lambda _m: self._refresh_timer.start())
        self.thread = ThreadPanel(self._runner, self)
        self.thread.caps_for = self.caps_for
        self.thread.split_button.clicked.connect(self.thread.split)
        self.thread.main_text_replaced.connect(self.tabs.set_main_text)
        self.thread.changed.connect(self._refresh_timer.start)
        self.media = MediaPanel(self._services, self._runner, self)
        self.media.post_provider = self._collect
        self.media.changed.connect(self._media_changed)
        self.schedule_box = ScheduleBox(self)
        for signal in (self.schedule_box.date.dateChanged, self.schedule_box.time.timeChanged,
                       self.schedule_box.zone.currentTextChanged):
            signal.connect(self._refresh_timer.start)
        self.issues = IssuesView(self)
        self.issues.issue_activated.connect(self.go_to_issue)
        self.save_draft_button = QPushButton(self.tr("Save as draft"), self)
        self.save_draft_button.setObjectName("save-draft")
        self.save_draft_button.clicked.connect(self.save_draft)
        self.schedule_button = QPushButton(self.tr("Schedule"), self)
        self.schedule_button.setObjectName("schedule")
        self.schedule_button.setDefault(True)
        self.schedule_button.clicked.connect(self.schedule)
        # Ctrl+Enter schedules from the keyboard (Enter alone types a new line in the text).
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.schedule)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self.status = QLabel(self)

        tools = QHBoxLayout()
        tools.addWidget(self.snippets)
        tools.addWidget(self.counters, 1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.accounts_box)
        column.addWidget(self.tabs, 1)
        column.addLayout(tools)
        column.addWidget(self.thread)
        column.addWidget(self.media)
        column.addWidget(self.schedule_box)
        column.addWidget(self.issues)
        self._previews_host = QWidget(self)
        self._previews_layout = QVBoxLayout(self._previews_host)
        self._previews_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("previews")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._previews_host)
        scroll.setMinimumWidth(360)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # Previews get nearly half the width: narrow cards wrap the text into tall columns and
        # push the other networks out of sight.
        splitter.setSizes([680, 560])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_draft_button)
        buttons.addWidget(self.schedule_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1180, 820)

    # -- loading --------------------------------------------------------------------------
    def _load_work(self):
        ws = self._services.workspace
        post = ws.posts.get(self._post_id) if self._post_id else None
        return (post, ws.accounts.all(), planner.workspace_zone(ws),
                bool(ws.settings.get_value(ALT_REQUIRED_SETTING, False)))

    def _loaded(self, result) -> None:
        post, accounts, zone, alt_required = result
        if self._post_id and post is None:
            self.status.setText(self.tr("This post no longer exists."))
            self.save_draft_button.setEnabled(False)
            self.schedule_button.setEnabled(False)
            return
        self._post = post or Post(zone=zone, planned_at=self._planned_at)
        self._accounts = [a for a in accounts if a.status != "disabled"]
        self.alt_required = alt_required
        chosen = {t.account_id for t in self._post.targets}
        self.no_accounts.setVisible(not self._accounts)
        for account in self._accounts:
            box = QCheckBox(f"{account.name} · {caps(account.network).display_name}", self.accounts_box)
            box.setObjectName(f"account-{account.id}")
            box.setChecked(account.id in chosen)
            box.toggled.connect(self._accounts_changed)
            self._boxes[account.id] = box
            self._accounts_layout.insertWidget(self._accounts_layout.count() - 1, box)
        self.tabs.load(self._post.text, self._post.variants)
        self.thread.set_parts(self._post.thread)
        self.media.set_media(self._post.media)
        self.schedule_box.set_values(self._post.planned_at, self._post.zone or zone, self._post.tags,
                                     self._post.campaign, self._post.hand_off, self._clock())
        self._accounts_changed()
        self._baseline = self._snapshot()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not read the workspace: {error}").format(error=error))

    # -- reactions ------------------------------------------------------------------------
    def selected_accounts(self) -> list[Account]:
        return [a for a in self._accounts if self._boxes[a.id].isChecked()]

    def selected_networks(self) -> list[str]:
        chosen = {a.network for a in self.selected_accounts()}
        return [n for n in NETWORKS if n in chosen]

    def caps_for(self, network: str):
        return self._caps.get(network) or caps(network)

    def _accounts_changed(self) -> None:
        networks = self.selected_networks()
        self._caps = strictest(self.selected_accounts())
        self.tabs.set_networks(networks)
        self.counters.set_networks(networks)
        self.thread.set_networks(networks)
        self.schedule_box.set_networks(networks)
        for network in list(self._previews):
            if network not in networks:
                self._previews.pop(network).deleteLater()
        for network in networks:
            if network not in self._previews:
                preview = NetworkPreview(network, self._previews_host)
                self._previews[network] = preview
                self._previews_layout.insertWidget(self._previews_layout.count() - 1, preview)
        self.refresh()

    def _text_changed(self) -> None:
        self.thread.main_text = self.tabs.main.toPlainText()
        self.counters.schedule()

    def _media_changed(self) -> None:
        self.counters.schedule()

    def insert_snippet(self, snippet) -> None:
        editor = self.tabs.currentWidget()
        editor = editor if editor is self.tabs.main else getattr(editor, "editor", self.tabs.main)
        cursor = editor.textCursor().position() if editor.hasFocus() else None
        text, position = insert(editor.toPlainText(), snippet, cursor)
        # Replace through a cursor, not setPlainText: one Ctrl+Z takes the snippet back out.
        edit = editor.textCursor()
        edit.select(QTextCursor.SelectionType.Document)
        edit.insertText(text)
        moved = editor.textCursor()
        moved.setPosition(position)
        editor.setTextCursor(moved)

    def refresh(self) -> None:
        """Previews and pre-flight for the current content (counters refresh themselves)."""
        self._refresh_timer.stop()
        post = self._collect()
        networks = self.selected_networks()
        names = {a.network: a.name for a in reversed(self.selected_accounts())}
        for network, preview in self._previews.items():
            pictures = [(self.media.pixmaps[r.path], r) for r in post.media if r.path in self.media.pixmaps]
            preview.set_content(names.get(network, ""), post.text_for(network), pictures, post.thread)
        if self.media.ready():
            infos = {n: [as_sent(i, r, n) if (i := self.media.infos.get(r.path)) else None
                         for r in post.media] for n in networks}
            issues = check_post(post, networks, infos=infos, caps_for=self.caps_for,
                                alt_required=self.alt_required)
        else:  # pictures still being read: check the text now, the pictures when they are in
            text_only = Post(text=post.text, variants=post.variants, thread=post.thread)
            issues = check_post(text_only, networks, infos={}, caps_for=self.caps_for)
        extra = self._blocking_reasons()
        self.issues.show_issues(issues, extra)
        self.schedule_button.setEnabled(not has_errors(issues) and not extra and self.media.ready())

    def go_to_issue(self, issue) -> None:
        """Show what an issue is about: the picture, the thread part or the network's text."""
        if issue.media_index is not None and issue.media_index < len(self.media.media):
            self.media.list.setCurrentRow(issue.media_index)
            self.media.alt.setFocus()
        elif issue.part:
            editor = self.thread.editor(issue.part + 1)
            if editor is not None:
                editor.setFocus()
        elif issue.network in self.selected_networks():
            editor = self.tabs.editor(issue.network)
            self.tabs.setCurrentWidget(editor.parentWidget())
            editor.setFocus()

    def _blocking_reasons(self) -> list[str]:
        reasons = []
        if not self.selected_accounts():
            reasons.append(self.tr("Choose at least one account to schedule the post."))
        if not self.tabs.main.toPlainText().strip() and not self.media.media:
            reasons.append(self.tr("The post is empty."))
        resolved = self.schedule_box.resolved()
        if resolved is None:
            reasons.append(self.schedule_box.note.text())
        elif resolved.instant <= self._clock():
            reasons.append(self.tr("The planned time is in the past."))
        return reasons

    # -- saving ---------------------------------------------------------------------------
    def _collect(self) -> Post:
        """The post as the form shows it (a copy: the loaded post stays untouched until saved)."""
        post = Post.from_doc(self._post.to_doc())
        networks = self.selected_networks()
        post.text = self.tabs.main.toPlainText()
        post.variants = self.tabs.variants.stored(networks)
        post.thread = self.thread.parts
        post.media = list(self.media.media)
        post.tags = self.schedule_box.tag_list()
        post.campaign = self.schedule_box.campaign.text().strip()
        post.hand_off = self.schedule_box.hand_off.isChecked() and self.schedule_box.hand_off.isEnabled()
        post.zone = self.schedule_box.zone_name() or post.zone
        chosen = {a.id: a for a in self.selected_accounts()}
        # Targets that already left (or may have) stay, whatever the boxes say: dropping them
        # would forget a post that exists on the network. So do targets of accounts without a
        # box (disabled or removed): the user could not untick them.
        kept = [t for t in post.targets
                if t.account_id in chosen or t.account_id not in self._boxes or t.state not in WAITING]
        have = {t.account_id for t in kept}
        post.targets = kept + [Target(account_id=a.id, network=a.network)
                               for a in chosen.values() if a.id not in have]
        return post

    def _snapshot(self) -> dict:
        doc = self._collect().to_doc()
        doc.pop("updated_at", None)
        return doc

    def has_changes(self) -> bool:
        if self._baseline is None:
            return False
        if self._post_id is None and not (self.tabs.main.toPlainText().strip() or self.media.media):
            return False  # a new post with nothing written: ticking boxes is not work to lose
        return self._snapshot() != self._baseline

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: never drop unsaved work silently."""
        if self.has_changes() and not self.confirm_discard():
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.result() != QDialog.DialogCode.Accepted and self.has_changes() and not self.confirm_discard():
            event.ignore()
            return
        self._baseline = None  # asked once: reject() from the close must not ask again
        super().closeEvent(event)

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved post"), self.tr("Discard the changes to this post?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def save_draft(self) -> None:
        self._save(planner.unschedule(self._collect()))

    def schedule(self) -> None:
        self.refresh()
        if not self.schedule_button.isEnabled():
            return
        resolved = self.schedule_box.resolved()
        self._save(planner.schedule(self._collect(), resolved.instant, self.schedule_box.zone_name()))

    def _save(self, post: Post) -> None:
        self.save_draft_button.setEnabled(False)
        self.schedule_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        workspace = self._services.workspace

        def done(saved: Post) -> None:
            self._post = saved
            self._baseline = None  # saved: closing now loses nothing
            self.status.setText(self.tr("Saved."))
            self.saved.emit(saved.id)
            self.accept()

        def failed(error: BaseException) -> None:
            self.save_draft_button.setEnabled(True)
            self.refresh()
            self.status.setText(self.tr("Not saved: {error}").format(error=error))

        self._runner.run_storage(lambda: workspace.posts.save(post), done, failed, owner=self)
