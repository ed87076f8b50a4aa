"""The command line end to end on small data: synth → train → evaluate → predict, and its errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

import engine
from gui import cli
from gui.core.training import TrainSettings


def run(capsys, *argv):
    code = cli.run(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A small synthetic set and a model trained on it through the CLI (shared by the tests below)."""
    d = tmp_path_factory.mktemp("cli")
    data, model = d / "train.ndjson", d / "model.npz"
    assert cli.run(["synth", "--per-class", "30", "--out", str(data), "--seed", "1"]) == 0
    code = cli.run(
        [
            "train",
            str(data),
            "--out",
            str(model),
            "--epochs",
            "3",
            "--preset",
            "tiny",
            "--seed",
            "2",
            "--val-split",
            "0.2",
        ]
    )
    assert code == 0
    return d, data, model


def test_help_lists_every_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("synth", "train", "evaluate", "predict", "bench"):
        assert command in out


def test_synth_writes_requested_drawings(tmp_path, capsys):
    out = tmp_path / "s.ndjson"
    code, text, _ = run(capsys, "synth", "--per-class", 3, "--out", out, "--classes", "circle,square")
    assert code == 0
    drawings, problems = engine.read_ndjson(out)
    assert problems == []
    assert sorted(d.label for d in drawings) == ["circle"] * 3 + ["square"] * 3
    assert "6 drawings" in text


