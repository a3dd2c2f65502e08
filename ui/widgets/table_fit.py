"""Tables that fit their room: every column of figures as wide as its header and its figures need,
the columns of words (names, owners, kinds) sharing the room left and wrapping onto more lines
rather than being cut, each row as tall as its text.

When a table is fitted:

- when its room changes: shown, the window resized, columns shown or hidden, rows added or
  removed. Every row may then change height: the person changed the layout, not a cell.
- when an edit changes text, only the rows whose text it changed are measured again: a figure
  that moves in another row (a total, a rename on another step) never changes a row's height,
  so a click lands in the row it was aimed at.

A column of figures keeps room for one more digit and its separator, so a total that grows as
the person types takes no room from the names; a figure that outgrows even that fits the table
again. When even the narrowest layout (each long word on a line of its own) is wider than the
room, the table scrolls sideways and each cell's tooltip holds its whole text: the last resort.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

FIT_ROWS = 300  # rows measured one by one (a sensitivity table of 20,000 rows would take seconds): the rest fixed
HEADER_PADDING = 14  # a header section's padding (6 px a side in ui.style), its border and a pixel to spare
CELL_PADDING = 8  # a cell's margins (3 px a side), its grid line and a pixel to spare
MORE = "0,"  # the room kept in a column of figures: one more digit and its separator
Index = QModelIndex | QPersistentModelIndex


def header_font(font: QFont) -> QFont:
    """The column headers' type as ui.style draws them (14 px, semibold)."""
    font = QFont(font)
    font.setPixelSize(14)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def shared_out(low: dict[int, int], high: dict[int, int], room: int) -> dict[int, int]:
    """Widths between ``low`` and ``high`` adding up to ``room`` (at least ``low``): what is left
    over the lows shared in proportion to what each column would still take."""
    left = room - sum(low.values())
    wants = {c: high[c] - low[c] for c in low}
    wanted = sum(wants.values())
    if left <= 0 or wanted <= 0:
        return dict(low)
    if left >= wanted:
        return dict(high)
    widths = {c: low[c] + left * wants[c] // wanted for c in low}
    rest = room - sum(widths.values())
    for column in sorted(wants, key=lambda c: -wants[c]):  # the pixels lost to rounding, to the neediest
        if rest <= 0:
            break
        if widths[column] < high[column]:
            widths[column] += 1
            rest -= 1
    return widths


def cell_text(model: QAbstractItemModel) -> Callable[[int, int], str]:
    """How to read the text a cell shows: the model's own ``display_text(row, column)`` where it has
    one (a Python call), else its display data through Qt."""
    own = getattr(model, "display_text", None)
    if own is not None:
        return own
    return lambda row, column: str(model.index(row, column).data() or "")


class TableFit(QObject):
    """Keeps ``view``'s columns and rows fitted (see the module's description).

    ``words``: the columns whose text wraps (the others hold figures or short choices, on one line);
    ``fill``: the column given the room no column needs (None: shared by every column);
    ``fitted``: called after the rows changed height (a table sized to its rows follows them);
    ``beyond``: in a table of more than ``FIT_ROWS`` rows (measuring each would take seconds), each
    row this many lines high (None: as they are)."""

    def __init__(
        self,
        view: QTableView,
        words: Collection[int] | Callable[[], Collection[int]] = (0,),
        *,
        fill: int | None = 0,
        fitted: Callable[[], None] | None = None,
        header_padding: int = HEADER_PADDING,
        cell_padding: int = CELL_PADDING,
        beyond: int | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self._words = words
        self.fill = fill
        self.fitted = fitted
        self.header_padding = header_padding
        self.cell_padding = cell_padding
        self.beyond = beyond
        self.stale = True  # fitted again when next shown
        self.room = -1  # the viewport width the columns were fitted to
        # the text each cell was last measured with: a cell whose text is the same is not measured again,
        # and a row is measured again only when the words or the lines of one of its cells changed
        self.measured: dict[tuple[int, int], str] = {}
        view.setWordWrap(True)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        view.installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.schedule)
        model.dataChanged.connect(self.cells_changed)
        model.headerDataChanged.connect(
            lambda orientation, *_: self.schedule() if orientation == Qt.Orientation.Horizontal else None
        )

    # --- when ----------------------------------------------------------------------------
    def words(self) -> Collection[int]:
        return self._words() if callable(self._words) else self._words

    def schedule(self, *_: object) -> None:
        """Fit on the event loop's next turn (once for a burst of changes), or when next shown."""
        self.stale = True
        if self.view.isVisible():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.view and self.stale:
            self.fit()
        elif kind == QEvent.Type.Resize and watched is self.viewport and self.viewport.width() != self.room:
            self.schedule()
        return False

    def cells_changed(self, top_left: Index, bottom_right: Index, *_: object) -> None:
        """An edit: the rows whose words or lines changed measured again (a new figure of the same
        lines measures nothing), or the table fitted again when a text no longer fits its column."""
        if not self.view.isVisible() or self.stale:
            self.schedule()
            return
        model, words = self.view.model(), self.words()
        rows = range(top_left.row(), min(bottom_right.row(), FIT_ROWS) + 1)
        columns = [c for c in range(top_left.column(), bottom_right.column() + 1) if not self.view.isColumnHidden(c)]
        metrics, text_of = self.view.fontMetrics(), cell_text(model)
        changed: set[int] = set()
        for column in columns:
            room = self.view.columnWidth(column) - self.cell_padding
            wraps = column in words
            for row in rows:
                text = text_of(row, column)
                before = self.measured.get((row, column))
                if text == before:
                    continue
                self.measured[row, column] = text
                pieces = text.split() if wraps else text.split("\n")
                if any(metrics.horizontalAdvance(piece) > room for piece in pieces):
                    self.schedule()
                    return
                if wraps or "\n" in text or (before is not None and "\n" in before):
                    changed.add(row)
        if model.rowCount() > FIT_ROWS or not changed:
            return
        heights = {row: self.view.rowHeight(row) for row in changed}
        for row in sorted(changed):
            self.view.resizeRowToContents(row)
        if any(self.view.rowHeight(row) != height for row, height in heights.items()) and self.fitted is not None:
            self.fitted()

    def _remember(self) -> None:
        """The texts every row was just measured with."""
        model = self.view.model()
        text_of = cell_text(model)
        self.measured = {
            (row, column): text_of(row, column)
            for row in range(min(model.rowCount(), FIT_ROWS))
            for column in range(model.columnCount())
            if not self.view.isColumnHidden(column)
        }

    # --- how -----------------------------------------------------------------------------
    def fit(self) -> None:
        """Every column fitted to the room, then every row to its text."""
        self.timer.stop()
        if not self.view.isVisible():
            self.stale = True
            return
        self.stale = False
        self.room = self.viewport.width()
        widths = self.widths(self.room)
        for column, width in widths.items():
            if self.view.columnWidth(column) != width:
                self.view.setColumnWidth(column, width)
        self.fit_rows()

    def fit_rows(self) -> None:
        if self.view.model().rowCount() <= FIT_ROWS:
            self.view.resizeRowsToContents()
            self._remember()
        elif self.beyond is not None:
            self.view.verticalHeader().setDefaultSectionSize(self.beyond * self.view.fontMetrics().lineSpacing() + 14)
        if self.fitted is not None:
            self.fitted()

    def needs(self, column: int, more: bool = True) -> tuple[int, int]:
        """(narrowest, widest) width of a column: its header's longest line, and its text's longest
        word (words) or longest line with room for one more digit (figures; ``more``), then its whole lines."""
        model = self.view.model()
        heading = QFontMetrics(header_font(self.view.horizontalHeader().font()))
        metrics = self.view.fontMetrics()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header = max((heading.horizontalAdvance(line) for line in title.split("\n")), default=0) + self.header_padding
        texts = [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), FIT_ROWS))]
        lines = max((metrics.horizontalAdvance(line) for text in texts for line in text.split("\n")), default=0)
        if column in self.words():
            word = max((metrics.horizontalAdvance(w) for text in texts for w in text.split()), default=0)
            return max(header, word + self.cell_padding), max(header, lines + self.cell_padding)
        figures = more and any(ch.isdigit() for text in texts for ch in text)
        room = lines + self.cell_padding + (metrics.horizontalAdvance(MORE) if figures else 0)
        return max(header, room), max(header, room)

    def widths(self, room: int) -> dict[int, int]:
        shown = [c for c in range(self.view.model().columnCount()) if not self.view.isColumnHidden(c)]
        if not shown:
            return {}
        words = [c for c in shown if c in self.words()]
        needs = {c: self.needs(c) for c in shown}
        if sum(needs[c][0] for c in shown) > room:  # too tight to keep room for more digits: the figures as they are
            needs = {c: self.needs(c, more=False) for c in shown}
        fixed = sum(needs[c][0] for c in shown if c not in words)
        low = {c: needs[c][0] for c in words}
        high = {c: needs[c][1] for c in words}
        widths = {c: needs[c][0] for c in shown if c not in words}
        widths.update(shared_out(low, high, room - fixed))
        extra = room - sum(widths.values())
        if extra > 0:  # the room no column needs: to the fill column, else shared by all
            takers = [self.fill] if self.fill in shown else shown
            for index, column in enumerate(takers):
                widths[column] += extra // len(takers) + (1 if index < extra % len(takers) else 0)
        return widths
