"""`main.py export` and `--version` end to end."""

from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest

import engine
from gui import cli
from gui.export_commands import library_versions, version_text


def run(capsys, *argv):
    code = cli.run([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def model(tmp_path):
    m = engine.build_model("default", 4, seed=2)
    engine.save_model(tmp_path / "m.npz", m, ["square", "triangle", "circle", "irregular"])
    return tmp_path / "m.npz"


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("ShapeLab ") and "MIT" in out and "numpy" in out
    assert library_versions()["numpy"] == np.__version__
    assert version_text() in out.replace("\n", " ")


@pytest.mark.parametrize("fmt,out,files", [
    ("onnx", "m.onnx", ["m.onnx"]),
    ("tfjs", "web", ["web/model.json", "web/weights.bin", "web/metadata.json", "web/ml5/model.json"]),
    ("torch", "net.py", ["net.npz", "net.py"]),
])
def test_export_command(capsys, tmp_path, model, fmt, out, files):
    if fmt == "onnx":
        pytest.importorskip("onnxruntime")
    code, text, err = run(capsys, "export", model, "--format", fmt, "--out", tmp_path / out)
    assert code == 0, err
    if fmt == "torch" and importlib.util.find_spec("torch") is None:  # the loader cannot be run: it says so
        assert "weights reload bit for bit" in text and "torch not installed: not run" in text
    else:
        assert "checked on 32 drawings" in text
    for f in files:
        assert (tmp_path / f).is_file(), f
        assert str(tmp_path / f) in text
    if fmt == "tfjs":
        assert json.loads((tmp_path / "web" / "metadata.json").read_text())["grayscale"] is True


def test_export_errors(capsys, tmp_path, model):
    missing = tmp_path / "missing.npz"
    code, _, err = run(capsys, "export", missing, "--format", "onnx", "--out", tmp_path / "x")
    assert code == 1 and "missing.npz" in err and err.count("\n") == 1
    code, _, err = run(capsys, "export", model, "--format", "keras", "--out", tmp_path / "x")
    assert code == 2
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "export", model, "--format", "tfjs", "--out", tmp_path / "file")
    assert code == 1 and "is a file" in err


def test_the_report_reads_the_curves_train_records(tmp_path):
    from gui.report import history_from_extra

    engine.write_ndjson(tmp_path / "d.ndjson", engine.generate_drawings(8, seed=0))
    assert cli.run(["train", str(tmp_path / "d.ndjson"), "--out", str(tmp_path / "m.npz"), "--epochs", "2",
                    "--preset", "tiny", "--batch", "16"]) == 0
    extra = engine.load_model(tmp_path / "m.npz").meta["extra"]
    hist = history_from_extra(extra)
    assert hist["loss"][0] == [1.0, 2.0] and len(hist["val_accuracy"][1]) == 2
    assert hist["accuracy"][1] == [h["accuracy"] for h in extra["history"]]
