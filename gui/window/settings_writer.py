"""SettingsWriter: the settings file (QSettings' settings.ini) and the data folder's shapelab.json written
in a background thread, so that their fsyncs never block the window (16-75 ms each on a busy disk, on
every File › Open and at the first drawing).

Values are handed over with `put` (latest value per key wins; nothing handed over is dropped) and written
by one thread, one file at a time, each atomically (QSaveFile, `atomic_write`). The thread's QSettings is
another instance of the same file: Qt keeps one in-memory copy per file in a process, so the window's own
`QSettings` reads the new values as soon as the thread has set them; `value` covers the moment before.
A failed write is reported with `failed(str)` (the QSettings status name, or the OSError of
shapelab.json) on the GUI thread. `flush` waits until everything handed over is written (at close).
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QSettings, Signal

from gui.core.datafile import AppFiles

IDLE_S = 30.0  # the thread ends after this long with nothing to write


class SettingsWriter(QObject):
    failed = Signal(str)  # why the settings (or shapelab.json) could not be written
    written = Signal()  # everything handed over so far is written

    def __init__(self, settings: QSettings, data_dir: str | os.PathLike, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._file, self._format = settings.fileName(), settings.format()
        self._app_files = AppFiles(data_dir)
        self._cond = threading.Condition()
        self._pending: dict[str, object] = {}  # settings keys not written yet (being written included)
        self._todo: dict[str, object] = {}  # settings keys handed over since the thread last took them
        self._todo_app: dict[str, str] = {}  # shapelab.json keys handed over since then
        self._busy = False  # something handed over is not written yet
        self._thread: threading.Thread | None = None  # started at the first put, then waits for more

    def put(self, settings: dict[str, object] | None = None, app: dict[str, str] | None = None) -> None:
        """Write these settings keys and shapelab.json keys in the background."""
        with self._cond:
            self._pending.update(settings or {})
            self._todo.update(settings or {})
            self._todo_app.update(app or {})
            self._busy = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ShapeLabSettings", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def value(self, key: str, default: object = None) -> object:
        """A settings value as it will be once written (the window's QSettings may not have it yet)."""
        value = self._pending.get(key, self)  # one dict look-up: atomic, no lock to wait for
        return self._settings.value(key, default) if value is self else value

    def busy(self) -> bool:
        return self._busy

    def flush(self, timeout_s: float | None = None) -> bool:
        """Wait until everything handed over is written; False if `timeout_s` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy, timeout_s)

    # -- the thread ---------------------------------------------------------------------------------

    def write_settings(self, values: dict[str, object]) -> QSettings.Status:
        """Set and sync `values` with the thread's own QSettings of the file; its status."""
        settings = QSettings(self._file, self._format)
        for key, value in values.items():
            settings.setValue(key, value)
        settings.sync()
        return settings.status()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._todo and not self._todo_app:
                    if self._busy:
                        self._busy = False
                        self._cond.notify_all()
                        self._emit(self.written)
                    if not self._cond.wait(IDLE_S) and not self._todo and not self._todo_app:
                        self._thread = None  # idle: ended (the next put starts another)
                        return
                values, app = self._todo, self._todo_app
                self._todo, self._todo_app = {}, {}
            problem = ""
            if values:
                try:
                    status = self.write_settings(values)
                except Exception as exc:  # noqa: BLE001 (reported, never lost in a thread)
                    status, problem = QSettings.Status.AccessError, str(exc)
                if status != QSettings.Status.NoError:
                    problem = problem or status.name
            with self._cond:
                for key, value in values.items():
                    if self._pending.get(key, self) is value:  # not handed over again meanwhile
                        del self._pending[key]
            if app:
                try:
                    self._app_files.update(app)
                except OSError as exc:
                    problem = problem or f"{self._app_files.path}: {exc}"
            if problem:
                self._emit(self.failed, problem)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window (and this object's C++ side) is gone already: nothing to tell
            pass
