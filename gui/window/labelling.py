"""Drawing and labelling in the main window: the canvas drawing added to a class, drawings deleted, undone
or opened in the canvas, the dataset shown in the classes palette, the gallery, the title and the status
bar; the drawer's pseudonym; the read-only base included or not; and another ShapeLab window's changes to
the same file picked up (polled every POLL_MS)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from gui.core.datafile import ANONYMOUS_DRAWER, AppFiles, clean_drawer_name, pick_drawer_name
from gui.core.dataset import StateError
from gui.i18n import number
from gui.text import translate

from .drawer_dialog import DrawerNameDialog

POLL_MS = 1500  # how often the dataset file is checked for another instance's changes (one stat call)


class Labelling(QObject):
    """Handles the canvas, palette, gallery and dataset signals of `window` (a `MainWindow`)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._write_timer = QTimer(self)  # watches background rewrites of the dataset file
        self._write_timer.setInterval(200)
        self._write_timer.timeout.connect(self._check_writes)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.poll_disk)
        self._poll_timer.start()
        self.drawer_chosen = False  # the student picked a drawer name (or "anonymous") once already
        self.drawer_dialog: DrawerNameDialog | None = None  # the drawer-name dialog while it is open

    # -- the drawer ---------------------------------------------------------------------------------

    def load_drawer(self) -> None:
        """The drawer's name from the settings (or the data folder's shapelab.json); "anonymous" until the
        student picks one (`ask_drawer_if_new`, at the first start). Every drawing added carries it (NDJSON
        key "drawer")."""
        w = self.window
        app_files = AppFiles(w.data_dir)
        name = clean_drawer_name(w.settings.value("drawer/name", "", str) or app_files.get("drawer"))
        self.drawer_chosen = bool(w.settings.value("drawer/chosen", False, bool)
                                  or app_files.get("drawer_chosen") == "yes")
        w.state.drawer = name or ANONYMOUS_DRAWER

    def _store_drawer(self, name: str) -> None:
        w = self.window
        # written in the background (their fsyncs off the GUI thread); a failure is said at once
        w.files.settings_writer.put({"drawer/name": name, "drawer/chosen": True},
                                    {"drawer": name, "drawer_chosen": "yes"})
        self.drawer_chosen = True

    def ask_drawer_if_new(self) -> DrawerNameDialog | None:
        """At the first start (called by gui.app.run once the window shows): the student picks a drawer name
        before drawing (a window-modal dialog). Nothing when one was picked already."""
        if self.drawer_chosen:
            return None
        return self.ask_drawer_name(suggest=True)

    def ask_drawer_name(self, suggest: bool = False) -> DrawerNameDialog:
        """File › Your drawer name…: the dialog, window-modal and not blocking (`open`); the name is stored
        when the student confirms it, and also when the dialog is closed (then as shown: "anonymous" when
        empty), so the first-start question is asked once."""
        w = self.window
        dialog = DrawerNameDialog(w.state.drawer, pick_drawer_name() if suggest else "", w)
        dialog.finished.connect(lambda result: self._drawer_dialog_done(dialog, result))
        dialog.open()
        self.drawer_dialog = dialog
        return dialog

    def _drawer_dialog_done(self, dialog: DrawerNameDialog, result: int) -> None:
        self.drawer_dialog = None
        if result == DrawerNameDialog.DialogCode.Accepted:
            self.set_drawer(dialog.name())
        elif not self.drawer_chosen:  # closed at the first start: anonymous, and not asked again
            self.set_drawer(ANONYMOUS_DRAWER)
        dialog.deleteLater()

    def set_drawer(self, text: str) -> None:
        """Store `text` as the drawer name of drawings added from now on ("anonymous" when empty)."""
        name = clean_drawer_name(text) or ANONYMOUS_DRAWER
        self.window.state.drawer = name
        self._store_drawer(name)
        if name == ANONYMOUS_DRAWER:
            self._status(translate("Labelling", "Your drawings are stored as drawn by “anonymous”. Change "
                                   "it under File › Your drawer name…."), 8000)
        else:
            self._status(translate("Labelling", "Your drawings are now stored as drawn by “{name}”.").format(
                name=name), 6000)
        self.window.dataset_label.setText(self.dataset_text())

    # -- the base and other instances ---------------------------------------------------------------

    def set_include_base(self, include: bool) -> None:
        st = self.window.state
        st.set_include_base(include)
        if st.base_name:
            shown = translate(
                "Labelling",
                "included in") if include else translate("Labelling",
                "left out of",
            )
            self._status(translate(
                "Labelling",
                "The {value} ({base_size:,} drawings) is {shown} the gallery and training; your file is "
                "unchanged.",
            ).format(value=st.base_name.lower(), base_size=st.base_size, shown=shown), 6000)

    def poll_disk(self) -> None:
        """Pick up another instance's changes to the dataset file (a stat call when there are none)."""
        try:
            self.window.state.poll_disk()
        except OSError:
            pass  # the file is being replaced right now: the next poll sees it

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
            self._status(translate("Labelling", "There is no class {value}: add one under Classes.").format(
                value=index + 1,
            ), 4000)

    def add_current_drawing(self, label: str) -> None:
        """Add the canvas drawing to class `label`: saved to disk at once, then the canvas is cleared."""
        w = self.window
        if w.canvas.is_empty():
            self._status(
                translate("Labelling", "Draw a shape on the canvas first, then add it to a class."),
                4000,
            )
            return
        try:
            w.state.add_drawing(w.canvas.strokes(), label)
        except (StateError, ValueError) as exc:
            w.messages.warn(translate("Labelling", "Could not add the drawing"), str(exc))
            return
        except OSError as exc:
            w.messages.error(
                translate("Labelling", "Could not save the drawing"),
                translate("Labelling", "{value}: {exc}\nThe drawing stays on the canvas.").format(
                    value=w.state.path or w.state.own_file_path(),
                    exc=exc,
                ),
            )
            return
        w.canvas.reset()
        w.canvas.setFocus()
        count = w.state.counts().get(label, 0)
        self._status(translate("Labelling", "Added to “{label}” ({count} now) and saved.").format(
            label=label,
            count=count,
        ), 4000)

    def delete_drawings(self, rows: list) -> None:
        n = self.window.messages.guard(self.window.state.delete, rows)
        if n:
            self._status(
                translate(
                    "Labelling",
                    "Deleted {n} drawing{value}. Undo (Ctrl+Z in the gallery) brings them back.",
                ).format(n=n, value='s' if n != 1 else ''),
                6000,
            )

    def undo(self) -> None:
        text = self.window.messages.guard(self.window.state.undo)
        if text:
            self._status(translate("Labelling", "Undone: {text}.").format(text=text), 4000)

    def open_in_canvas(self, row: int) -> None:
        w = self.window
        d = w.state.drawing(row)
        w.canvas.set_strokes(d.strokes)
        w.canvas.setFocus()
        self._status(translate("Labelling", "Drawing #{value} (“{label}”) is on the canvas.").format(
            value=row + 1,
            label=d.label,
        ), 4000)

    def data_changed(self, kind: str) -> None:
        w, st = self.window, self.window.state
        counts = st.counts()
        w.palette.set_classes([(c.name, c.color, counts.get(c.name, 0)) for c in st.classes])
        classes = [(c.name, c.color) for c in st.classes]
        if kind == "added" and w.gallery.model.rowCount() == len(st) - 1:
            w.gallery.append_drawing(st.drawing(len(st) - 1))
            w.gallery.set_classes(classes)
        else:
            w.gallery.set_drawings(st.drawings, classes, st.label_index())
        w.gallery.set_base_count(st.base_count)
        w.gallery.set_undo_available(st.can_undo(), st.undo_text())
        action = getattr(w, "include_base_action", None)
        if action is not None:
            action.blockSignals(True)
            action.setChecked(st.include_base)
            action.setEnabled(bool(st.base_name))
            action.setText(translate("Labelling", "Include the {value} (read-only)").format(
                value=st.base_name.lower() or translate("Labelling", 'starter set'),
            ))
            action.blockSignals(False)
        if kind == "merged":
            self._status(
                translate(
                    "Labelling",
                    "Another ShapeLab window changed {value}: its changes are merged in ({mine_count} "
                    "drawings in the file), nothing was lost.",
                ).format(
                    value=st.path.name if st.path else translate("Labelling", 'the dataset'),
                    mine_count=st.mine_count,
                ), 8000)
        w.dataset_label.setText(self.dataset_text())
        if st.writing():
            w.dataset_label.setText(w.dataset_label.text() + translate("Labelling", " · saving…"))
            self._write_timer.start()
        w.dataset_label.setToolTip(str(st.path) if st.path else "")
        w.setWindowTitle(translate("Labelling", "ShapeLab — {value}").format(value=st.display_name()))
        if kind == "opened":
            w.files.update_recent_menu()
        w.side_windows.feed_lessons_data()
        w.side_windows.feed_analysis_data()
        if not w.controller.is_active():
            w.training.model_for_current_classes()
        w.training.update_stale()
        w.predictor.refresh()

    def dataset_text(self) -> str:
        """The status bar's dataset label: name, drawings, and the images of imported image folders
        (used for training too, but not in the gallery, which shows drawings)."""
        st = self.window.state
        text = translate("Labelling", "{value} · {value2} drawings").format(
            value=st.display_name(), value2=number(len(st))
        )
        if st.base_count:
            text += translate("Labelling", " ({mine_count} yours)").format(mine_count=number(st.mine_count))
        folders = st.image_folders
        if folders:
            n = sum(self.window.files.image_counts.get(f, 0) for f in folders)
            text += translate("Labelling", " + {n} images from {value} folder{value2}").format(
                n=n,
                value=len(folders),
                value2='s' if len(folders) > 1 else '',
            )
        if st.drawer:
            text += translate("Labelling", " · drawing as {drawer}").format(drawer=st.drawer)
        return text

    def _check_writes(self) -> None:
        w = self.window
        error = w.state.take_write_error()
        if error is not None:
            w.messages.error(
                translate("Labelling", "Could not write the dataset"),
                f"{w.state.path}: {error}",
            )
        if not w.state.writing():
            self._write_timer.stop()
            w.dataset_label.setText(self.dataset_text())
