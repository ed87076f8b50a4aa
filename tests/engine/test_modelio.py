"""The .npz model file: round trip, PyTorch names, atomic writes, and refusal of bad files."""

import io
import json
import os
import pickle
import zipfile

import numpy as np
import pytest

from engine import LoadedModel, ModelFileError, build_model, load_model, save_model

CLASSES = ["square", "triangle", "circle", "irregular"]
X = np.random.default_rng(0).random((3, 1, 28, 28), dtype=np.float32)


@pytest.fixture
def saved(tmp_path):
    model = build_model("default", 4, seed=2)
    path = tmp_path / "model.npz"
    save_model(path, model, CLASSES, extra={"epochs": 3})
    return path, model


def test_round_trip_gives_the_same_outputs(saved):
    path, model = saved
    loaded = load_model(path)
    assert isinstance(loaded, LoadedModel)
    assert loaded.classes == CLASSES
    assert loaded.model.config() == model.config()
    np.testing.assert_array_equal(loaded.model.forward(X), model.forward(X))
    assert loaded.meta["extra"] == {"epochs": 3} and loaded.meta["input_size"] == 28


def test_file_uses_pytorch_names_and_plain_arrays(saved):
    path, model = saved
    with np.load(path, allow_pickle=False) as z:
        files = set(z.files)
        assert files == {"0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight",
                         "9.bias", "__meta__"}
        assert z["0.weight"].shape == (16, 1, 3, 3) and z["0.weight"].dtype == np.float32
        assert z["7.weight"].shape == (64, 1372)
        meta_array = z["__meta__"]
        assert meta_array.ndim == 0 and meta_array.dtype.kind == "U"
        meta = json.loads(str(meta_array))
    assert meta["format"] == "shapelab-model" and meta["version"] == 1
    assert meta["classes"] == CLASSES and meta["input_size"] == 28
    assert meta["layers"][0] == {"type": "conv2d", "in_channels": 1, "out_channels": 16, "kernel_size": 3,
                                 "stride": 1, "padding": 1}
    assert meta["layers"][2] == {"type": "maxpool2d", "kernel_size": 2, "stride": 2}
    assert meta["layers"][6] == {"type": "flatten"}
    assert meta["layers"][7] == {"type": "linear", "in_features": 1372, "out_features": 64}


def test_write_is_atomic_temp_file_then_replace(tmp_path, monkeypatch):
    path = tmp_path / "model.npz"
    path.write_bytes(b"old contents")
    calls = []
    real_replace = os.replace

    def spy(src, dst):
        calls.append((os.fspath(src), os.fspath(dst)))
        assert os.path.dirname(os.fspath(src)) == os.fspath(tmp_path)  # same folder: a rename
        assert path.read_bytes() == b"old contents"  # the target is untouched until the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    save_model(path, build_model("tiny", 4), CLASSES)
    assert len(calls) == 1 and calls[0][1] == os.fspath(path) and calls[0][0] != os.fspath(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.npz"]  # no temp file left
    load_model(path)


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "model.npz"
    save_model(path, build_model("tiny", 4, seed=1), CLASSES)
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save_model(path, build_model("tiny", 4, seed=2), CLASSES)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.npz"]


def test_class_count_must_match_outputs(tmp_path):
    with pytest.raises(ValueError, match="classes"):
        save_model(tmp_path / "m.npz", build_model("tiny", 4), ["a", "b"])


def _refused(path, words):
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert str(path) in message, message
    assert words in message, message
    assert isinstance(info.value, ValueError)


def test_truncated_file_is_refused(saved):
    path, _ = saved
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "damaged")


def test_damaged_file_is_refused(saved):
    path, _ = saved
    data = bytearray(path.read_bytes())
    data[200:400] = bytes(200)  # zero a block inside the first member
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_random_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.npz"
    path.write_bytes(np.random.default_rng(0).bytes(500))
    _refused(path, "not a ShapeLab model file (not an .npz archive)")


def test_pickle_file_is_refused_without_unpickling(tmp_path):
    path = tmp_path / "evil.npz"

    class Boom:
        def __reduce__(self):
            return (os.system, ("echo unpickled > " + str(tmp_path / "pwned"),))

    path.write_bytes(pickle.dumps(Boom()))
    _refused(path, "not a ShapeLab model file (not an .npz archive, but a Python pickle")
    assert not (tmp_path / "pwned").exists()


def test_npz_with_an_object_array_is_refused(tmp_path, saved):
    src, _ = saved
    path = tmp_path / "objects.npz"
    with np.load(src) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["0.weight"] = np.array([{"a": 1}], dtype=object)
    np.savez(path, **arrays)
    _refused(path, "pickled")


