"""Bad images in an imported image folder are never dropped silently: each is named (file and why) in one
message when the folder is imported, again under the training controls when a run leaves it out, and in
the CLI's output. A drawing with ±1e308 coordinates is named (file, line) and training goes on."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from engine import generate_drawings
from gui import cli
from gui.widget_tree import descendants


def hostile_folder(root):
    """root/<class>/ with 3 good PNGs per class, plus a 20000×1 PNG, random bytes named .png and a .gif."""
    from gui.images import export_image_folder

    export_image_folder(generate_drawings(3, seed=9, classes=("square", "circle")), root)
    long = QImage(20000, 1, QImage.Format.Format_Grayscale8)
    long.fill(255)
    assert long.save(str(root / "square" / "long.png"))
    (root / "circle" / "noise.png").write_bytes(np.random.default_rng(0).bytes(300))
    (root / "circle" / "anim.gif").write_bytes(b"GIF89a" + bytes(20))
    return {"long.png": "20000×1", "noise.png": "not a readable", "anim.gif": "not a PNG, JPEG or BMP"}


def warning_boxes(window):
    return [b for b in descendants(window, QMessageBox) if b.objectName() == "warningBox" and b.isVisible()]


def test_import_names_every_bad_image_and_training_names_them_again(make_window, tmp_path, qtbot):
    folder = tmp_path / "images"
    bad = hostile_folder(folder)
    window = make_window(tmp_path / "data")
    window.files.import_paths([str(folder)])
    qtbot.waitUntil(lambda: bool(warning_boxes(window)), timeout=20000)
    text = warning_boxes(window)[0].text()
    assert text.startswith(f"3 files in {folder} cannot be used for training")
    for name, why in bad.items():
        line = next(x for x in text.splitlines() if name in x)
        assert why in line, line
    assert "The other 6 images are used." in text
    assert "+ 6 images from 1 folder" in window.dataset_label.text()
    warning_boxes(window)[0].close()
    # training is not blocked by them, and says which were left out
    window.training_panel.epochs.setValue(1)
    with qtbot.waitSignal(window.controller.prepared, timeout=60000) as got:
        window.train()
    assert sorted(p.split(": ")[0].rsplit("/", 1)[1] for p in got.args[0]["warnings"]) == sorted(bad)
    qtbot.waitUntil(lambda: window.controller.state == "idle", timeout=60000)
    assert window.model_state.steps > 0
    shown = window.training_panel.message_label.text()  # below the run's own last message
    assert shown.startswith("Finished 1 epoch")
    assert "\n\n3 image files left out of this run (file: why):\n" in shown
    assert all(name in shown for name in bad)


def test_cli_names_each_bad_image(tmp_path, capsys):
    folder = tmp_path / "images"
    bad = hostile_folder(folder)
    code = cli.run(["train", str(folder), "--out", str(tmp_path / "m.npz"), "--epochs", "1", "--preset",
                    "tiny", "--no-augment", "--val-split", "0"])
    out, err = capsys.readouterr()
    assert code == 0, err
    warnings = [x for x in err.splitlines() if x.startswith("shapelab: warning: ")]
    assert len(warnings) == 3 and "Traceback" not in err
    for name, why in bad.items():
        line = next(x for x in warnings if name in x)
        assert str(folder) in line and why in line and line.endswith("; skipped"), line


def test_a_drawing_beyond_the_coordinate_limit_is_named_and_training_goes_on(make_window, tmp_path, qtbot):
    path = tmp_path / "class.ndjson"
    good = [json.dumps(d.to_ndjson_obj()) for d in generate_drawings(3, seed=2, classes=("square", "circle"))]
    far = json.dumps({"word": "square", "drawing": [[[-1e308, 1e308], [0, 1]]]})
    path.write_text("\n".join([good[0], far, *good[1:]]) + "\n")
    window = make_window(tmp_path / "data")
    assert window.open_dataset(path)
    qtbot.waitUntil(lambda: bool(warning_boxes(window)), timeout=10000)
    said = [x for x in warning_boxes(window)[0].text().splitlines() if x.startswith(str(path))]
    assert len(said) == 1 and said[0].startswith(f"{path}:2: ") and "1e+06" in said[0], said
    assert len(window.state) == 6
    window.training_panel.epochs.setValue(1)
    window.train()
    qtbot.waitUntil(lambda: window.controller.state == "idle", timeout=60000)
    assert window.model_state.steps > 0 and np.isfinite(window.model_state.history[-1].loss)


def test_a_zip_bomb_opened_as_a_model_is_refused_at_once(make_window, tmp_path, qtbot):
    """Model › Open on a zip bomb (members under the per-member limit, 67 M parameters declared in all):
    refused from the declared sizes before anything is inflated; the GUI thread is held well under 50 ms
    (benchmarks/model_bomb_gui.py measures the 4.2 MB, 4 GiB one)."""
    import io
    import resource
    import time
    import zipfile

    bomb = tmp_path / "bomb.npz"
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False,
                                                  "shape": (64 * 2**20 // 4,)})
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(4):
            with z.open(f"{k}.weight.npy", "w") as m:
                m.write(header.getvalue())
                for _ in range(64):
                    m.write(bytes(2**20))
    assert bomb.stat().st_size < 1_000_000
    window = make_window(tmp_path / "data")
    said = []
    window.messages.error = lambda title, text: said.append(text)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    assert not window.open_model(str(bomb))
    held = time.perf_counter() - start
    assert held < 0.05, held
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # KiB: no inflating
    assert len(said) == 1 and said[0].startswith(f"{bomb}: declares more than 50,000,000 parameters")
    assert "refused before reading" in said[0]