def test_synth_is_deterministic(tmp_path):
    a, b = tmp_path / "a.ndjson", tmp_path / "b.ndjson"
    for p in (a, b):
        assert cli.run(["synth", "--per-class", "2", "--out", str(p), "--seed", "7"]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_train_saves_a_loadable_model(trained, capsys):
    _, _, model = trained
    loaded = engine.load_model(model)
    assert list(loaded.classes) == list(engine.DEFAULT_CLASSES)
    assert loaded.meta["format"] == "shapelab-model"


def test_train_without_data_uses_the_built_in_starter_set(tmp_path, capsys, monkeypatch):
    from gui import resources

    assert cli.STARTER_PATH == resources.STARTER_PATH and resources.STARTER_PATH.exists()  # shipped
    starter = tmp_path / "starter.ndjson"  # a small stand-in, so the test trains in a second
    engine.write_ndjson(starter, engine.generate_drawings(8, seed=3, classes=("circle", "triangle")))
    monkeypatch.setattr(cli, "STARTER_PATH", starter)
    out = tmp_path / "m.npz"
    code, text, err = run(capsys, "train", "--out", out, "--epochs", 1, "--preset", "tiny")
    assert code == 0, err
    assert f"built-in starter set ({starter})" in err
    loaded = engine.load_model(out)
    assert sorted(loaded.classes) == ["circle", "triangle"]
    assert loaded.meta["extra"]["trained_on"]["files"] == [str(starter)]
    monkeypatch.setattr(cli, "STARTER_PATH", tmp_path / "missing.ndjson")
    code, _, err = run(capsys, "train", "--out", tmp_path / "m2.npz")
    assert code == 1 and "starter set is missing" in err and not (tmp_path / "m2.npz").exists()


def test_evaluate_json(trained, capsys):
    d, data, model = trained
    code, out, _ = run(capsys, "evaluate", model, data, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["n"] == 120
    assert result["classes"] == list(engine.DEFAULT_CLASSES)
    confusion = np.array(result["confusion"])
    assert confusion.sum() == 120 and (confusion.sum(axis=1) == 30).all()
    assert result["accuracy"] == pytest.approx(np.trace(confusion) / 120)
    for i, c in enumerate(result["classes"]):
        assert result["per_class"][c] == pytest.approx(confusion[i, i] / 30)


def test_evaluate_reports_unknown_labels(trained, tmp_path, capsys):
    _, _, model = trained
    drawings = engine.generate_drawings(2, seed=3, classes=("circle",))
    other = [engine.Drawing(strokes=d.strokes, label="hexagon", extra={}) for d in drawings]
    path = tmp_path / "mixed.ndjson"
    engine.write_ndjson(path, drawings + other)
    code, out, _ = run(capsys, "evaluate", model, path, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["n"] == 2
    assert result["unknown_labels"] == {"hexagon": 2}


def test_predict_npy_matches_model(trained, tmp_path, capsys):
    _, data, model = trained
    drawings, _ = engine.read_ndjson(data)
    X = engine.rasterize_many(drawings[:5])
    npy = tmp_path / "x.npy"
    np.save(npy, X[:, 0])  # (N, S, S) form
    code, out, _ = run(capsys, "predict", model, npy, "--json")
    assert code == 0
    results = json.loads(out)
    expected = engine.load_model(model).model.predict_proba(X)
    assert [r["index"] for r in results] == list(range(5))
    for r, p in zip(results, expected, strict=True):
        probs = np.array([r["probabilities"][c] for c in engine.DEFAULT_CLASSES])
        np.testing.assert_allclose(probs, p, rtol=1e-5, atol=1e-6)
        assert r["label"] == engine.DEFAULT_CLASSES[int(np.argmax(p))]
        assert sum(r["probabilities"].values()) == pytest.approx(1.0, abs=1e-5)


def test_predict_image_and_ndjson(trained, tmp_path, capsys):
    from gui import images

    _, data, model = trained
    drawings, _ = engine.read_ndjson(data)
    raster = engine.rasterize(drawings[0])
    png = tmp_path / "one.png"
    images.write_png(png, raster, invert=True)  # dark ink on white, like a scan
    code, out, _ = run(capsys, "predict", model, png, data, "--json")
    assert code == 0
    results = json.loads(out)
    assert len(results) == 1 + len(drawings)
    assert results[0]["input"] == str(png)


def test_image_folder_training_and_evaluation(trained, tmp_path, capsys):
    from gui import images

    _, data, model = trained
    drawings, _ = engine.read_ndjson(data)
    folder = tmp_path / "folder"
    images.export_image_folder(drawings[:40], folder)
    code, out, _ = run(capsys, "evaluate", model, folder, "--json")
    assert code == 0
    assert json.loads(out)["n"] == 40
    # a mix of NDJSON drawings and an image folder trains one model
    mixed = tmp_path / "mixed.npz"
    code, out, _ = run(
        capsys, "train", data, folder, "--out", mixed, "--epochs", 1, "--preset", "tiny", "--val-split", 0.25
    )
    assert code == 0, out
    meta = engine.load_model(mixed).meta
    assert meta["extra"]["trained_on"]["samples"] == (len(drawings) + 40) * 3 // 4


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "x.ndjson"],  # no --out
        ["synth", "--out", "x.ndjson"],  # no --per-class
        ["train", "x.ndjson", "--out", "m.npz", "--optimizer", "rmsprop"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage" in err
    assert not list(tmp_path.iterdir())


def test_bad_data_exits_1_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.ndjson"
    bad.write_text('this is not json\n{"word": "circle"\n')
    out = tmp_path / "m.npz"
    code, _, err = run(capsys, "train", bad, "--out", out)
    assert code == 1
    assert str(bad) in err and "Traceback" not in err
    assert "no valid" in err
    assert not out.exists()


def test_missing_and_foreign_files_exit_1(tmp_path, capsys):
    foreign = tmp_path / "notes.npz"
    foreign.write_bytes(b"PK\x03\x04 definitely not a model")
    code, _, err = run(capsys, "evaluate", foreign, tmp_path / "none.ndjson")
    assert code == 1
    assert str(foreign) in err and "Traceback" not in err
    code, _, err = run(capsys, "predict", tmp_path / "missing.npz", tmp_path / "x.npy")
    assert code == 1 and "missing.npz" in err


def test_single_class_is_refused(tmp_path, capsys):
    path = tmp_path / "one.ndjson"
    engine.write_ndjson(path, engine.generate_drawings(3, seed=0, classes=("square",)))
    out = tmp_path / "m.npz"
    code, _, err = run(capsys, "train", path, "--out", out)
    assert code == 1 and "two" in err
    assert not out.exists()


def test_bench_json(capsys):
    code, out, _ = run(capsys, "bench", "--json", "--repeats", "3", "--preset", "tiny")
    assert code == 0
    figures = json.loads(out)
    for key in ("train_step_ms", "infer_ms", "batch", "input_size", "parameters"):
        assert key in figures
    assert figures["batch"] == 32 and figures["input_size"] == 28
    assert figures["parameters"] == engine.build_model("tiny", 4).num_parameters()
    assert figures["train_step_ms"] > 0 and figures["infer_ms"] > 0


def test_train_ema_sets_the_weight_averaging(trained, tmp_path, capsys):
    _, data, default_model = trained
    assert engine.TrainConfig().ema_decay == 0.998
    assert engine.load_model(default_model).meta["extra"]["settings"]["ema_decay"] == 0.998  # the default
    off = tmp_path / "off.npz"
    args = ("--epochs", 3, "--preset", "tiny", "--seed", 2, "--val-split", 0.2)
    code, _, err = run(capsys, "train", data, "--out", off, *args, "--ema", 0)
    assert code == 0, err
    a, b = engine.load_model(default_model), engine.load_model(off)
    assert b.meta["extra"]["settings"]["average"] is False
    # same data, seed and steps: only where the weights end differs
    assert any(not np.array_equal(w, b.model.weights()[k]) for k, w in a.model.weights().items())
    for bad in (1, -0.5):
        code, _, err = run(capsys, "train", data, "--out", tmp_path / "bad.npz", "--ema", bad)
        assert code == 2 and "--ema" in err
    assert not (tmp_path / "bad.npz").exists()


def test_no_command_exits_2_with_the_usage(capsys):
    code, out, err = run(capsys)
    assert code == 2 and "usage: shapelab" in err and "give a command" in err and out == ""


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--epochs", "0"),
        ("--lr", "-1"),
        ("--val-split", "1.5"),
        ("--batch", "0"),
        ("--lr", "nan"),
        ("--ema", "1"),
    ],
)
def test_bad_option_values_exit_2_naming_the_option(option, value, tmp_path, capsys):
    code, _, err = run(capsys, "train", "--out", tmp_path / "m.npz", option, value)
    assert code == 2 and option in err and "usage" in err
    assert not list(tmp_path.iterdir())


def test_out_in_a_missing_folder_fails_before_training(trained, tmp_path, capsys):
    _, data, _ = trained
    out = tmp_path / "no" / "such" / "m.npz"
    code, text, err = run(capsys, "train", data, "--out", out, "--epochs", 50)
    assert code == 1 and str(out) in err and "does not exist" in err
    assert "epoch" not in err and text == ""  # no training happened
    code, _, err = run(capsys, "synth", "--per-class", 2, "--out", tmp_path / "none" / "s.ndjson")
    assert code == 1 and "does not exist" in err


def test_the_cli_writes_the_apps_extra_schema(trained):
    from gui.core.model_state import ModelState

    _, data, model = trained
    extra = engine.load_model(model).meta["extra"]
    assert extra["schema"] == 1 and extra["preset"] == "tiny" and extra["seed"] == 2 and extra["epochs"] == 3
    samples = extra["trained_on"]["samples"]
    copies = TrainSettings().copies  # versions of every drawing an epoch shows (the CLI's --versions)
    assert samples == 96 and extra["steps"] == 3 * -(-samples * copies // 32)  # epochs × ceil(N / batch)
    assert extra["trained_on"]["files"] == [str(data)] and extra["trained_on"]["size"] == 120
    assert [h["epoch"] for h in extra["history"]] == [1, 2, 3] and extra["created"]
    assert extra["settings"]["val_split"] == 0.2 and extra["settings"]["batch_size"] == 32
    state = ModelState()
    state.load(model)  # what the app does with it
    assert state.steps == extra["steps"] and state.note == f"Loaded from model.npz · {extra['steps']} steps"


def test_bmp_images_work_in_predict_and_in_an_image_folder(trained, tmp_path, capsys):
    from gui import images

    _, data, model = trained
    drawings, _ = engine.read_ndjson(data)
    for n, d in enumerate(drawings[:8]):
        (tmp_path / "bmp" / d.label).mkdir(parents=True, exist_ok=True)
        pixels = 255 - np.rint(engine.rasterize(d) * 255).astype(np.uint8)
        assert images.gray_to_qimage(pixels).save(str(tmp_path / "bmp" / d.label / f"{n}.bmp"))
    code, out, _ = run(capsys, "evaluate", model, tmp_path / "bmp", "--json")
    assert code == 0 and json.loads(out)["n"] == 8
    one = next((tmp_path / "bmp").rglob("*.bmp"))
    code, out, _ = run(capsys, "predict", model, one, "--json")
    assert code == 0 and json.loads(out)[0]["input"] == str(one)


def test_commands_are_registered_in_one_list():
    names = [c.name for c in cli.COMMANDS]
    assert names[:5] == ["synth", "train", "evaluate", "predict", "bench"]
    with pytest.raises(ValueError, match="already"):
        cli.register(cli.COMMANDS[0])


def test_main_starts_the_app_without_a_command_and_the_cli_with_one(monkeypatch):
    import main

    started = []
    monkeypatch.setattr("gui.app.run", lambda argv, data_dir=None: started.append(data_dir) or 0)
    assert main.main([]) == 0 and main.main(["--data-dir", "/tmp/x"]) == 0 and started == [None, "/tmp/x"]
    assert main.split_app_options(["--data-dir=/d", "bench", "--json"]) == ("/d", ["bench", "--json"])
    assert main.main(["frobnicate"]) == 2 and len(started) == 2


def test_the_cli_and_the_app_ask_for_the_same_run():
    from gui.core.training import TrainSettings

    args = cli.build_parser().parse_args(["train", "d.ndjson", "--out", "m.npz"])
    assert cli.train_settings(args) == TrainSettings()  # the defaults are one set
    args = cli.build_parser().parse_args(
        ["train", "--out", "m.npz", "--ema", "0", "--lr", "0.01", "--batch", "8"]
    )
    s = cli.train_settings(args)
    assert s == TrainSettings(lr=0.01, batch_size=8, average=False) and s.config().ema_decay == 0.0
