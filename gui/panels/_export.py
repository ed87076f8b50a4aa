"""PNG and CSV export for the main window's panels: a right-click menu on the panel (or extra entries in a
pyqtgraph plot's own menu), and the functions the File › Export submenu calls.

Every panel with numbers also copies them: "Copy numbers" in its menu, or Ctrl+C while the keyboard is in
the panel, puts the same table as its CSV on the clipboard, tab-separated (a spreadsheet pastes it as
cells), and tells screen readers how many rows were copied. This is the charts' text equivalent.

A panel that exports gets `export_name` (the default file name) and `export_csv(path)` (None: PNG only).
Every file is written atomically (a temporary file, then os.replace), so a failed export leaves no half
file behind. pyqtgraph's export dialog keeps only exporters that work here: "Matplotlib Window" needs
matplotlib, which ShapeLab does not install, so it is taken out of the list.
"""

from __future__ import annotations

import csv
import importlib.util
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from engine import atomic_path
from gui.text import translate


def remove_broken_exporters() -> None:
    """Takes pyqtgraph's exporters that cannot work in this install out of its export dialog."""
    from pyqtgraph.exporters import Exporter

    needs = {"Matplotlib Window": "matplotlib", "HDF5 Export": "h5py"}
    Exporter.Exporters[:] = [
        e for e in Exporter.Exporters
        if e.Name not in needs or importlib.util.find_spec(needs[e.Name]) is not None
    ]


def write_table(path: str, header: Sequence, rows) -> None:
    """A CSV file with one header row, written atomically."""
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(header))
        writer.writerows(rows)


def copy_key() -> str:
    """The platform's Copy key as the menus show it ("Ctrl+C"); needs the QApplication."""
    return QKeySequence(QKeySequence.StandardKey.Copy).toString(QKeySequence.SequenceFormat.NativeText)


def table_text(header: Sequence, rows) -> str:
    """A table as tab-separated lines (what a spreadsheet pastes as cells)."""
    lines = ["\t".join(str(v) for v in header)]
    lines += ["\t".join(str(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def copy_table(widget: QWidget, header: Sequence, rows) -> int:
    """Puts a table on the clipboard (tab-separated), announces it to screen readers; the number of rows."""
    rows = [list(r) for r in rows]
    QGuiApplication.clipboard().setText(table_text(header, rows))
    event = QAccessibleAnnouncementEvent(
        widget, translate("PanelExport", "Copied {value} rows of numbers").format(value=len(rows))
    )
    QAccessible.updateAccessibility(event)
    return len(rows)


def copy_numbers(panel: QWidget) -> int:
    """Copies what `panel.export_csv` would write (see the module docstring); the number of data rows."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "numbers.csv"
        panel.export_csv(str(path))
        with open(path, newline="", encoding="utf-8") as fh:
            table = list(csv.reader(fh))
    return copy_table(panel, table[0] if table else [], table[1:])


def install_copy_shortcut(panel: QWidget, copy: Callable[[], object]) -> QShortcut:
    """Ctrl+C (the platform's Copy key) while the keyboard is anywhere in `panel` calls `copy`."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), panel)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(copy)
    return shortcut


def save_png(widget: QWidget, path: str) -> None:
    """What `widget` shows now, as a PNG (device pixels), written atomically. Raises OSError."""
    pixmap = widget.grab()
    with atomic_path(path) as tmp:
        if pixmap.isNull() or not pixmap.save(str(tmp), "PNG"):
            raise OSError(
                translate("PanelExport", "{path}: the picture could not be written").format(path=path)
            )


def make_exportable(panel: QWidget, name: str, export_csv: Callable[[str], None] | None,
                    menu_owners: Sequence[QWidget] = ()) -> None:
    """Gives `panel` a right-click menu "Save as PNG…" / "Save data as CSV…". `menu_owners`: child widgets
    (pyqtgraph views) whose right-click should open the panel's menu too."""
    panel.export_name = name
    panel.export_csv = export_csv
    if export_csv is not None:
        panel.copy_shortcut = install_copy_shortcut(panel, lambda: copy_numbers(panel))
    panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    panel.customContextMenuRequested.connect(lambda pos: _popup(panel, panel.mapToGlobal(pos)))
    for child in menu_owners:
        child.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        child.customContextMenuRequested.connect(
            lambda pos, c=child: _popup(panel, c.mapToGlobal(pos)))


def add_plot_actions(menu: QMenu, panel: QWidget) -> None:
    """Adds the panel's PNG and CSV entries to a pyqtgraph plot's own context menu."""
    menu.addSeparator()
    for action in export_actions(panel, menu):
        menu.addAction(action)


def export_actions(panel: QWidget, parent: QObject) -> list:
    from PySide6.QtGui import QAction

    png = QAction(translate("PanelExport", "Save as PNG…"), parent)
    png.setToolTip(translate("PanelExport", "Save what this panel shows now as a PNG picture"))
    png.triggered.connect(lambda: ask_png(panel))
    actions = [png]
    if getattr(panel, "export_csv", None) is not None:
        data = QAction(translate("PanelExport", "Save data as CSV…"), parent)
        data.setToolTip(translate("PanelExport", "Save the numbers this panel shows as a CSV table"))
        data.triggered.connect(lambda: ask_csv(panel))
        # the key is the panel's shortcut (shown only)
        copy = QAction(translate("PanelExport", "Copy numbers") + f"\t{copy_key()}", parent)
        copy.setToolTip(
            translate("PanelExport", "Copy the numbers this panel shows, tab-separated, for a spreadsheet")
        )
        copy.triggered.connect(lambda: copy_numbers(panel))
        actions += [data, copy]
    return actions


def _popup(panel: QWidget, global_pos) -> QMenu:
    menu = QMenu(panel)
    menu.setObjectName("panelExportMenu")
    for action in export_actions(panel, menu):
        menu.addAction(action)
    menu.popup(global_pos)
    return menu


def ask_png(panel: QWidget) -> None:
    path, _ = QFileDialog.getSaveFileName(
        panel, translate("PanelExport", "Save as PNG"), f"{panel.export_name}.png",
        translate("PanelExport", "PNG image (*.png)"),
    )
    if path:
        _report(panel, lambda: save_png(panel, path))


def ask_csv(panel: QWidget) -> None:
    path, _ = QFileDialog.getSaveFileName(
        panel, translate("PanelExport", "Save data as CSV"), f"{panel.export_name}.csv",
        translate("PanelExport", "CSV table (*.csv)"),
    )
    if path:
        _report(panel, lambda: panel.export_csv(path))


def _report(panel: QWidget, write: Callable[[], None]) -> None:
    try:
        write()
    except (OSError, ValueError) as exc:
        QMessageBox.warning(panel, translate("PanelExport", "Could not export"), str(exc))
