"""The classroom commands: merge without exact duplicates, evaluate several models in one table, train
with a validation split by drawer, bad option values as usage errors naming the option, --version."""

from __future__ import annotations

import json

import pytest

import engine
from engine import Drawing, generate_drawings, read_ndjson, write_ndjson
from gui import cli


def run(capsys, *argv):
    code = cli.run([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def students(folder, names=("ana", "ben", "cy", "dee")):
    """One file per student: the same 8 starter drawings plus 12 of their own (3 per class)."""
    folder.mkdir(parents=True, exist_ok=True)
    common = generate_drawings(2, seed=1)
    for k, name in enumerate(names):
        own = [Drawing(d.strokes, d.label, {"drawer": name}) for d in generate_drawings(3, seed=10 + k)]
        write_ndjson(folder / f"{name}.ndjson", common + own)
    return [folder / f"{n}.ndjson" for n in names]


def test_merge_drops_exact_duplicates_and_reports(tmp_path, capsys):
    files = students(tmp_path / "class")
    out = tmp_path / "class.ndjson"
    code, text, err = run(capsys, "merge", *files, "--out", out)
    assert code == 0, err
    merged, problems = read_ndjson(out)
    assert len(merged) == 8 + 4 * 12 and not problems
    assert "Merged 4 files: 56 drawings kept, 24 exact duplicates dropped." in text
    assert "4 drawers: ana 12, ben 12, cy 12, dee 12" in text and "(and 8 drawings without a drawer)" in text
    code, text, _ = run(capsys, "merge", tmp_path / "class", out, "--out", out, "--json")  # a folder, again
    report = json.loads(text)
    assert code == 0 and report["kept"] == 56 and report["per_class"]["square"] == 14
    assert len(read_ndjson(out)[0]) == 56


def test_merge_bad_inputs(tmp_path, capsys):
    code, _, err = run(capsys, "merge", tmp_path / "none.ndjson", "--out", tmp_path / "o.ndjson")
    assert code == 1 and "none.ndjson" in err and not (tmp_path / "o.ndjson").exists()
    code, _, err = run(capsys, "merge", tmp_path, "--out", tmp_path / "missing" / "o.ndjson")
    assert code == 1 and "missing" in err and "does not exist" in err  # before reading anything
    png = tmp_path / "a.ndjson"
    png.write_bytes(b"\x89PNG\r\n\x1a\n not drawings")
    code, _, err = run(capsys, "merge", png, "--out", tmp_path / "o.ndjson")
    assert code == 1 and "no valid drawings" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("option", "value"),
    [("--epochs", 0), ("--lr", -1), ("--val-split", 1.5), ("--batch", "x"), ("--ema", 1)],
)
def test_bad_values_exit_2_naming_the_option(option, value, tmp_path, capsys):
    data = tmp_path / "d.ndjson"
    write_ndjson(data, generate_drawings(2, seed=0))
    code, _, err = run(capsys, "train", data, "--out", tmp_path / "m.npz", option, value)
    assert code == 2 and f"argument {option}:" in err and "Traceback" not in err
    assert not (tmp_path / "m.npz").exists()


def test_out_in_a_missing_folder_fails_before_training(tmp_path, capsys):
    data = tmp_path / "d.ndjson"
    write_ndjson(data, generate_drawings(2, seed=0))
    code, _, err = run(capsys, "train", data, "--out", tmp_path / "nope" / "m.npz", "--epochs", 50)
    assert code == 1 and "nope" in err and "does not exist" in err
    assert "epoch 1/" not in err  # no progress line: nothing trained


def test_version(capsys):
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["--version"])
    assert "shapelab" in capsys.readouterr().out.lower()


