"""The hostile-input corpus: files that are damaged, malicious or simply not what their name says.

The corpus is built at test time in a temporary folder (nothing large is kept in git). Every case goes
through the engine's readers (read_ndjson, DrawingStore, load_model) and must give a clear message naming
the file (and the line, for NDJSON), no exception but the documented ones (OSError for a file that cannot
be opened, ModelFileError for a model), every valid line of the same file kept, in bounded time and
memory. The memory-heavy cases run in a subprocess whose peak memory (ru_maxrss) is measured. A few
representative cases also go through the command line (`python main.py evaluate`).
"""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from engine import DrawingStore, ModelFileError, build_model, load_model, read_ndjson, save_model

ROOT = Path(__file__).resolve().parents[2]
SECONDS, MEGABYTES = 10.0, 500
GOOD = '{"word":"square","drawing":[[[0,10,10,0,0],[0,0,10,10,0]]]}'
CLASSES = ["square", "triangle", "circle", "irregular"]


def lines(*items: str | bytes) -> bytes:
    return b"".join((i if isinstance(i, bytes) else i.encode()) + b"\n" for i in items)


def drawing_line(drawing, **extra) -> str:
    return json.dumps({"word": "square", "drawing": drawing, **extra})


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(range(i, i + 48)) for i in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------------------------------------------
# NDJSON cases: name -> (content, drawings kept, {line: words in its message})

NDJSON_CASES: dict[str, tuple[bytes, int, dict[int, str]]] = {
    "bom": (b"\xef\xbb\xbf" + lines(GOOD, GOOD), 2, {}),
    "crlf": (GOOD.encode() + b"\r\n" + GOOD.encode() + b"\r\n", 2, {}),
    "empty": (b"", 0, {}),
    "only_blank_lines": (b"\n\n   \n\t\r\n\n", 0, {}),
    "nested_brackets": (lines(GOOD, "[" * 100_000, GOOD), 2, {2: "nested too deeply"}),
    "nested_objects": (lines('{"a":' * 50_000 + "1" + "}" * 50_000, GOOD), 1, {1: "nested too deeply"}),
    "huge_int": (lines(GOOD, drawing_line([[[0, 1], [0, 2]]]).replace("2]", "9" * 5000 + "]")), 1,
                 {2: "4300 digits"}),
    "int_beyond_float": (lines(drawing_line([[[0, 10**400], [0, 1]]]), GOOD), 1, {1: "too large"}),
    "million_point_stroke": (lines(GOOD, drawing_line([[list(range(1_000_000)), [1] * 1_000_000]])), 1,
                             {2: "too many points (1,000,000"}),
    "scribble": (lines(drawing_line([[[(i * 7919) % 1000 for i in range(5000)],
                                      [(i * 104729) % 1000 for i in range(5000)]]]), GOOD), 1,
                 {1: "times as long as the drawing is wide"}),
    "too_many_strokes": (lines(drawing_line([[[0], [0]]] * 10_001), GOOD), 1, {1: "too many strokes"}),
    "coords_1e308": (lines(GOOD, drawing_line([[[-1e308, 1e308], [0, 1]]])), 1, {2: "beyond ±1e+06"}),
    "nan_literal": (lines('{"word":"x","drawing":[[[NaN,1],[0,1]]]}', GOOD), 1, {1: "NaN is not a JSON"}),
    "infinity_literals": (lines(GOOD, '{"word":"x","drawing":[[[Infinity,-Infinity],[0,1]]]}'), 1,
                          {2: "Infinity is not a JSON"}),
    "float_overflow": (lines('{"word":"x","drawing":[[[1e999,1],[0,1]]]}', GOOD), 1, {1: "not a finite"}),
    "wrong_type_top": (lines("[1,2]", '"square"', "42", "null", "true", GOOD), 1,
                       {1: "expected a JSON object", 2: "got str", 3: "got int", 4: "got NoneType",
                        5: "got bool"}),
    "wrong_type_word": (lines('{"word":5,"drawing":[[[0],[0]]]}', '{"drawing":[[[0],[0]]]}', GOOD), 1,
                        {1: '"word" must be a string', 2: 'missing "word"'}),
    "wrong_type_drawing": (lines(GOOD, '{"word":"x","drawing":"square"}', '{"word":"x"}',
                                 '{"word":"x","drawing":{"a":1}}'), 1,
                           {2: "must be a list", 3: 'missing "drawing"', 4: "must be a list"}),
    "wrong_type_stroke": (lines('{"word":"x","drawing":[5]}', '{"word":"x","drawing":[[[0,1]]]}',
                                '{"word":"x","drawing":[[0,1]]}', GOOD), 1,
                          {1: "stroke 0 must be", 2: "stroke 0 must be", 3: "stroke 0 must hold lists"}),
    "wrong_type_coordinate": (lines('{"word":"x","drawing":[[[0,"a"],[0,1]]]}',
                                    '{"word":"x","drawing":[[[0,[1]],[0,1]]]}',
                                    '{"word":"x","drawing":[[[0,1,2],[0,1]]]}', GOOD), 1,
                              {1: "lists of numbers", 2: "lists of numbers", 3: "different lengths"}),
    "empty_drawing": (lines('{"word":"x","drawing":[]}', '{"word":"x","drawing":[[[],[]]]}', GOOD), 1,
                      {1: "empty drawing", 2: "empty drawing"}),
    "hostile_thickness": (lines(drawing_line([[[0, 1], [0, 1]]], shapelab_thickness=1e300), GOOD), 1,
                          {1: "shapelab_thickness"}),
    "deep_extra": (lines(drawing_line([[[0, 1], [0, 1]]], notes=json.loads("[" * 40 + "]" * 40)), GOOD), 1,
                   {1: "nest more than 32"}),
    "non_utf8": (lines(GOOD, b'{"word":"\xff\xfe","drawing":[[[0],[0]]]}', GOOD), 2, {2: "not valid UTF-8"}),
    "nul_bytes": (lines(b"\x00" * 200, GOOD), 1, {1: "not valid JSON"}),
    "png_renamed": (png_bytes(), 0, {1: "not valid"}),
    "torn_last_line": (lines(GOOD, GOOD) + GOOD[:20].encode(), 2, {3: "torn last line"}),
    "lone_surrogate": (lines('{"word":"sq\\ud800","drawing":[[[0,1],[0,1]]]}', GOOD), 2, {}),
    "junk_between_good": (lines(*([GOOD, "garbage"] * 600)), 600, {2: "not valid JSON", 4: "not valid JSON"}),
}


