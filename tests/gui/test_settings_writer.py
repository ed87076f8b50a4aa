"""SettingsWriter: settings.ini and shapelab.json written in a background thread, nothing handed over is
lost, the window's own QSettings reads the values, and a failed write is reported on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings

from gui.core.datafile import AppFiles
from gui.window.settings_writer import SettingsWriter


def test_values_are_written_off_the_gui_thread_and_seen_by_the_window(tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    writer = SettingsWriter(settings, tmp_path)
    threads = []
    original = writer.write_settings
    writer.write_settings = lambda values: (threads.append(threading.current_thread()), original(values))[1]
    with qtbot.waitSignal(writer.written, timeout=5000):
        writer.put({"dataset/last": "/a.ndjson", "dataset/recent": ["/a.ndjson", "/b.ndjson"]},
                   {"last_dataset": "/a.ndjson"})
        assert writer.value("dataset/last") == "/a.ndjson"  # at once, before it is written
        writer.put({"drawer/name": "Robin"}, {"drawer": "Robin"})
    assert writer.flush(5.0) and not writer.busy()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert settings.value("dataset/last") == "/a.ndjson" and settings.value("drawer/name") == "Robin"
    assert settings.value("dataset/recent") == ["/a.ndjson", "/b.ndjson"]
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert again.value("drawer/name") == "Robin"
    assert AppFiles(tmp_path).read() == {"last_dataset": "/a.ndjson", "drawer": "Robin"}


def test_a_failed_write_is_reported(tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    writer = SettingsWriter(settings, tmp_path / "missing-folder-is-made")
    writer.write_settings = lambda values: QSettings.Status.AccessError  # a full disk
    with qtbot.waitSignal(writer.failed, timeout=5000) as failed:
        writer.put({"drawer/name": "Robin"})
    assert failed.args == ["AccessError"]
    assert writer.flush(5.0)
    (tmp_path / "blocked").write_text("a file where shapelab.json's folder should be")
    blocked = SettingsWriter(settings, tmp_path / "blocked")
    with qtbot.waitSignal(blocked.failed, timeout=5000) as failed:
        blocked.put(app={"drawer": "Robin"})
    assert "shapelab.json" in failed.args[0]
    assert blocked.flush(5.0)
