"""The main window's file actions: open, create, save as, import and export datasets, the recent-files
menu, and opening and saving models. A dataset file larger than LARGE_DATASET_BYTES and an export are
done by the window's JobRunner (kinds "open-dataset" and "export": the newest open wins, a stale read is
dropped, closing the window stops an export between two files)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from engine import DrawingStore
from gui.core.datafile import AppFiles
from gui.core.inputs import check_image_folder
from gui.core.labels import LabelIndex
from gui.core.model_state import ModelLoadError
from gui.core.training import INPUT_SIZE
from gui.text import translate
from gui.window.settings_writer import SettingsWriter

MAX_RECENT = 8
# Dataset files larger than this (~40 ms to read: 800 drawings with timestamps, 6,000 simplified ones) are
# read in a worker thread.
LARGE_DATASET_BYTES = 1_000_000
OPEN_KIND, EXPORT_KIND, CHECK_KIND = "open-dataset", "export", "check-images"
LISTED_FILES = 15  # files named one per line in a message; the rest are counted


@dataclass(frozen=True)
class ReadDataset:
    """A dataset file read in the worker, ready to show: the store and its drawings' labels as codes
    (the GUI thread then has no loop over the drawings left to do)."""

    store: DrawingStore
    labels: LabelIndex


@contextmanager
def no_collection_while_reading() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a large file is read, and what is alive then
    (the app and the new drawings) moved out of its way (`gc.freeze`).

    Reading 50,000 drawings makes ~100,000 lasting objects; each full collection the allocations set off
    walks every tracked object of the process while holding the GIL, which stalled the window 50-90 ms
    four times per open, and once more later. Frozen objects are still freed by reference counting (the
    drawings of a dataset that is closed are); only reference cycles among them (a little cyclic garbage
    of the seconds the collector was paused, a closed dialog's wrappers) are never collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _read_store(path, *, should_stop) -> ReadDataset:
    """In the open-dataset lane: read the file (one call into the engine; a stale read is dropped) and
    index its labels."""
    with no_collection_while_reading():
        store = DrawingStore(path)
        return ReadDataset(store, LabelIndex.of(store.drawings))


class FileActions(QObject):
    """Dataset and model files for `window` (a `MainWindow`); the background reads and exports go to the
    window's JobRunner (`window.jobs`)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.image_counts: dict[str, int] = {}  # imported image folder -> its images (status bar)
        self._settings_warned = False
        self.settings_writer = SettingsWriter(window.settings, window.data_dir, self)
        self.settings_writer.failed.connect(self.settings_failed)
        self.last_report = ""  # the text of the last import / folder report

    @property
    def jobs(self) -> bool:
        """True while a dataset is read or an export runs in the background."""
        runner = self.window.jobs
        return runner.is_busy(OPEN_KIND) or runner.is_busy(EXPORT_KIND)

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.messages.status(text, timeout)

    # -- datasets -----------------------------------------------------------------------------------

    def open_initial_dataset(self) -> None:
        """The last dataset: from the settings, else from the data folder's shapelab.json (kept for when the
        settings could not be written), else the user's own my-drawings.ndjson if it exists; else the
        starter set alone."""
        w = self.window
        candidates = [w.settings.value("dataset/last", "", str), AppFiles(w.data_dir).get("last_dataset"),
                      str(w.state.own_file_path())]
        for last in dict.fromkeys(c for c in candidates if c):
            if not Path(last).exists():
                continue
            try:
                w.state.open(last)
                return
            except OSError as exc:
                w.messages.error(
                    translate("Files", "Could not open the last dataset"),
                    translate("Files", "{last}: {exc}\nThe starter set opens instead.").format(
                        last=last, exc=exc
                    ),
                )
                break
        w.state.open_starter()

    def open_dataset(self, path: str | os.PathLike) -> bool:
        """Open a dataset file. A file larger than LARGE_DATASET_BYTES is read in a worker thread (the
        window stays responsive; the status bar says so) and replaces the current dataset when read;
        False if it cannot be opened (said in a message box)."""
        if self.window.controller.is_active():
            self._status(translate("Files", "Training goes on with the data it started with."), 4000)
        try:
            large = Path(path).stat().st_size > LARGE_DATASET_BYTES
        except OSError:
            large = False  # missing: created on the first write; unreadable: state.open says why
        if large:  # a later open wins over one still being read (the runner drops the stale result)
            self._status(translate("Files", "Opening {name}…").format(name=Path(path).name))
            self.window.jobs.submit(
                OPEN_KIND,
                _read_store,
                path,
                on_done=lambda read: self._opened_in_background(str(path), read),
                on_failed=lambda text: self.window.messages.error(
                    translate("Files", "Could not open the dataset"),
                    text,
                ),
            )
            return True
        self.window.jobs.cancel(OPEN_KIND)  # a large file still being read is not wanted any more
        return self._apply_open(path)

    def _opened_in_background(self, path: str, read: ReadDataset) -> None:
        if self._apply_open(path, read.store, read.labels):
            self._status(translate("Files", "Opened {name} ({value} drawings).").format(
                name=Path(path).name, value=len(self.window.state)
            ), 6000)

    def _apply_open(self, path: str | os.PathLike, store=None, labels=None) -> bool:
        """Make `path` (read already when `store` is given, with its `labels`) the open dataset; False if
        it cannot be read."""
        try:
            self.window.state.open(path, store=store, labels=labels)
        except OSError as exc:
            self.window.messages.error(translate("Files", "Could not open the dataset"), f"{path}: {exc}")
            return False
        self.remember_dataset(str(path))
        return True

    def new_dataset(self) -> None:
        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w, translate(
                "Files",
                "New dataset"), str(w.data_dir / "new-dataset.ndjson"), translate("Files",
                "Drawings (*.ndjson)",
            )
        )
        if path:
            w.messages.guard(w.state.new_dataset, path)
            self.remember_dataset(path)

    def open_dataset_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(
            w, translate(
                "Files",
                "Open dataset"), str(w.data_dir), translate("Files",
                "Drawings (*.ndjson);;All files (*)",
            )
        )
        if path:
            self.open_dataset(path)

    def save_as_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w, translate(
                "Files",
                "Save dataset as"), str(w.data_dir / "drawings.ndjson"), translate("Files",
                "Drawings (*.ndjson)",
            )
        )
        if path:
            if w.messages.guard(w.state.save_as, path) is not False:
                self.remember_dataset(path)
                w.training.update_stale()  # the same drawings under another name: a model stays fresh

    def import_dialog(self) -> None:
        w = self.window
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Files", "Import"),
            translate("Files", "What would you like to import?"),
            QMessageBox.StandardButton.Cancel,
            w,
        )
        box.setInformativeText(
            translate("Files", "Drawing files (NDJSON, the Quick, Draw! format) are added to your dataset.\n"
            "An image folder holds one sub-folder per class with PNG, JPEG or BMP files; its images are used "
            "for training alongside the drawings.")
        )
        files_button = box.addButton(translate("Files", "Drawing files…"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(translate("Files", "Image folder…"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is files_button:
            paths, _ = QFileDialog.getOpenFileNames(
                w, translate(
                    "Files",
                    "Import drawing files"), str(w.data_dir), translate("Files",
                    "Drawings (*.ndjson);;All files (*)",
                )
            )
            if paths:
                self.import_paths(paths)
        elif box.clickedButton() is folder_button:
            folder = QFileDialog.getExistingDirectory(
                w,
                translate("Files", "Import an image folder (one sub-folder per class)"),
            )
            if folder:
                self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> None:
        """Import NDJSON files (added to the user's file without exact duplicates, of each other or of what
        the dataset holds; a report says what was merged) and image folders (used for training)."""
        from gui.core.dataset import format_report, read_many

        w = self.window
        files, folders = [], []
        for p in paths:
            (folders if Path(p).is_dir() else files).append(p)
        if files:
            try:
                added, report = read_many(files, already=w.state.drawings)
            except OSError as exc:  # names the file; nothing is imported
                w.messages.error(
                    translate("Files", "Could not import"),
                    translate("Files", "{exc}\nNothing was imported.").format(exc=exc),
                )
                added, report = [], None
        if files and report is not None:
            if added:
                w.messages.guard(w.state.add_drawings, added)
            text = format_report(report, translate("Files", "Imported"))
            self._status(text.splitlines()[0], 8000)
            self.last_report = text
            w.messages.info(translate("Files", "Import"), text)
            if report.problems:
                w.messages.report_problems(list(report.problems))
        for folder in folders:
            self._import_image_folder(folder)

    def open_class_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, translate(
                "Files",
                "Open a folder of drawing files (read-only, e.g. a class's files)",
            )
        )
        if folder:
            self.open_class_folder(folder)

    def open_class_folder(self, folder: str) -> bool:
        """Show every *.ndjson file of `folder` as one read-only dataset (exact duplicates dropped) with
        drawings per drawer; new drawings still go to the user's own file."""
        from gui.core.dataset import StateError, format_report

        w = self.window
        try:
            report = w.state.open_folder(folder)
        except (OSError, StateError) as exc:
            w.messages.error(translate("Files", "Could not open the folder"), f"{folder}: {exc}")
            return False
        text = format_report(report, translate("Files", "Opened"))
        self.last_report = text
        self._status(text.splitlines()[0], 8000)
        w.messages.info(translate("Files", "Class folder"), text + translate(
            "Files",
            "\nThese drawings are read-only; yours are still added to {value}.",
        ).format(value=w.state.path or w.state.own_file_path()))
        return True

    def _import_image_folder(self, folder: str) -> None:
        from gui.images import ImageFileError, list_image_folder

        w = self.window
        try:
            items = list_image_folder(folder)
        except ImageFileError as exc:
            w.messages.error(translate("Files", "Could not import the image folder"), str(exc))
            return
        for label in sorted({lab for _, lab in items}):
            if label not in w.state.class_names():
                w.messages.guard(w.state.add_class, label)
        self.image_counts[folder] = len(items)
        w.state.add_image_folder(folder)
        checking = translate("Files", "Checking the {n} images of {folder}…")
        self._status(checking.format(n=len(items), folder=folder))
        w.jobs.submit(CHECK_KIND, check_image_folder, folder, INPUT_SIZE,
                      on_done=lambda result: images_checked(self, folder, *result),
                      on_failed=lambda text: w.messages.error(
                          translate("Files", "Could not import the image folder"), text))

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, translate("Files", "Export as image folders (one folder per class)")
        )
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        from gui.images import export_image_folder

        drawings = self.window.state.drawings

        def export(*, should_stop) -> int:
            return len(export_image_folder(drawings, folder, INPUT_SIZE, should_stop=should_stop))

        self._status(translate("Files", "Exporting {value} drawings to {folder}…").format(
            value=len(drawings), folder=folder
        ))
        self.window.jobs.submit(
            EXPORT_KIND,
            export,
            on_done=lambda n: self._status(
                translate("Files", "Exported {n} PNGs to {folder}.").format(n=n, folder=folder),
                8000,
            ),
            on_failed=lambda text: self.window.messages.error(translate("Files", "Export failed"), text),
        )

    # -- recent datasets ----------------------------------------------------------------------------

    def remember_dataset(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [p for p in self._recent() if p != path]
        # written in the background (settings.ini and shapelab.json, each fsynced: 16-75 ms on a busy disk)
        self.settings_writer.put({"dataset/last": path, "dataset/recent": [path, *recent][:MAX_RECENT]},
                                 {"last_dataset": path})
        self.update_recent_menu()

    def settings_failed(self, problem: str) -> None:
        """The settings (or shapelab.json) could not be written (a full disk, a read-only folder): say so
        as soon as the writer finds it, once per session, and what still holds."""
        settings = self.window.settings
        if not self._settings_warned:
            self._settings_warned = True
            own = self.window.state.own_file_path()
            self.window.messages.warn(
                translate("Files", "Could not save the settings"),
                translate(
                    "Files",
                    "{value} could not be written ({name}: the disk may be full or the folder "
                    "read-only).\nYour drawings are saved in {value2}; ShapeLab looks for {name2} in "
                    "{parent} at the next start, so it still finds them. Window layout and training "
                    "settings will not be remembered until the settings can be written.",
                ).format(
                    value=settings.fileName(), name=problem,
                    value2=self.window.state.path or own, name2=own.name, parent=own.parent
                ),
            )

    def _recent(self) -> list[str]:
        value = self.settings_writer.value("dataset/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def update_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        recent = [p for p in self._recent() if Path(p).exists()]
        starter = self.window.state.starter_path
        if starter is not None and starter.exists():
            menu.addAction(translate("Files", "Starter set (read-only)"), lambda: self.open_dataset(starter))
            menu.addSeparator()
        for p in recent:
            menu.addAction(Path(p).name, lambda p=p: self.open_dataset(p)).setToolTip(p)
        menu.setEnabled(bool(menu.actions()))

    def dataset_created(self, path: str) -> None:
        self.remember_dataset(path)
        self._status(
            translate(
                "Files",
                "Your drawings are saved in {path} (only yours: the starter set stays a separate, "
                "read-only base you can include or leave out).",
            ).format(path=path),
            10000,
        )

    # -- models -------------------------------------------------------------------------------------

    def open_model_dialog(self) -> None:
        w = self.window
        if w.controller.is_active():
            w.messages.warn(
                translate("Files", "Training is running"),
                translate("Files", "Stop training before opening a model."),
            )
            return
        path, _ = QFileDialog.getOpenFileName(
            w,
            translate("Files", "Open model"),
            str(w.data_dir),
            translate("Files", "Models (*.npz)"),
        )
        if path:
            self.open_model(path)

    def open_model(self, path: str) -> bool:
        """Open a model file: its weights, classes, and what it says about itself (steps, preset,
        settings, the data it was trained on) become the model state."""
        w = self.window
        if w.controller.is_active():
            w.messages.warn(
                translate("Files", "Training is running"),
                translate("Files", "Stop training before opening a model."),
            )
            return False
        try:
            w.model_state.load(path)
        except ModelLoadError as exc:
            w.messages.error(translate("Files", "Could not open the model"), str(exc))
            return False
        self._status(w.model_state.loaded_message(w.state.class_names()), 8000)
        return True

    def save_model_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w, translate(
                "Files",
                "Save model"), str(w.data_dir / "model.npz"), translate("Files",
                "Models (*.npz)",
            )
        )
        if path:
            self.save_model(path)

    def save_model(self, path: str) -> bool:
        """Save the model with what is true of it (ModelExtra: steps, preset, settings, data, history)."""
        if self.window.model_state.model is None:
            return False
        try:
            self.window.model_state.save(path)
        except (OSError, ValueError) as exc:
            self.window.messages.error(translate("Files", "Could not save the model"), f"{path}: {exc}")
            return False
        self._status(translate("Files", "Model saved to {path}.").format(path=path), 6000)
        return True


def images_checked(files: FileActions, folder: str, counts: dict, problems: list[str]) -> None:
    """An imported image folder was read as training will read it: say how many images are used and name
    every file that is not (file and why), in one message."""
    w = files.window
    used = sum(counts.values())
    files.image_counts[folder] = used
    w.dataset_label.setText(w.labelling.dataset_text())  # the status bar's image count
    used_text = translate("Files", "{used} images from {folder} will be used for training.")
    w.messages.status(used_text.format(used=used, folder=folder), 8000)
    if problems:
        files.last_report = "\n".join(problems)
        w.messages.warn(translate("Files", "Some images cannot be used"),
                        left_out_text(folder, used, problems))


def left_out_text(folder: str, used: int, problems: list[str]) -> str:
    """One message naming the image files of `folder` left out (file relative to the folder: why)."""
    prefix = str(Path(folder)) + os.sep
    skipped = translate("Inputs", "{exc}; skipped").split("}")[-1]  # the suffix in the interface's language

    def item(text: str) -> str:  # "• circle/noise.png: why"
        text = text.removesuffix("; skipped").removesuffix(skipped)
        return "• " + (text[len(prefix):] if text.startswith(prefix) else text)

    n = len(problems)
    shown = "\n".join(item(p) for p in problems[:LISTED_FILES])
    more = translate("Files", "\n… and {n} more").format(n=n - LISTED_FILES) if n > LISTED_FILES else ""
    if n == 1:
        head = translate("Files", "{n} file in {folder} cannot be used for training and is left out "
                                  "(file: why):")
    else:
        head = translate("Files", "{n} files in {folder} cannot be used for training and are left out "
                                  "(file: why):")
    tail = translate("Files", "The other {used} images are used.")
    return f"{head.format(n=n, folder=folder)}\n{shown}{more}\n\n{tail.format(used=used)}"
