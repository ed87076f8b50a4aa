"""Checked exports (engine/export): ONNX through onnx.checker and onnxruntime, TensorFlow.js re-run in NumPy
from the written files, PyTorch's loader; a mismatch leaves no file behind."""

import json
import os

import numpy as np
import pytest

import engine
from engine.export import (
    CHECK_COUNT,
    ExportError,
    ExportMismatch,
    check_inputs,
    export_model,
    export_tfjs,
    run_tfjs,
    web_input,
)

CLASSES = ["square", "triangle", "circle", "irregular"]


def make_model(path, preset="default", size=28, seed=3, sharpen=True):
    """A model whose outputs are far from uniform (the last layer scaled up), saved to path."""
    model = engine.build_model(preset, 4, input_size=size, seed=seed)
    if sharpen:
        model.layers[-1].params["weight"] *= np.float32(40.0)
    engine.save_model(path, model, CLASSES, extra={"preset": preset})
    return engine.load_model(path)


def engine_proba(loaded):
    return loaded.model.predict_proba(check_inputs(loaded.model.input_shape[-1]))


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_check_inputs_are_fixed_and_cover_every_class():
    a, b = check_inputs(28), check_inputs(28)
    assert a.shape == (CHECK_COUNT, 1, 28, 28) == (32, 1, 28, 28)
    np.testing.assert_array_equal(a, b)
    assert check_inputs(32).shape == (32, 1, 32, 32)
    assert (a.reshape(32, -1).max(axis=1) > 0.5).all()  # no blank drawing


def test_sharpened_model_is_confident(tmp_path):
    p = engine_proba(make_model(tmp_path / "m.npz"))
    assert p.max(axis=1).mean() > 0.6  # the comparisons below are not between near-uniform outputs


