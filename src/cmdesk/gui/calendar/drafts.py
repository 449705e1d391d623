# SPDX-License-Identifier: GPL-3.0-or-later
"""The side list of drafts: drag one onto a day to schedule it, drop a post here to unschedule."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cmdesk.gui.calendar.canvas import ViewContext
from cmdesk.gui.calendar.chip_list import ChipList


class DraftsPanel(QWidget):
    def __init__(self, ctx: ViewContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar-drafts")
        self.ctx = ctx
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        hint = QLabel(self.tr("Drag a draft onto a day to schedule it; drop a post here to "
                              "unschedule it, or pictures to start a draft."))
        hint.setWordWrap(True)
        hint.setForegroundRole(hint.foregroundRole().PlaceholderText)
        self.list = ChipList(ctx, with_dates=False)
        self.list.setObjectName("calendar-drafts-list")
        self.list.posts_dropped.connect(ctx.actions.unschedule)
        self.list.accepts_files = True  # pictures from the file manager become a new draft
        self.list.files_dropped.connect(lambda paths: ctx.actions.create_from_images(paths, None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        ctx.data.changed.connect(self.refresh)
        self.setMinimumWidth(170)
        self.refresh()

    def refresh(self) -> None:
        drafts = self.ctx.data.visible_drafts()
        self.title.setText(self.tr("Drafts ({count})").format(count=len(drafts)))
        self.list.set_chips(drafts)
