"""The window's exports: Model › Export…, File › Export report…, the File › Export submenu, the panels'
PNG / CSV context menus (values checked against what the panels show), pyqtgraph's broken exporter gone,
and the About box."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QMenu

import engine
from engine.training import TrainRecord
from gui.widget_tree import descendants
from gui.window import exports as exports_module


def menu_titles(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def top_menu(window, title):
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_menus_hold_the_exports(make_window, tmp_path):
    window = make_window(tmp_path / "data")
    file_items = menu_titles(top_menu(window, "File"))
    assert "Export report…" in file_items and "Export" in file_items
    assert file_items.index("Export") < file_items.index("Quit")
    assert menu_titles(window.exports.export_menu) == [
        f"{what} as {kind}…" for what in ("Training curves", "Filters", "Feature maps", "Prediction")
        for kind in ("PNG", "CSV")]
    assert menu_titles(top_menu(window, "Model"))[:3] == ["Open…", "Save…", "Export…"]
    import pyqtgraph.exporters

    names = [e.Name for e in pyqtgraph.exporters.listExporters()]
    assert "Matplotlib Window" not in names and "Image File (PNG, TIF, JPG, ...)" in names
    # the plots' own menus carry the panel's entries
    vb_menu = window.plots.loss_plot.getPlotItem().vb.menu
    assert {"Save as PNG…", "Save data as CSV…"} <= set(menu_titles(vb_menu))


@pytest.mark.parametrize("fmt", ["onnx", "tfjs", "torch"])
def test_model_export_runs_off_the_gui_thread(make_window, tmp_path, qtbot, fmt):
    if fmt == "onnx":
        pytest.importorskip("onnxruntime")
    window = make_window(tmp_path / "data")
    out = tmp_path / {"onnx": "m.onnx", "tfjs": "web", "torch": "net.py"}[fmt]
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        assert window.exports.export_model_to(fmt, str(out))
    kind, ok, message = blocker.args
    assert (kind, ok) == ("model-export", True), message
    assert "checked on 32 drawings" in message
    files = {"onnx": ["m.onnx"], "tfjs": ["web/model.json", "web/weights.bin", "web/metadata.json"],
             "torch": ["net.npz", "net.py"]}[fmt]
    for f in files:
        assert (tmp_path / f).is_file()
    if fmt == "tfjs":
        meta = json.loads((tmp_path / "web" / "metadata.json").read_text())
        assert meta["labels"] == window.controller.classes


def test_onnx_missing_says_what_to_install(make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "data")
    monkeypatch.setattr(exports_module, "onnx_available", lambda: False)
    said = []
    monkeypatch.setattr(window.messages, "warn", lambda title, text: said.append(text))
    assert not window.exports.export_model_to("onnx", str(tmp_path / "m.onnx"))
    assert said and "pip install -e '.[export]'" in said[0]
    assert not window.exports.busy and not (tmp_path / "m.onnx").exists()


def test_export_failure_is_reported(make_window, tmp_path, qtbot, monkeypatch):
    window = make_window(tmp_path / "data")
    (tmp_path / "web").write_text("a file in the way")
    shown = []
    monkeypatch.setattr(window.messages, "error", lambda title, text: shown.append((title, text)))
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        window.exports.export_model_to("tfjs", str(tmp_path / "web"))
    assert blocker.args[1] is False
    assert shown and shown[0][0] == "Could not export the model" and "is a file" in shown[0][1]


def test_report_from_the_window(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    path = tmp_path / "report.html"
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        assert window.exports.export_report_to(str(path))
    assert tuple(blocker.args[:2]) == ("report", True), blocker.args[2]
    text = path.read_text(encoding="utf-8")
    for sid in ("dataset", "run", "results", "filters", "model-card"):
        assert f'<section id="{sid}">' in text
    n = len(window.state.drawings)
    assert f'id="counted" data-value="{n}"' in text


def test_panels_export_what_they_show(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    model = window.controller.model
    # filters: the CSV holds the weights drawn, which are the model's
    window.filters.set_model(model.weights(), model.summary())
    window.filters.flush()
    window.filters.write_csv(str(tmp_path / "f.csv"))
    rows = read_csv(tmp_path / "f.csv")
    assert rows[0] == ["conv layer", "filter", "input channel", "row", "column", "weight"]
    w0 = model.layers[0].params["weight"]
    first = [r for r in rows[1:] if r[0] == "1"]
    assert len(first) == w0.size
    got = np.array([float(r[5]) for r in first]).reshape(w0.shape)
    np.testing.assert_allclose(got, w0, rtol=1e-5, atol=1e-7)
    # feature maps of a drawing
    raster = engine.rasterize(engine.generate_drawings(1, seed=3)[0])
    window.feature_maps.set_activations(model.activations(raster))
    window.feature_maps.flush()
    window.feature_maps.write_csv(str(tmp_path / "m.csv"))
    rows = read_csv(tmp_path / "m.csv")
    stage = window.feature_maps.stages()[0]
    vals = [float(r[5]) for r in rows[1:] if r[0] == str(stage.block) and r[1] == stage.stage]
    np.testing.assert_allclose(np.array(vals).reshape(stage.maps.shape), stage.maps, rtol=1e-5, atol=1e-6)
    # prediction bars
    p = model.predict_proba(raster)[0]
    window.prediction.set_prediction(window.controller.classes, p, ["#ff0000"] * len(p))
    window.prediction.flush()
    window.prediction.write_csv(str(tmp_path / "p.csv"))
    rows = read_csv(tmp_path / "p.csv")
    assert [r[0] for r in rows[1:]] == window.controller.classes
    np.testing.assert_allclose([float(r[1]) for r in rows[1:]], p, rtol=1e-5)
    # training curves
    window.plots.new_run("run 1", epochs=1)
    for s in range(1, 5):
        window.plots.add_record(TrainRecord("step", 0, s, 4, loss=1.0 / s, accuracy=0.2 * s))
    window.plots.flush()
    window.plots.export_csv(str(tmp_path / "c.csv"))
    rows = read_csv(tmp_path / "c.csv")
    assert rows[0] == ["run", "series", "epochs", "value"]
    steps = [float(r[3]) for r in rows[1:] if r[1] == "loss_step"]
    assert steps == pytest.approx([1.0, 0.5, 1 / 3, 0.25], rel=1e-5)
    # PNG of a panel: decodes, the panel's size in device pixels
    from gui.panels._export import save_png

    save_png(window.filters, str(tmp_path / "f.png"))
    img = QImage(str(tmp_path / "f.png"))
    ratio = window.filters.devicePixelRatioF()
    assert (img.width(), img.height()) == (round(window.filters.width() * ratio),
                                           round(window.filters.height() * ratio))
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_empty_panels_refuse_with_a_reason(make_window, tmp_path):
    window = make_window(tmp_path / "data")
    window.feature_maps.clear()
    with pytest.raises(ValueError, match="draw something"):
        window.feature_maps.write_csv(str(tmp_path / "x.csv"))
    assert not (tmp_path / "x.csv").exists()


def test_right_click_on_a_panel_opens_its_export_menu(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "data")
    model = window.controller.model
    window.filters.set_model(model.weights(), model.summary())
    window.filters.flush()
    for panel, owner in ((window.filters, window.filters.graphics.viewport()),
                         (window.prediction, window.prediction.bars),
                         (window.feature_maps, window.feature_maps.title)):
        # a real right-click (a context-menu event where the user clicks), routed to the panel's menu
        pos = QPoint(owner.width() // 2, owner.height() // 2)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, owner.mapToGlobal(pos))
        QApplication.sendEvent(owner, event)
        menus = [m for m in descendants(panel, QMenu) if m.objectName() == "panelExportMenu"]
        assert menus, panel.objectName()
        assert menu_titles(menus[-1]) == ["Save as PNG…", "Save data as CSV…", "Copy numbers\tCtrl+C"]
        menus[-1].close()
        menus[-1].deleteLater()
    QApplication.processEvents()


def test_about_box_names_version_licence_and_libraries(make_window, tmp_path):
    window = make_window(tmp_path / "data")
    text = exports_module.about_html(window.data_dir)
    from gui.export_commands import app_version

    assert f"ShapeLab {app_version()}" in text and "MIT" in text
    assert f"numpy {np.__version__}" in text and "pyqtgraph" in text and "PySide6" in text


def test_export_dialogs_pick_the_format_from_the_filter(make_window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(tmp_path / "data")
    chosen = (str(tmp_path / "net"), exports_module.FORMAT_FILTERS["torch"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: chosen))
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        window.exports.export_model_dialog()
    assert blocker.args[1] is True, blocker.args[2]
    assert (tmp_path / "net.py").is_file() and (tmp_path / "net.npz").is_file()
    chosen = (str(tmp_path / "r.html"), "HTML report (*.html)")
    with qtbot.waitSignal(window.exports.finished, timeout=60000) as blocker:
        window.exports.export_report_dialog()
    assert tuple(blocker.args[:2]) == ("report", True) and (tmp_path / "r.html").is_file()