def test_val_by_drawer_and_several_models_in_one_table(tmp_path, capsys):
    files = students(tmp_path / "class")
    merged = tmp_path / "class.ndjson"
    assert run(capsys, "merge", *files, "--out", merged)[0] == 0
    common = ("--epochs", 1, "--preset", "tiny", "--val-split", 0.25, "--no-augment")
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    code, text, err = run(capsys, "train", merged, "--out", a, "--val-by", "drawer", *common)
    assert code == 0, err
    assert "on 44 samples" in text and "on 12 held out" in text  # one of four drawers (12) held out
    assert run(capsys, "train", merged, "--out", b, "--seed", 1, *common)[0] == 0
    code, text, err = run(capsys, "evaluate", a, b, merged, "--json")
    assert code == 0, err
    rows = json.loads(text)
    assert [r["model"] for r in rows] == [str(a), str(b)] and all(r["n"] == 56 for r in rows)
    assert set(rows[0]["per_drawer"]) == {"ana", "ben", "cy", "dee"}
    single = json.loads(run(capsys, "evaluate", a, merged, "--json")[1])
    assert single["accuracy"] == pytest.approx(rows[0]["accuracy"])
    # one model prints the per-drawer table too, with the multi-model figures (12 drawings each)
    assert {d: r["accuracy"] for d, r in single["per_drawer"].items()} == pytest.approx(
        {d: r["accuracy"] for d, r in rows[0]["per_drawer"].items()})
    assert [single["per_drawer"][d]["n"] for d in ("ana", "ben", "cy", "dee")] == [12, 12, 12, 12]
    code, text, _ = run(capsys, "evaluate", a, merged)
    table = text[text.index("per drawer"):]
    row = {line.split()[0]: line.split()[1:] for line in table.splitlines()[1:5]}
    pa = rows[0]["per_drawer"]
    assert row == {d: [f"{pa[d]['accuracy']:.1%}", "12"] for d in ("ana", "ben", "cy", "dee")}
    assert "(8 samples carry no drawer)" in table
    code, text, _ = run(capsys, "evaluate", a, b, merged)
    assert code == 0 and "2 models on 56 samples" in text and "per drawer" in text and str(b) in text
    one = tmp_path / "one.ndjson"
    write_ndjson(one, [Drawing(d.strokes, d.label, {"drawer": "solo"}) for d in generate_drawings(2, seed=3)])
    code, _, err = run(capsys, "train", one, "--out", tmp_path / "c.npz", "--val-by", "drawer", *common)
    assert code == 1 and "two drawers" in err and not (tmp_path / "c.npz").exists()
    assert engine.load_model(a).classes


def test_starter_set_and_icon_are_package_data(tmp_path):
    """resources/ is found in a clone, and is packed into a wheel as gui.assets, so `pip install --user`
    finds it too (a wheel is built here, without dependencies or network)."""
    import shutil
    import subprocess
    import sys
    import tomllib
    import zipfile
    from pathlib import Path

    from gui import resources

    root = Path(__file__).resolve().parents[2]
    for path in (resources.STARTER_PATH, resources.ICON_PATH, resources.ICON_PNG_PATH):
        assert path.is_file() and path.parent == root / "resources"
    project = tomllib.loads((root / "pyproject.toml").read_text())
    assert project["tool"]["setuptools"]["package-dir"]["gui.assets"] == "resources"
    assert "*.ndjson" in project["tool"]["setuptools"]["package-data"]["gui.assets"]
    listed = set(project["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(root).parts) for p in root.glob("*/**/__init__.py")
               if p.parts[len(root.parts)] in ("engine", "gui")}
    assert listed == folders | {"gui.assets"}, "pyproject.toml › packages must name every package"
    src = tmp_path / "src"  # a clean copy: no build/ or egg-info left in the checkout
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "main.py"):
        shutil.copy2(root / name, src / name)
    for name in ("engine", "gui", "resources"):
        shutil.copytree(root / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path),
         str(src)], capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr[-1500:]
    (wheel,) = tmp_path.glob("shapelab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"gui/assets/starter.ndjson", "gui/assets/icon.svg", "gui/assets/icon.png"} <= names
    assert len(read_ndjson(resources.STARTER_PATH)[0]) == 2000
