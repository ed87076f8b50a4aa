"""Helpers shared by the analysis panels: export (PNG and CSV from a context menu), class colours,
thumbnails of drawings and of rasters."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QWidget

from gui.gallery import render_thumbnail
from gui.markers import marker_for
from gui.panels._common import SteadyWrappedLabel  # noqa: F401 (the analysis panels import it from here)
from gui.panels._export import copy_key, copy_table
from gui.text import translate

try:  # the trainer's class colours (gui.core.dataset needs the engine's data exports)
    from gui.core.dataset import PALETTE
except ImportError:  # pragma: no cover - the same Okabe-Ito order
    PALETTE = (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#CC79A7",
        "#D55E00",
        "#56B4E9",
        "#8C6D31",
        "#7F7F7F",
        "#B8860B",
    )

TITLE_STYLE = "font-weight: 600;"


def class_colours(classes: Sequence) -> tuple[list[str], list[str]]:
    """(names, colours) from a list of names or of (name, colour) pairs; names get PALETTE colours."""
    names, colours = [], []
    for i, c in enumerate(classes):
        if isinstance(c, str):
            names.append(c)
            colours.append(PALETTE[i % len(PALETTE)])
        else:
            names.append(str(c[0]))
            colours.append(str(c[1]))
    return names, colours


def raster_pixmap(img: np.ndarray, scale: int = 3, border: str | None = None) -> QPixmap:
    """An (S, S) ink raster (1 = ink) as black ink on white paper, scaled up with square pixels."""
    a = np.clip(np.asarray(img, np.float32), 0.0, 1.0)
    g = np.ascontiguousarray((255 - a * 255).round().astype(np.uint8))
    h, w = g.shape
    qimg = QImage(g.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    pm = QPixmap.fromImage(
        qimg.scaled(
            w * scale,
            h * scale,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    )
    if border:
        from PySide6.QtGui import QPainter, QPen

        p = QPainter(pm)
        p.setPen(QPen(QColor(border), 2))
        p.drawRect(1, 1, pm.width() - 2, pm.height() - 2)
        p.end()
    return pm


def drawing_pixmap(drawing, colour: str, size: int = 56, marker: str | None = None) -> QPixmap:
    """The gallery's thumbnail of a drawing (strokes), with its class colour bar and marker."""
    return render_thumbnail(drawing.strokes, colour, size, marker=marker)


def class_marker(names: Sequence[str], label: str) -> str | None:
    """The marker (gui/markers.py) of class `label` by its place in `names`; None for an unknown class."""
    return marker_for(list(names).index(label)) if label in names else None