def test_empty_file_and_single_npy_array_are_refused(tmp_path):
    empty = tmp_path / "empty.npz"
    empty.write_bytes(b"")
    _refused(empty, "damaged")
    single = tmp_path / "single.npz"
    with open(single, "wb") as f:
        np.save(f, np.zeros(3))
    _refused(single, "single .npy array")


def test_foreign_npz_is_refused(tmp_path):
    path = tmp_path / "foreign.npz"
    np.savez(path, a=np.zeros(3))
    _refused(path, "not a ShapeLab model file")


def test_wrong_format_and_version_are_refused(tmp_path, saved):
    src, _ = saved
    with np.load(src) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(str(arrays["__meta__"]))
    for change, words in [({"format": "other"}, "not a ShapeLab model file"), ({"version": 2}, "version 2"),
                          ({"layers": [{"type": "lstm"}]}, "layer description"),
                          ({"classes": ["a", "b"]}, "2 class names")]:
        path = tmp_path / "changed.npz"
        np.savez(path, **{**arrays, "__meta__": np.array(json.dumps({**meta, **change}))})
        _refused(path, words)


def test_missing_and_misshapen_weights_are_refused(tmp_path, saved):
    src, _ = saved
    with np.load(src) as z:
        arrays = {k: z[k] for k in z.files}
    path = tmp_path / "w.npz"
    np.savez(path, **{k: v for k, v in arrays.items() if k != "9.bias"})
    _refused(path, "missing ['9.bias']")
    np.savez(path, **{**arrays, "9.bias": np.zeros(5, np.float32)})
    _refused(path, "'9.bias' has shape (5,)")
    np.savez(path, **{**arrays, "9.bias": np.full(4, np.nan, np.float32)})
    _refused(path, "finite")


def test_missing_file_and_folder(tmp_path):
    _refused(tmp_path / "nope.npz", "no such file")
    _refused(tmp_path, "folder")


def test_not_a_zip_member_problem(tmp_path, saved):
    path, _ = saved
    with zipfile.ZipFile(path, "a") as z:  # an extra non-array member
        z.writestr("notes.txt", "hello")
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert str(path) in str(info.value)


def _npy_header(shape, descr="<f4") -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": descr, "fortran_order": False, "shape": shape})
    return buf.getvalue()


def test_a_small_file_declaring_a_billion_parameters_is_refused_before_allocating(tmp_path):
    path = tmp_path / "huge.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("0.weight.npy", _npy_header((1000, 1000, 1000)) + bytes(1000))
    assert path.stat().st_size < 2000
    _refused(path, "declares more than 50,000,000 parameters")


def test_a_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        m = z.open("0.weight.npy", "w", force_zip64=True)
        m.write(_npy_header((300 * 2**20 // 4,)))
        zeros = bytes(2**20)
        for _ in range(300):
            m.write(zeros)
        m.close()
    assert path.stat().st_size < 2 * 2**20
    _refused(path, "more than the limit of 268,435,456")


def test_a_header_that_lies_about_the_entry_size_is_refused(tmp_path):
    path = tmp_path / "lie.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("0.weight.npy", _npy_header((1000,)) + bytes(40))
    _refused(path, "declares shape (1000,)")


def test_layers_declaring_too_many_parameters_are_refused_before_building(tmp_path, saved):
    src, _ = saved
    with np.load(src) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(str(arrays["__meta__"]))
    path = tmp_path / "big_layers.npz"
    wide = {"type": "linear", "in_features": 784, "out_features": 10**6}
    big = {**meta, "layers": [{"type": "flatten"}, wide]}
    np.savez(path, **{**arrays, "__meta__": np.array(json.dumps(big))})
    _refused(path, "the layers declare 785,000,000 parameters")
    for bad, words in [("[" * 100_000 + "]" * 100_000, "nested too deeply"),
                       ('{"format": "shapelab-model", "n": ' + "9" * 5000 + "}", "not usable JSON"),
                       (json.dumps({**meta, "extra": json.loads("[" * 40 + "]" * 40)}), "more than 32"),
                       (json.dumps({**meta, "input_size": 10**6, "input_shape": [1, 10**6, 10**6]}),
                        "input size")]:
        np.savez(path, **{**arrays, "__meta__": np.array(bad)})
        _refused(path, words)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path):
    path = tmp_path / "pipe.npz"
    os.mkfifo(path)
    _refused(path, "not a regular file (a FIFO")