# ---------------------------------------------------------------------------------------------------
# Model cases: name -> (builder(path), words in the message)


def npy_header(shape, descr="<f4") -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": descr, "fortran_order": False, "shape": shape})
    return buf.getvalue()


def good_model(path: Path) -> None:
    save_model(path, build_model("tiny", 4, seed=0), CLASSES)


def model_arrays() -> tuple[dict, dict]:
    """The arrays of a good model file (and its description), to damage one part of."""
    buf = io.BytesIO()
    model = build_model("tiny", 4, seed=0)
    save_model_to(buf, model)
    buf.seek(0)
    with np.load(buf) as z:
        arrays = {k: z[k] for k in z.files}
    return arrays, json.loads(str(arrays["__meta__"]))


def save_model_to(buf: io.BytesIO, model) -> None:
    meta = {"format": "shapelab-model", "version": 1, "layers": model.config(), "classes": CLASSES,
            "input_size": 28, "input_shape": [1, 28, 28], "extra": {}}
    np.savez(buf, **model.parameters(), __meta__=np.array(json.dumps(meta)))


def with_meta(text: str):
    def build(path: Path) -> None:
        arrays, _ = model_arrays()
        np.savez(path, **{**arrays, "__meta__": np.array(text)})
    return build


def params_1e9(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("0.weight.npy", npy_header((1000, 1000, 1000)) + bytes(1400))


def zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        m = z.open("0.weight.npy", "w", force_zip64=True)
        m.write(npy_header((1024 * 2**20 // 4,)))
        zeros = bytes(2**20)
        for _ in range(1024):
            m.write(zeros)
        m.close()


def lying_header(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("0.weight.npy", npy_header((10_000_000,)) + bytes(64))


def object_array(path: Path) -> None:
    arrays, _ = model_arrays()
    np.savez(path, **{**arrays, "0.weight": np.array([{"a": 1}], dtype=object)})


def truncated(path: Path) -> None:
    good_model(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def pickle_file(path: Path) -> None:
    path.write_bytes(pickle.dumps({"weights": [1, 2, 3]}))


def single_npy(path: Path) -> None:
    with open(path, "wb") as f:
        np.save(f, np.zeros(3))


def many_layers(path: Path) -> None:
    arrays, meta = model_arrays()
    wide = {"type": "linear", "in_features": 784, "out_features": 10**6}
    meta = {**meta, "layers": [{"type": "flatten"}, wide]}
    np.savez(path, **{**arrays, "__meta__": np.array(json.dumps(meta))})


def fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(path)


MODEL_CASES = {
    "params_1e9": (params_1e9, "declares more than 50,000,000 parameters"),
    "zip_bomb": (zip_bomb, "more than the limit of 268,435,456"),
    "lying_header": (lying_header, "declares shape (10000000,)"),
    "random_bytes": (lambda p: p.write_bytes(np.random.default_rng(0).bytes(4096)),
                     "not a ShapeLab model file (not an .npz archive)"),
    "object_array": (object_array, "pickled Python objects, which are never loaded"),
    "truncated": (truncated, "damaged or truncated"),
    "pickle_file": (pickle_file, "not a ShapeLab model file (not an .npz archive, but a Python pickle"),
    "empty_model": (lambda p: p.write_bytes(b""), "is empty"),
    "single_npy": (single_npy, "a single .npy array"),
    "png_as_model": (lambda p: p.write_bytes(png_bytes()), "not a ShapeLab model file"),
    "ndjson_as_model": (lambda p: p.write_bytes(lines(GOOD)), "not a ShapeLab model file"),
    "meta_nested": (with_meta("[" * 100_000 + "]" * 100_000), "nested too deeply"),
    "meta_huge_int": (with_meta('{"format":"shapelab-model","v":' + "7" * 5000 + "}"), "not usable JSON"),
    "meta_not_json": (with_meta("{nope"), "not valid JSON"),
    "layers_1e9": (many_layers, "the layers declare 785,000,000 parameters"),
    "fifo_model": (fifo, "not a regular file (a FIFO"),
    "directory_model": (lambda p: p.mkdir(), "is a folder"),
}

# Cases whose peak memory is measured in a subprocess (the ones that would allocate if unchecked).
HEAVY = {"scribble", "nested_brackets", "huge_int", "million_point_stroke", "coords_1e308", "params_1e9",
         "zip_bomb", "lying_header", "layers_1e9", "meta_nested", "too_many_strokes"}


def test_the_corpus_is_large_enough():
    assert len(NDJSON_CASES) + len(MODEL_CASES) + 2 >= 30  # + the FIFO and folder NDJSON cases below


# ---------------------------------------------------------------------------------------------------
# Through the engine


@pytest.mark.parametrize("name", sorted(NDJSON_CASES))
def test_ndjson_case_keeps_valid_lines_and_names_file_and_line(name, tmp_path):
    content, kept, expected = NDJSON_CASES[name]
    path = tmp_path / f"{name}.ndjson"
    path.write_bytes(content)
    start = time.perf_counter()
    drawings, problems = read_ndjson(path)
    assert time.perf_counter() - start < SECONDS
    assert len(drawings) == kept
    by_line = {p.line: p for p in problems}
    for line, words in expected.items():
        assert line in by_line, (line, problems[:5])
        assert words in by_line[line].message, by_line[line].message
        assert str(by_line[line]).startswith(f"{path}:{line}: ")
    if not expected and name != "png_renamed":
        assert problems == []
    assert all(p.path == str(path) for p in problems)
    # the same through a DrawingStore: same drawings; a torn tail is cut off, everything else is kept
    before = path.read_bytes()
    store = DrawingStore(path)
    assert store.drawings == drawings
    if name != "torn_last_line":
        assert path.read_bytes() == before
    else:
        assert len(read_ndjson(path)[0]) == kept and read_ndjson(path)[1] == []


def test_a_line_longer_than_16_mib_is_skipped_unread(tmp_path):
    path = tmp_path / "long_line.ndjson"
    with open(path, "wb") as f:
        f.write(lines(GOOD))
        f.write(b'{"word":"x","drawing":[[[' + b"1," * (9 * 2**20) + b"1],[0]]]}\n")
        f.write(lines(GOOD))
    drawings, problems = read_ndjson(path)
    assert len(drawings) == 2
    assert [(p.line, p.message) for p in problems] == [(2, "a line longer than 16 MiB; not read")]


def test_many_bad_lines_are_summarised(tmp_path):
    path = tmp_path / "binary.ndjson"
    path.write_bytes(lines(GOOD) + b"\xff\n" * 5000 + lines(GOOD))
    drawings, problems = read_ndjson(path)
    assert len(drawings) == 2 and len(problems) == 1001
    assert problems[-1].line == 1002 and "4,000 more bad lines" in problems[-1].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_ndjson_is_refused_at_once(tmp_path):
    path = tmp_path / "pipe.ndjson"
    os.mkfifo(path)
    for read in (read_ndjson, DrawingStore):
        with pytest.raises(OSError) as info:
            read(path)
        assert "not a regular file (a FIFO" in str(info.value) and str(path) in str(info.value)
    store = DrawingStore(tmp_path / "later.ndjson")
    os.mkfifo(store.path)  # the file became a FIFO after opening
    with pytest.raises(OSError, match="not a regular file"):
        store.append(_drawing())


def test_a_folder_named_ndjson_is_refused(tmp_path):
    path = tmp_path / "folder.ndjson"
    path.mkdir()
    with pytest.raises(IsADirectoryError) as info:
        read_ndjson(path)
    assert str(path) in str(info.value)


def _drawing():
    from engine import Drawing

    return Drawing.from_ndjson_obj(json.loads(GOOD))


@pytest.mark.parametrize("name", sorted(MODEL_CASES))
def test_model_case_is_refused_with_a_clear_message(name, tmp_path):
    build, words = MODEL_CASES[name]
    path = tmp_path / f"{name}.npz"
    build(path)
    start = time.perf_counter()
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    assert time.perf_counter() - start < SECONDS
    message = str(info.value)
    assert message.startswith(f"{path}: ") and words in message, message
    assert "\n" not in message


# ---------------------------------------------------------------------------------------------------
# Peak memory, in a fresh process per case

RUNNER = """
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
t = time.perf_counter()
from engine import load_model, read_ndjson, ModelFileError
t = time.perf_counter()
out = {}
if kind == "ndjson":
    drawings, problems = read_ndjson(path)
    out["drawings"], out["problems"] = len(drawings), [str(p) for p in problems]
else:
    try:
        load_model(path)
        out["error"] = None
    except ModelFileError as e:
        out["error"] = str(e)
out["seconds"] = time.perf_counter() - t
try:  # this process's own peak: Linux carries the parent's (pytest's) peak into ru_maxrss across exec
    with open("/proc/self/status") as f:
        out["maxrss_mb"] = int(f.read().split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError, ValueError):
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_cases_stay_within_time_and_memory(name, tmp_path):
    if name in NDJSON_CASES:
        kind, path = "ndjson", tmp_path / f"{name}.ndjson"
        path.write_bytes(NDJSON_CASES[name][0])
    else:
        kind, path = "model", tmp_path / f"{name}.npz"
        MODEL_CASES[name][0](path)
    proc = subprocess.run([sys.executable, "-c", RUNNER, kind, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert out["seconds"] < SECONDS
    assert out["maxrss_mb"] < MEGABYTES, out["maxrss_mb"]
    if kind == "ndjson":
        assert out["drawings"] == NDJSON_CASES[name][1]
    else:
        assert MODEL_CASES[name][1] in out["error"]


# ---------------------------------------------------------------------------------------------------
# Through the command line: exit 0 or 1, one line naming the file, no traceback


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def cli_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    model = folder / "good.npz"
    good_model(model)
    data = {}
    for name in ("nested_brackets", "huge_int", "coords_1e308", "million_point_stroke", "png_renamed",
                 "bom", "torn_last_line"):
        data[name] = folder / f"{name}.ndjson"
        data[name].write_bytes(NDJSON_CASES[name][0])
    models = {}
    for name in ("params_1e9", "zip_bomb", "random_bytes", "object_array", "meta_nested"):
        models[name] = folder / f"{name}.npz"
        MODEL_CASES[name][0](models[name])
    return folder, model, data, models


def test_cli_evaluate_on_hostile_ndjson(cli_files):
    folder, model, data, _ = cli_files
    for name, path in data.items():
        proc = run_cli("evaluate", str(model), str(path))
        assert proc.returncode in (0, 1), (name, proc.returncode, proc.stderr)
        assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
        if NDJSON_CASES[name][2]:  # a damaged line: a warning naming file and line
            line = min(NDJSON_CASES[name][2])
            assert f"{path}:{line}:" in proc.stderr, (name, proc.stderr)
        if NDJSON_CASES[name][1] == 0:
            assert proc.returncode == 1
            assert str(path) in proc.stderr


def test_cli_evaluate_and_predict_on_hostile_models(cli_files):
    folder, _, data, models = cli_files
    for name, path in models.items():
        for command in ("evaluate", "predict"):
            proc = run_cli(command, str(path), str(data["bom"]))
            assert proc.returncode == 1, (name, command, proc.stderr)
            assert "Traceback" not in proc.stderr + proc.stdout
            errors = [s for s in proc.stderr.splitlines() if str(path) in s]
            assert len(errors) == 1 and MODEL_CASES[name][1] in errors[0], (name, proc.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_cli_train_on_a_fifo_and_a_folder_of_nothing(cli_files, tmp_path):
    fifo_path = tmp_path / "pipe.ndjson"
    os.mkfifo(fifo_path)
    proc = run_cli("train", "--epochs", "1", "--out", str(tmp_path / "m.npz"), str(fifo_path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{fifo_path}" in proc.stderr and "not a regular file" in proc.stderr
    proc = run_cli("train", "--epochs", "1", "--out", str(tmp_path / "m.npz"),
                   str(cli_files[2]["png_renamed"]))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert str(cli_files[2]["png_renamed"]) in proc.stderr