# -- ONNX ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [28, 32])
@pytest.mark.parametrize("preset", engine.PRESETS)
def test_onnx_export_passes_checker_and_onnxruntime(tmp_path, preset, size):
    onnx = pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    loaded = make_model(tmp_path / "m.npz", preset, size)
    result = export_model(tmp_path / "m.npz", "onnx", tmp_path / "m.onnx")
    assert result.paths == (str(tmp_path / "m.onnx"),) and result.max_diff <= 1e-5
    proto = onnx.load(str(tmp_path / "m.onnx"))
    onnx.checker.check_model(proto, full_check=True)
    assert max(o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")) >= 13
    props = {p.key: p.value for p in proto.metadata_props}
    assert json.loads(props["classes"]) == CLASSES
    assert props["input_size"] == str(size) and "ink 1.0" in props["preprocessing"]
    ops = {n.op_type for n in proto.graph.node}
    assert ops <= {"Conv", "Relu", "MaxPool", "AveragePool", "Flatten", "Gemm", "Softmax"}
    assert ("Conv" in ops) == (preset != "mlp")
    session = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    X = check_inputs(size)
    got = session.run(None, {"input": X})[0]
    expected = engine_proba(loaded)
    assert np.abs(got - expected).max() <= 1e-5
    np.testing.assert_array_equal(got.argmax(1), expected.argmax(1))
    assert leftovers(tmp_path) == []


def test_onnx_avgpool_sigmoid_tanh_layers(tmp_path):
    pytest.importorskip("onnx")
    layers = [engine.Conv2D(1, 3, 5, stride=2, padding=2, rng=np.random.default_rng(0)), engine.Tanh(),
              engine.AvgPool2D(2), engine.Sigmoid(), engine.Flatten(),
              engine.Dense(3 * 7 * 7, 4, rng=np.random.default_rng(1))]
    model = engine.Sequential(layers, (1, 28, 28))
    engine.save_model(tmp_path / "m.npz", model, CLASSES)
    for fmt, out in (("onnx", "m.onnx"), ("tfjs", "web")):
        assert export_model(tmp_path / "m.npz", fmt, tmp_path / out).max_diff <= 1e-5


def test_onnx_mismatch_leaves_nothing_and_keeps_old_file(tmp_path, monkeypatch):
    pytest.importorskip("onnx")
    from engine.export import onnx as onnx_export

    make_model(tmp_path / "m.npz")
    (tmp_path / "old.onnx").write_bytes(b"the user's earlier file")
    real = onnx_export.run_onnx
    monkeypatch.setattr(onnx_export, "run_onnx", lambda path, X: real(path, X) + np.float32(2e-5))
    for target in ("new.onnx", "old.onnx"):
        with pytest.raises(ExportMismatch, match=r"largest probability difference 2\.\d+e-05, allowed 1e-05"):
            export_model(tmp_path / "m.npz", "onnx", tmp_path / target)
    assert not (tmp_path / "new.onnx").exists()
    assert (tmp_path / "old.onnx").read_bytes() == b"the user's earlier file"
    assert leftovers(tmp_path) == []


def test_onnx_missing_package_says_what_to_install(tmp_path, monkeypatch):
    import builtins

    make_model(tmp_path / "m.npz")
    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name.split(".")[0] in ("onnx", "onnxruntime"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    monkeypatch.setattr("importlib.import_module", lambda name: no_onnx(name))
    with pytest.raises(ExportError, match=r"pip install -e '\.\[export\]'"):
        export_model(tmp_path / "m.npz", "onnx", tmp_path / "m.onnx")
    assert not (tmp_path / "m.onnx").exists()


# -- TensorFlow.js ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [28, 32, 20])
@pytest.mark.parametrize("preset", engine.PRESETS)
def test_tfjs_files_rerun_in_numpy_match_the_engine(tmp_path, preset, size):
    loaded = make_model(tmp_path / "m.npz", preset, size)
    out = tmp_path / "web"
    result = export_model(tmp_path / "m.npz", "tfjs", out)
    assert result.max_diff <= 1e-5
    spec = json.loads((out / "model.json").read_text())
    assert spec["format"] == "layers-model"
    layers = spec["modelTopology"]["config"]["layers"]
    assert layers[0]["config"]["batch_input_shape"] == [None, size, size, 1]  # channels-last
    assert all(lay["config"].get("data_format", "channels_last") == "channels_last" for lay in layers)
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["labels"] == CLASSES and meta["imageSize"] == size and meta["grayscale"] is True
    # independently of the export's own check: a page's input (dark ink on white, x / 127 - 1)
    X = check_inputs(size)
    got = run_tfjs(out, web_input(X))
    expected = engine_proba(loaded)
    assert np.abs(got - expected).max() <= 1e-5
    np.testing.assert_array_equal(got.argmax(1), expected.argmax(1))
    ml5 = out / "ml5"
    assert ml5.is_dir() == (224 % size == 0)
    if ml5.is_dir():
        spec5 = json.loads((ml5 / "model.json").read_text())
        assert spec5["modelTopology"]["config"]["layers"][0]["config"]["batch_input_shape"] == [
            None, 224, 224, 3]
        assert np.abs(run_tfjs(ml5, web_input(X, rgb=True)) - expected).max() <= 1e-5
    assert leftovers(tmp_path) == []


def test_tfjs_web_input_is_white_paper_dark_ink():
    X = np.zeros((1, 1, 28, 28), np.float32)
    X[0, 0, 5, 5] = 1.0
    v = web_input(X)
    assert v.shape == (1, 28, 28, 1)
    assert v[0, 0, 0, 0] == pytest.approx(255 / 127 - 1) and v[0, 5, 5, 0] == pytest.approx(-1.0)


def test_tfjs_wrong_flatten_order_fails_and_leaves_nothing(tmp_path):
    loaded = make_model(tmp_path / "m.npz", "default")
    with pytest.raises(ExportMismatch, match="disagrees with ShapeLab"):
        export_tfjs(loaded, tmp_path / "web", _flatten_order="chw")
    assert not (tmp_path / "web").exists()
    assert leftovers(tmp_path) == []
    export_tfjs(loaded, tmp_path / "web")  # the right order passes
    assert sorted(os.listdir(tmp_path / "web")) == ["metadata.json", "ml5", "model.json", "weights.bin"]


def test_tfjs_rerun_is_channels_last(tmp_path):
    """The NumPy re-run reads the files as written: transposing the input breaks the match."""
    loaded = make_model(tmp_path / "m.npz", "default")
    export_tfjs(loaded, tmp_path / "web")
    x = web_input(check_inputs(28))
    ok = run_tfjs(tmp_path / "web", x)
    swapped = run_tfjs(tmp_path / "web", x.transpose(0, 2, 1, 3).copy())
    assert np.abs(ok - engine_proba(loaded)).max() <= 1e-5
    assert np.abs(swapped - ok).max() > 1e-3


def test_tfjs_refuses_a_file_as_target(tmp_path):
    loaded = make_model(tmp_path / "m.npz")
    (tmp_path / "web").write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export_tfjs(loaded, tmp_path / "web")


# -- PyTorch -------------------------------------------------------------------------------------------


def test_torch_export_writes_weights_and_loader(tmp_path):
    make_model(tmp_path / "m.npz")
    result = export_model(tmp_path / "m.npz", "torch", tmp_path / "out" / "my-model.pt")
    weights, code = tmp_path / "out" / "my_model.npz", tmp_path / "out" / "my_model.py"
    assert result.paths == (str(weights), str(code))
    assert weights.read_bytes() == (tmp_path / "m.npz").read_bytes()
    text = code.read_text()
    compile(text, str(code), "exec")
    assert "from my_model import load" in text and "load_state_dict(state, strict=True)" in text
    assert leftovers(tmp_path / "out") == []


def test_torch_loader_runs_in_pytorch(tmp_path):
    torch = pytest.importorskip("torch")
    import importlib.util

    loaded = make_model(tmp_path / "m.npz", "wide")
    result = export_model(tmp_path / "m.npz", "torch", tmp_path / "net")
    assert result.checked == "the loader run in PyTorch" and result.max_diff <= 1e-5
    spec = importlib.util.spec_from_file_location("net", tmp_path / "net.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model, classes, meta = module.load()
    assert classes == CLASSES and not model.training
    with torch.no_grad():
        got = model(torch.from_numpy(check_inputs(28))).softmax(1).numpy()
    assert np.abs(got - engine_proba(loaded)).max() <= 1e-5


def test_unknown_format_and_bad_model_file(tmp_path):
    make_model(tmp_path / "m.npz")
    with pytest.raises(ExportError, match="unknown format"):
        export_model(tmp_path / "m.npz", "keras", tmp_path / "x")
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(engine.ModelFileError):
        export_model(tmp_path / "bad.npz", "tfjs", tmp_path / "x")


def test_tfjs_teachable_machine_and_ml5_pipelines_in_numpy(tmp_path):
    """What the loaders do to a page's image (dark ink on white, RGB 0..255), written out here as Teachable
    Machine's image library (grey = 0.2989 R + 0.587 G + 0.114 B, then x / 127 - 1) and ml5 (RGB 224×224,
    x / 127 - 1) do it: the exported graph turns it into ShapeLab's input. TM's grey weights add up to
    0.9999, so its figures differ from ShapeLab's by about 1e-4 at most; ml5's are exact."""
    loaded = make_model(tmp_path / "m.npz", "default")
    export_tfjs(loaded, tmp_path / "web")
    X = check_inputs(28)
    expected = engine_proba(loaded)
    rgb = np.repeat((255.0 * (1.0 - X[:, 0]))[..., None], 3, axis=3)  # (N, 28, 28, 3), 0..255
    grey = (rgb * np.array([0.2989, 0.587, 0.114])).sum(axis=-1, keepdims=True)
    tm = run_tfjs(tmp_path / "web", (grey / 127 - 1).astype(np.float32))
    assert np.abs(tm - expected).max() < 1e-3
    np.testing.assert_array_equal(tm.argmax(1), expected.argmax(1))
    big = np.repeat(np.repeat(rgb, 8, axis=1), 8, axis=2)  # the page's 224×224 image
    ml5 = run_tfjs(tmp_path / "web" / "ml5", (big / 127 - 1).astype(np.float32))
    assert np.abs(ml5 - expected).max() <= 1e-5