def write_csv(path: str, header: Sequence[str], rows: Sequence[Sequence]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(list(header))
        for r in rows:
            w.writerow(list(r))


def export_png(widget: QWidget, path: str) -> bool:
    """Save what the widget shows now as a PNG (device pixels)."""
    return widget.grab().save(path, "PNG")


def install_export_menu(panel: QWidget, name: str, csv_data: Callable[[], tuple[list, list]] | None) -> None:
    """Right-click anywhere on `panel` (outside lists that have their own menu): "Save panel as PNG…" and,
    when `csv_data` is given, "Save plotted data as CSV…" (csv_data() -> (header, rows)) and "Copy numbers"
    (`panel.copy_numbers()`, also Ctrl+C in the Analysis window while this tab is shown)."""
    panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    if csv_data is not None:
        panel.copy_numbers = lambda: copy_table(panel, *csv_data())

    def menu(pos) -> None:
        m = QMenu(panel)
        m.addAction(translate("Analysis", "Save panel as PNG…"), lambda: _ask_png(panel, name))
        if csv_data is not None:
            m.addAction(
                translate("Analysis", "Save plotted data as CSV…"), lambda: _ask_csv(panel, name, csv_data)
            )
            # the key: the window's shortcut
            m.addAction(translate("Analysis", "Copy numbers") + f"\t{copy_key()}", panel.copy_numbers)
        m.popup(panel.mapToGlobal(pos))

    panel.customContextMenuRequested.connect(menu)
    panel.export_menu_name = name  # for tests and the lead's menus


def _ask_png(panel: QWidget, name: str) -> None:
    path, _ = QFileDialog.getSaveFileName(
        panel,
        translate("Analysis", "Save panel as PNG"),
        f"{name}.png",
        translate("Analysis", "PNG image (*.png)"),
    )
    if path:
        export_png(panel, path)


def _ask_csv(panel: QWidget, name: str, csv_data) -> None:
    path, _ = QFileDialog.getSaveFileName(
        panel, translate("Analysis", "Save data as CSV"), f"{name}.csv", translate("Analysis", "CSV (*.csv)")
    )
    if path:
        header, rows = csv_data()
        write_csv(path, header, rows)


def heading(text: str, explain: str = "") -> tuple[QLabel, QLabel | None]:
    title = QLabel(text)
    title.setWordWrap(True)
    if not explain:
        return title, None
    ex = QLabel(explain)
    ex.setWordWrap(True)
    ex.setStyleSheet("color: #444;")
    return title, ex


MODEL_NOTE_STYLE = "color: #5d4037; background: #fff8e1; border: 1px solid #e0c080; padding: 2px 4px;"


def model_note_label(text: str = "") -> QLabel:
    """The label ("modelNote") in which a panel says which model its numbers belong to: untrained
    (random weights), after epoch N of a run, or loaded from a file. Its height does not shrink while the
    note changes with each epoch (SteadyWrappedLabel)."""
    label = SteadyWrappedLabel(text)
    label.setObjectName("modelNote")
    label.setStyleSheet(MODEL_NOTE_STYLE)
    label.setToolTip(translate(
        "Analysis",
        "Which model these numbers come from: untrained (random weights), after which epoch\nof which run, "
        "or loaded from which file.",
    ))
    return label


def percent(x: float) -> str:
    if x != x:  # NaN
        return "—"
    return f"{100 * x:.0f}%"


class IconFiller(QObject):
    """Sets list items' icons a few at a time from a zero-delay timer, so that filling a long list with
    drawing thumbnails (about 1.5 ms each) never blocks the GUI thread for long."""

    PER_TICK = 4

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._queue: list = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    def clear(self) -> None:
        self._queue.clear()
        self._timer.stop()

    def add(self, item, make_icon: Callable) -> None:
        self._queue.append((item, make_icon))
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        while self._queue:
            self._tick()

    def _tick(self) -> None:
        for _ in range(min(self.PER_TICK, len(self._queue))):
            item, make_icon = self._queue.pop(0)
            try:
                icon = make_icon()
                if icon is not None:
                    item.setIcon(icon)
            except RuntimeError:  # the item was deleted meanwhile
                pass
        if not self._queue:
            self._timer.stop()


class RenderWhenShown(QObject):
    """Calls `render` at once while `widget` is on screen; otherwise once, just after it is next shown (in
    the next turn of the event loop, so that showing the panel and bringing it up to date are two short
    pieces of GUI work rather than one long one). Hidden panels so cost the GUI thread nothing until
    someone looks at them. The event filter that watches for the Show is installed only while a render
    is pending: every event through a Python filter has to take the interpreter lock, which the training
    thread holds most of the time.

    `before_paint=True`: a pending render runs in the Show event itself, before the panel's first paint,
    for a panel whose render only hands new data to its items (cheap) while its paint is the expensive
    part: rendering after the first paint would paint the panel twice in two turns back to back, the
    first time with what it showed before it was hidden."""

    def __init__(self, widget: QWidget, render: Callable[[], None], before_paint: bool = False):
        super().__init__(widget)
        self._widget, self._render, self._pending = widget, render, False
        self._before_paint = before_paint
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._render_if_pending)

    def request(self, *_args) -> None:
        if self._widget.isVisible():
            self._set_pending(False)
            self._render()
        else:
            self._set_pending(True)

    def _set_pending(self, pending: bool) -> None:
        if pending and not self._pending:
            self._widget.installEventFilter(self)
        elif not pending and self._pending:
            self._widget.removeEventFilter(self)
        self._pending = pending

    def _render_if_pending(self) -> None:
        if self._pending and self._widget.isVisible():
            self._set_pending(False)
            self._render()

    def eventFilter(self, obj, event) -> bool:
        if obj is self._widget and event.type() == QEvent.Type.Show and self._pending:
            if self._before_paint:
                self._set_pending(False)
                self._render()
            else:
                self._later.start(0)
        return False
