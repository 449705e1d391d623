# SPDX-License-Identifier: GPL-3.0-or-later
"""Chips in a list (agenda, drafts, a crowded day): one model row per post, one delegate painting
every row, so thousands of rows scroll like a plain list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

from cmdesk.core.model import utc_now
from cmdesk.gui.calendar.canvas import ViewContext, files_from_mime, ids_from_mime, posts_mime
from cmdesk.gui.calendar.chips import Chip, ChipPainter
from cmdesk.gui.calendar.filtering import state_of

ChipRole = Qt.ItemDataRole.UserRole + 1
ROW_H = 34
DATE_W = 150


class ChipListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chips: list[Chip] = []

    def set_chips(self, chips: list[Chip]) -> None:
        self.beginResetModel()
        self.chips = list(chips)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.chips)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        chip = self.chips[index.row()]
        if role == ChipRole:
            return chip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return chip.first_line
        if role == Qt.ItemDataRole.ToolTipRole:
            return chip.post.text
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [posts_mime([]).formats()[0]]

    def mimeData(self, indexes):
        return posts_mime([self.chips[i.row()].id for i in indexes if i.isValid()])

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction


class ChipDelegate(QStyledItemDelegate):
    def __init__(self, ctx: ViewContext, with_dates: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.with_dates = with_dates
        self._painter: ChipPainter | None = None

    def sizeHint(self, option, index) -> QSize:
        return QSize(120, ROW_H)  # the width follows the list; never a sideways scroll

    def paint(self, p, option, index) -> None:
        chip: Chip = index.data(ChipRole)
        if chip is None:
            return
        if self._painter is None:
            self._painter = ChipPainter(option.font, option.palette.color(
                QPalette.ColorRole.Highlight), option.palette.color(QPalette.ColorRole.Text))
        rect = QRect(option.rect)
        if self.with_dates:
            self._paint_date(p, option, index, chip, QRect(rect.left(), rect.top(), DATE_W,
                                                           rect.height()))
            rect.setLeft(rect.left() + DATE_W)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        now = utc_now()
        time_text = self.ctx.time_text(chip.local) if chip.planned_at else ""
        thumb = self.ctx.thumbs.get(chip.thumb) if chip.thumb else None
        p.save()
        p.setRenderHint(p.RenderHint.Antialiasing)
        self._painter.paint(p, rect.adjusted(2, 2, -4, -2), chip, state_of(chip.states, chip.planned_at, now),
                            time_text, thumb, selected=selected,
                            faded=chip.id in self.ctx.actions.clipboard)
        p.restore()

    def _paint_date(self, p, option, index, chip: Chip, rect: QRect) -> None:
        previous = index.siblingAtRow(index.row() - 1).data(ChipRole) if index.row() else None
        if previous is not None and previous.local.date() == chip.local.date():
            return  # the date heads its day's first row only
        day = chip.local.date()
        text = self.ctx.locale.toString(QDate(day.year, day.month, day.day), "ddd d MMM")
        p.save()
        font = option.font
        font.setBold(day == self.ctx.today())
        p.setFont(font)
        p.setPen(option.palette.color(QPalette.ColorRole.Text))
        p.drawText(rect.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        p.restore()


class ChipList(QListView):
    """A list of chips that drags posts out like the grids do and answers the same keys."""

    open_requested = Signal(str)
    posts_dropped = Signal(list)  # ids dropped here
    files_dropped = Signal(list)  # local paths dropped here, when accepts_files
    accepts_files = False

    def __init__(self, ctx: ViewContext, with_dates: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chip_model = ChipListModel(self)
        self.setModel(self.chip_model)
        self.setItemDelegate(ChipDelegate(ctx, with_dates, self))
        self.setUniformItemSizes(True)  # thousands of rows: no per-row size query
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.doubleClicked.connect(lambda i: self.open_requested.emit(i.data(ChipRole).id))
        ctx.thumbs.ready.connect(lambda _path: self.viewport().update())

    def selected_ids(self) -> list[str]:
        return [i.data(ChipRole).id for i in self.selectionModel().selectedRows()]

    def set_chips(self, chips: list[Chip]) -> None:
        keep = set(self.selected_ids())
        self.chip_model.set_chips(chips)
        for row, chip in enumerate(chips):
            if chip.id in keep:
                self.selectionModel().select(self.chip_model.index(row),
                                             self.selectionModel().SelectionFlag.Select)

    def _wanted(self, event) -> tuple[list[str], list[str]]:
        mime = event.mimeData()
        ids = ids_from_mime(mime) if event.source() is not self else []
        files = files_from_mime(mime) if self.accepts_files and not ids else []
        return ids, files

    def dragEnterEvent(self, event) -> None:
        if any(self._wanted(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        ids, files = self._wanted(event)
        if ids:
            self.posts_dropped.emit(ids)
        elif files:
            self.files_dropped.emit(files)
        else:
            event.ignore()
            return
        event.acceptProposedAction()

    def keyPressEvent(self, event) -> None:
        ids = self.selected_ids()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ids:
            self.open_requested.emit(ids[0])
        elif event.matches(QKeySequence.StandardKey.Delete) and ids:
            self.ctx.actions.delete(ids)
        elif event.matches(QKeySequence.StandardKey.Cut) and ids:
            self.ctx.actions.cut(ids)
            self.viewport().update()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.ctx.actions.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.ctx.actions.undo_stack.redo()
        else:
            super().keyPressEvent(event)


def chips_between(ctx: ViewContext, first, last) -> list[Chip]:
    """The visible chips of local days [first, last], in time order."""
    found: list[Chip] = []
    day = first
    while day <= last:
        found.extend(ctx.data.chips_on(day))
        day = day.fromordinal(day.toordinal() + 1)
    return found
