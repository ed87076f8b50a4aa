"""PNG and CSV export for the main window's panels: a right-click menu on the panel (or extra entries in a
pyqtgraph plot's own menu), and the functions the File › Export submenu calls.

A panel that exports gets `export_name` (the default file name) and `export_csv(path)` (None: PNG only).
Every file is written atomically (a temporary file, then os.replace), so a failed export leaves no half
file behind. pyqtgraph's export dialog keeps only exporters that work here: "Matplotlib Window" needs
matplotlib, which ShapeLab does not install, so it is taken out of the list.
"""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
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
        actions.append(data)
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
