"""Drawing and labelling in the main window: the canvas drawing added to a class, drawings deleted, undone
or opened in the canvas, and the dataset shown in the classes palette, the gallery, the title and the
status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from gui.core.dataset import StateError


class Labelling(QObject):
    """Handles the canvas, palette, gallery and dataset signals of `window` (a `MainWindow`)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._write_timer = QTimer(self)  # watches background rewrites of the dataset file
        self._write_timer.setInterval(200)
        self._write_timer.timeout.connect(self._check_writes)

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.messages.status(text, timeout)

    def canvas_changed(self) -> None:
        w = self.window
        w.predictor.request(w.canvas.strokes())
        w.side_windows.show_canvas_drawing()

    def add_by_index(self, index: int) -> None:
        names = self.window.state.class_names()
        if index < len(names):
            self.add_current_drawing(names[index])
        else:
            self._status(f"There is no class {index + 1}: add one under Classes.", 4000)

    def add_current_drawing(self, label: str) -> None:
        """Add the canvas drawing to class `label`: saved to disk at once, then the canvas is cleared."""
        w = self.window
        if w.canvas.is_empty():
            self._status("Draw a shape on the canvas first, then add it to a class.", 4000)
            return
        try:
            w.state.add_drawing(w.canvas.strokes(), label)
        except (StateError, ValueError) as exc:
            w.messages.warn("Could not add the drawing", str(exc))
            return
        except OSError as exc:
            w.messages.error(
                "Could not save the drawing", f"{w.state.path}: {exc}\nThe drawing stays on the canvas."
            )
            return
        w.canvas.reset()
        w.canvas.setFocus()
        count = w.state.counts().get(label, 0)
        self._status(f"Added to “{label}” ({count} now) and saved.", 4000)

    def delete_drawings(self, rows: list) -> None:
        n = self.window.messages.guard(self.window.state.delete, rows)
        if n:
            self._status(
                f"Deleted {n} drawing{'s' if n != 1 else ''}. Undo (Ctrl+Z in the gallery) brings them back.",
                6000,
            )

    def undo(self) -> None:
        text = self.window.messages.guard(self.window.state.undo)
        if text:
            self._status(f"Undone: {text}.", 4000)

    def open_in_canvas(self, row: int) -> None:
        w = self.window
        d = w.state.drawing(row)
        w.canvas.set_strokes(d.strokes)
        w.canvas.setFocus()
        self._status(f"Drawing #{row + 1} (“{d.label}”) is on the canvas.", 4000)

    def data_changed(self, kind: str) -> None:
        w, st = self.window, self.window.state
        counts = st.counts()
        w.palette.set_classes([(c.name, c.color, counts.get(c.name, 0)) for c in st.classes])
        classes = [(c.name, c.color) for c in st.classes]
        if kind == "added" and w.gallery.model.rowCount() == len(st) - 1:
            w.gallery.append_drawing(st.drawing(len(st) - 1))
            w.gallery.set_classes(classes)
        else:
            w.gallery.set_drawings(st.drawings, classes)
        w.gallery.set_undo_available(st.can_undo(), st.undo_text())
        w.dataset_label.setText(self._dataset_text())
        if st.writing():
            w.dataset_label.setText(w.dataset_label.text() + " · saving…")
            self._write_timer.start()
        w.dataset_label.setToolTip(str(st.path) if st.path else "")
        w.setWindowTitle(f"ShapeLab — {st.display_name()}")
        if kind == "opened":
            w.files.update_recent_menu()
        w.side_windows.feed_lessons_data()
        w.side_windows.feed_analysis_data()
        if not w.controller.is_active():
            w.training.model_for_current_classes()
        w.training.update_stale()
        w.predictor.refresh()

    def _dataset_text(self) -> str:
        """The status bar's dataset label: name, drawings, and the images of imported image folders
        (used for training too, but not in the gallery, which shows drawings)."""
        st = self.window.state
        text = f"{st.display_name()} · {len(st)} drawings"
        folders = st.image_folders
        if folders:
            n = sum(self.window.files.image_counts.get(f, 0) for f in folders)
            text += f" + {n} images from {len(folders)} folder{'s' if len(folders) > 1 else ''}"
        return text

    def _check_writes(self) -> None:
        w = self.window
        error = w.state.take_write_error()
        if error is not None:
            w.messages.error("Could not write the dataset", f"{w.state.path}: {error}")
        if not w.state.writing():
            self._write_timer.stop()
            w.dataset_label.setText(self._dataset_text())
