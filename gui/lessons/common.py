"""What every lesson shares: a title, the lecture's words, numbered steps with Previous / Next, and the
current model, drawing and dataset (set by the LessonsView)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.lessons._engine import rasterize
from gui.text import QT_TRANSLATE_NOOP, translate
from gui.widget_tree import descendants

BACKGROUND = "#ffffff"
FOREGROUND = "#202020"
HIGHLIGHT = "#ffd54f"  # the cells being worked on
DONE = "#e3f2fd"  # cells already computed
CLASS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")


def fmt(value: float, digits: int = 4) -> str:
    """A number for people: integers without decimals, others with a few significant digits."""
    v = float(value)
    if v == int(v) and abs(v) < 1e9:
        return str(int(v))
    return f"{v:.{digits}g}"


class Lesson(QWidget):
    """Base: header (title, lecture quote, explanation), a body for the subclass, step navigation.

    Subclasses set `steps` (captions), build their body in `self.body` and implement `show_step(n)`.
    """

    stepChanged = Signal(int)
    trainRequested = Signal()  # the "Train the network now" button beside an untrained model's note

    title = QT_TRANSLATE_NOOP("Lesson", "Lesson")
    lecture = ""  # the lecture's own words this lesson is about
    steps: list[str] = ["—"]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = 0
        self.model = None  # a private copy of the app's model (Sequential) or None
        self.trained = False  # whether that model has been trained (or loaded from a file)
        self.note_text = translate("Lesson", "No model yet")
        self.classes: list[str] = []
        self.strokes: list[np.ndarray] = []
        self.drawings: list = []
        self.dataset_classes: list[str] = []

        # sizes relative to the widget's font, so the large-text option scales everything
        context = type(self).__name__  # the lesson's own texts are marked with its class name as context
        title = translate(context, self.title)
        self.heading = QLabel(f"<span style='font-size:x-large'><b>{title}</b></span>")
        self.quote = QLabel(
            translate("Lesson", "<i>Lecture:</i> {lecture}").format(lecture=translate(context, self.lecture))
            if self.lecture else ""
        )
        self.quote.setWordWrap(True)
        self.quote.setVisible(bool(self.lecture))
        self.caption = QLabel()
        self.caption.setObjectName("stepCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setFrameShape(QFrame.Shape.Box)
        self.caption.setMargin(6)
        self.caption.setAutoFillBackground(True)
        palette = self.caption.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff8e1"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(FOREGROUND))
        self.caption.setPalette(palette)
        self.model_note = QLabel()
        self.model_note.setObjectName("modelNote")
        self.model_note.setWordWrap(True)
        # a palette and a frame, not a style sheet: a style sheet would stop the large-text font reaching it
        self.model_note.setTextFormat(Qt.TextFormat.RichText)
        self.model_note.setFrameShape(QFrame.Shape.Box)
        self.model_note.setMargin(3)
        self.model_note.setAutoFillBackground(True)
        note_palette = self.model_note.palette()
        note_palette.setColor(QPalette.ColorRole.Window, QColor("#fff3e0"))
        note_palette.setColor(QPalette.ColorRole.WindowText, QColor("#4e342e"))
        self.model_note.setPalette(note_palette)
        self.model_note.setToolTip(translate(
            "Lesson",
            "Which network this lesson shows: untrained (random weights), after which epoch of which run, "
            "or loaded from which file.",
        ))
        self.train_button = QPushButton(translate("Lesson", "Train the network now"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setToolTip(translate(
            "Lesson",
            "Start training in the main window (its Train button); this lesson follows the network as it "
            "learns",
        ))
        self.train_button.clicked.connect(self._train_clicked)
        self.training = False  # the app's network is being trained now
        note_row = QHBoxLayout()
        note_row.addWidget(self.model_note, 1)
        note_row.addWidget(self.train_button)
        self.body = QWidget()
        self.prev_button = QPushButton(translate("Lesson", "◀ Previous step"))
        self.prev_button.setObjectName("previousStepButton")
        self.prev_button.setToolTip(translate("Lesson", "Go back one step (Left arrow or Page Up)"))
        self.next_button = QPushButton(translate("Lesson", "Next step ▶"))
        self.next_button.setObjectName("nextStepButton")
        self.next_button.setToolTip(translate("Lesson", "Take the next step (Right arrow or Page Down)"))
        self.step_label = QLabel()
        self.prev_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.play_button = QPushButton(translate("Lesson", "▶ Play"))
        self.play_button.setObjectName("playButton")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(translate("Lesson", "Take the steps one after the other by itself"))
        self.play_button.toggled.connect(self._play_toggled)
        self._dirty = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(40)
        self._refresh_timer.timeout.connect(self.refresh)
        self.play_timer = QTimer(self)
        self.play_timer.setInterval(900)
        self.play_timer.timeout.connect(self._play_tick)

        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.step_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.play_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.quote)
        layout.addWidget(self.caption)
        layout.addLayout(note_row)
        layout.addWidget(self.body, 1)
        layout.addLayout(nav)

    # -- steps ----------------------------------------------------------------------------------
    @property
    def step_count(self) -> int:
        return len(self.steps)

    def next_step(self) -> None:
        self.set_step(self.step + 1)

    def previous_step(self) -> None:
        self.set_step(self.step - 1)

    def _play_toggled(self, on: bool) -> None:
        self.play_button.setText(translate("Lesson", "❚❚ Pause") if on else translate("Lesson", "▶ Play"))
        if on:
            if self.step >= self.step_count - 1 and not self.repeats:
                self.set_step(0)
            self.play_timer.start()
        else:
            self.play_timer.stop()

    def _play_tick(self) -> None:
        if self.step >= self.step_count - 1 and not self.repeats:
            self.play_button.setChecked(False)
            return
        self.next_step()

    def hideEvent(self, event) -> None:
        self.play_button.setChecked(False)  # nothing runs in a lesson nobody sees
        super().hideEvent(event)

    def set_step(self, n: int) -> None:
        n = max(0, min(int(n), self.step_count - 1))
        self.step = n
        self.step_label.setText(translate("Lesson", "Step {value} of {step_count}").format(
            value=n + 1,
            step_count=self.step_count,
        ))
        self.caption.setText(self.step_text(n))
        self.prev_button.setEnabled(n > 0)
        self.next_button.setEnabled(n < self.step_count - 1 or self.repeats)
        self._show_note(n)
        self.show_step(n)
        self.stepChanged.emit(n)

    def step_text(self, n: int) -> str:
        """Step `n`'s caption in the interface's language (`steps` are marked with the class name as context;
        a caption built at run time is translated already and comes back as it is)."""
        return translate(type(self).__name__, self.steps[n])

    repeats = False  # True: Next on the last step keeps going (e.g. another training step)

    def show_step(self, n: int) -> None:  # pragma: no cover - overridden
        pass

    def shows_model(self, n: int) -> bool:
        """Whether step n shows the app's network (then its note is shown, and the Train button while it
        is untrained). Lessons with their own small networks and worked numbers return False."""
        return False

    def needs_training(self, n: int) -> bool:
        """Whether step n means something only with a trained network (it then says so instead of showing
        random weights as learned)."""
        return self.shows_model(n)

    def untrained(self) -> bool:
        return self.model is None or not self.trained

    def _show_note(self, n: int) -> None:
        shows = self.shows_model(n)
        self.model_note.setVisible(shows)
        if self.model is None:
            text = translate("Lesson", "No network yet: train one in the main window (or open a model file).")
        elif not self.trained:
            text = (translate(
                "Lesson",
                "This step shows the app's network. It is <b>{note_text}</b>: it has learned nothing yet",
            ).format(
                note_text=self.note_text,
            ) + (translate("Lesson", ", so its answers here mean nothing. Train it first.")
                                     if self.needs_training(n) else "."))
        else:
            text = translate("Lesson", "The app's network: <b>{note_text}</b>.").format(
                note_text=self.note_text,
            )
        self.model_note.setText(text)
        self.train_button.setVisible(shows and self.untrained() and not self.training)

    def _train_clicked(self) -> None:
        self.training = True  # until the window says otherwise: no second request
        self.train_button.setVisible(False)
        self.trainRequested.emit()

    def set_model_note(self, text: str, trained: bool = True, training: bool = False) -> None:
        """Which model this is, in words ("Untrained (random weights)", "After epoch 3 of 10 · 1,017 steps",
        "Loaded from shapes.npz"), whether it is trained, and whether it is being trained now (then there
        is no Train button)."""
        changed = (text, bool(trained)) != (self.note_text, self.trained)
        self.note_text, self.trained, self.training = str(text), bool(trained), bool(training)
        self._show_note(self.step)
        if changed:
            self.model_changed()

    def refresh(self) -> None:
        """Re-show the current step now."""
        self._dirty = False
        self.set_step(self.step)

    def request_refresh(self) -> None:
        """Re-show the current step soon: at most ~25 times a second while visible, and only when shown
        again while hidden (the app may send a new drawing on every pen movement)."""
        if not self.isVisible():
            self._dirty = True
            return
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            scale_plot_text(self, self.font().pointSizeF())

    # -- inputs from the app --------------------------------------------------------------------
    def set_model(self, model, classes) -> None:
        self.model = model
        self.classes = list(classes or [])
        self.model_changed()

    def set_drawing(self, strokes) -> None:
        self.strokes = [np.asarray(s, dtype=np.float64) for s in (strokes or []) if len(s)]
        self.drawing_changed()

    def set_dataset(self, drawings, classes) -> None:
        self.drawings = list(drawings or [])
        self.dataset_classes = list(classes or [])
        self.dataset_changed()

    def model_changed(self) -> None:
        self.request_refresh()

    def drawing_changed(self) -> None:
        self.request_refresh()

    def dataset_changed(self) -> None:
        pass

    def raster(self) -> np.ndarray | None:
        """The current drawing as the model sees it: (28, 28) float32, or None without a drawing."""
        if not self.strokes:
            return None
        size = self.model.input_shape[-1] if self.model is not None else 28
        return rasterize(self.strokes, size)


# -- small widgets ------------------------------------------------------------------------------


CHART_HEADER = (QT_TRANSLATE_NOOP("Lesson", "chart"), QT_TRANSLATE_NOOP("Lesson", "series"), "x", "y",
                QT_TRANSLATE_NOOP("Lesson", "value"))


def _chart_name(view: pg.GraphicsView, item) -> str:
    """What a chart is called: its plot's title, else the view's accessible name or tooltip."""
    parent = item.parentItem()
    while parent is not None and not isinstance(parent, pg.PlotItem):
        parent = parent.parentItem()
    title = parent.titleLabel.text if parent is not None else ""
    name = title or view.accessibleName() or view.toolTip() or view.objectName()
    return QTextDocumentFragment.fromHtml(name).toPlainText().strip()


def _finite(values) -> np.ndarray:
    return np.asarray(values if values is not None else [], dtype=np.float64).ravel()


def chart_rows(root: QWidget) -> list[list]:
    """The numbers the charts and number tables under `root` show, one row each (`CHART_HEADER`): a curve's
    or scatter's points (x, y), a bar chart's bars (x, height), a picture's pixels and a table's cells
    (x = column, y = row, value). What Ctrl+C copies in the Lessons window (LessonsView.copy_numbers)."""
    rows: list[list] = []
    for widget in [root, *descendants(root)]:
        if isinstance(widget, QTableWidget):
            name = widget.accessibleName() or widget.toolTip() or widget.objectName()
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    item = widget.item(r, c)
                    if item is not None and item.text():
                        rows.append([name, "", c, r, item.text()])
        if not isinstance(widget, pg.GraphicsView) or widget.scene() is None:
            continue
        counts: dict[str, int] = {}
        for item in widget.scene().items(Qt.SortOrder.AscendingOrder):
            if not item.isVisible():
                continue
            chart = _chart_name(widget, item)
            if isinstance(item, pg.PlotDataItem):
                x, y = item.getData()
            elif isinstance(item, pg.ScatterPlotItem) and not isinstance(item.parentItem(), pg.PlotDataItem):
                x, y = item.getData()
            elif isinstance(item, pg.BarGraphItem):
                x, y = item.opts.get("x"), item.opts.get("height")
            elif isinstance(item, pg.ImageItem) and item.image is not None:
                image = np.asarray(item.image, dtype=np.float64)
                if image.ndim != 2:
                    continue
                counts[chart] = counts.get(chart, 0) + 1
                series = translate("Lesson", "picture {n}").format(n=counts[chart])
                rows += [[chart, series, c, r, fmt(image[r, c])]
                         for r in range(image.shape[0]) for c in range(image.shape[1])]
                continue
            else:
                continue
            x, y = _finite(x), _finite(y)
            if not len(x) or len(x) != len(y):
                continue
            counts[chart] = counts.get(chart, 0) + 1
            series = (item.name() if isinstance(item, pg.PlotDataItem) else None) or translate(
                "Lesson", "series {n}").format(n=counts[chart])
            rows += [[chart, series, fmt(a), fmt(b), ""] for a, b in zip(x, y, strict=True)]
    return rows


def scale_plot_text(root: QWidget, point_size: float) -> None:
    """Give the numbers and words inside every pyqtgraph plot under `root` the widget text's size: axis
    tick numbers and axis labels at `point_size`, plot titles a little larger (pyqtgraph does not follow
    the widget font by itself, so large text would leave them small)."""
    if point_size <= 0:
        return
    font = QFont(root.font())
    font.setPointSizeF(point_size)
    for view in descendants(root, pg.GraphicsView):
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                item.setStyle(tickFont=QFont(font))
                if item.label is not None:
                    item.label.setFont(QFont(font))
                if item.orientation in ("left", "right"):
                    item.setWidth(None)  # None: fit the wider numbers again
                else:
                    item.setHeight(None)
            elif isinstance(item, pg.TextItem):
                item.setFont(QFont(font))
            elif isinstance(item, pg.LabelItem) and item.text:
                item.setText(item.text, size=f"{point_size * 1.1:.1f}pt")


class NumberGrid(QTableWidget):
    """A small grid of numbers (optionally editable) whose cells can be highlighted."""

    def __init__(self, rows: int, cols: int, *, editable: bool = False, cell: int = 56,
                 parent: QWidget | None = None):
        super().__init__(rows, cols, parent)
        self._editable = editable
        self._cell = cell
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if not editable:
            self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self._fit()

    TEXT_SCALE = 1.4  # numbers in the grids are larger than the text around them

    def item_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self.TEXT_SCALE)
        return font

    def _fit(self) -> None:
        font = self.item_font()
        fm = QFontMetrics(font)
        cell = max(self._cell, fm.horizontalAdvance("−000") + 14, fm.height() + 14)
        self.cell_size = cell
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                if item is not None:
                    item.setFont(font)
        for r in range(self.rowCount()):
            self.setRowHeight(r, cell)
        for c in range(self.columnCount()):
            self.setColumnWidth(c, cell)
        self.setFixedSize(cell * self.columnCount() + 2 * self.frameWidth(),
                          cell * self.rowCount() + 2 * self.frameWidth())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()

    def resize_grid(self, rows: int, cols: int) -> None:
        self.setRowCount(rows)
        self.setColumnCount(cols)
        self._fit()

    def set_values(self, values, blank_from: int | None = None) -> None:
        """Fill the grid from a 2-D array; cells with flat index ≥ blank_from are left empty."""
        values = np.atleast_2d(np.asarray(values, dtype=np.float64))
        if values.shape != (self.rowCount(), self.columnCount()):
            self.resize_grid(*values.shape)
        self.blockSignals(True)
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                k = r * values.shape[1] + c
                text = "" if blank_from is not None and k >= blank_from else fmt(values[r, c])
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setFont(self.item_font())
                    self.setItem(r, c, item)
                item.setText(text)
                item.setBackground(QColor(BACKGROUND))
        self.blockSignals(False)

    def values(self) -> np.ndarray:
        """The numbers in the grid (empty or unreadable cells count as 0)."""
        out = np.zeros((self.rowCount(), self.columnCount()))
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                item = self.item(r, c)
                try:
                    out[r, c] = float(item.text().replace("−", "-")) if item and item.text() else 0.0
                except ValueError:
                    out[r, c] = 0.0
        return out

    def highlight(self, cells, colour: str = HIGHLIGHT) -> None:
        self.blockSignals(True)  # a colour is no edit
        for r, c in cells:
            item = self.item(r, c)
            if item is not None:
                item.setBackground(QColor(colour))
        self.blockSignals(False)

    def clear_highlight(self) -> None:
        cells = [(r, c) for r in range(self.rowCount()) for c in range(self.columnCount())]
        self.highlight(cells, BACKGROUND)

    def highlighted(self, colour: str = HIGHLIGHT) -> list[tuple[int, int]]:
        """The cells currently shown in `colour` (tests read the animation from this)."""
        want = QColor(colour)
        return [(r, c) for r in range(self.rowCount()) for c in range(self.columnCount())
                if self.item(r, c) is not None and self.item(r, c).background().color() == want]

    def texts(self) -> list[list[str]]:
        return [[self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
                for r in range(self.rowCount())]


def image_plot(title: str, *, cmap: str = "diverging", levels=(-1, 1), bar_label: str | None = None):
    """A non-interactive pyqtgraph GraphicsLayoutWidget with one image (row 0 at the top) and a colour bar.

    Returns (widget, image_item, colour_bar or None).
    """
    from gui.panels._common import DIVERGING, INK, colormap

    widget = pg.GraphicsLayoutWidget()
    widget.setBackground(BACKGROUND)
    widget.ci.addLabel(title, row=0, col=0, colspan=2, color=FOREGROUND, size="10pt")
    view = widget.ci.addViewBox(row=1, col=0, enableMenu=False)
    view.setAspectLocked(True)
    view.invertY(True)
    view.setMouseEnabled(False, False)
    image = pg.ImageItem(axisOrder="row-major")
    view.addItem(image)
    cm = colormap(DIVERGING) if cmap == "diverging" else colormap(INK, reverse=True)  # ink is black
    bar = None
    if bar_label is not None:
        bar = pg.ColorBarItem(values=levels, colorMap=cm, interactive=False, colorMapMenu=False, width=12,
                              pen=FOREGROUND)
        bar.axis.enableAutoSIPrefix(False)
        bar.axis.setTextPen(FOREGROUND)
        bar.axis.setLabel(bar_label, color=FOREGROUND)
        widget.ci.addItem(bar, row=1, col=1)
        bar.setImageItem(image)
    else:
        image.setColorMap(cm)
    image.setLevels(levels)
    widget.view = view
    return widget, image, bar


def ink_image(widget_title: str):
    """An image plot for a drawing's raster: 0 = paper (white), 1 = ink (black), with its scale."""
    return image_plot(
        widget_title, cmap="ink", levels=(0, 1), bar_label=translate("Lesson", "ink (0 = paper, 1 = full)")
    )
