"""`main.py report`: one self-contained HTML file, parsed here: every section present, every image decodes,
no outside resource, and the accuracy equals `main.py evaluate --json` on the same data."""

from __future__ import annotations

import base64
import json
from html.parser import HTMLParser

import pytest
from PySide6.QtGui import QImage

import engine
from gui import cli
from gui.report_html import png_bytes

SECTIONS = ("dataset", "run", "results", "filters", "model-card")


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.images, self.tags, self.per_class, self.styles = {}, [], [], {}, []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids[a["id"]] = (tag, a)
        if tag == "img":
            self.images.append(a)
        if a.get("class") == "per-class":
            self.per_class[a["data-class"]] = a["data-value"]
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in_style = False


def run(capsys, *argv):
    code = cli.run([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    drawings = engine.generate_drawings(16, seed=4)
    drawings = [engine.Drawing(x.strokes, x.label, {"drawer": f"pupil {k % 3 + 1}"})
                for k, x in enumerate(drawings)]
    engine.write_ndjson(d / "train.ndjson", drawings)
    drawings.append(engine.Drawing(drawings[0].strokes, "star"))  # a label the model does not know
    engine.write_ndjson(d / "data.ndjson", drawings)
    assert cli.run(["train", str(d / "train.ndjson"), "--out", str(d / "m.npz"), "--epochs", "2",
                    "--preset", "tiny", "--seed", "1"]) == 0
    return d


def parse(path) -> Collector:
    c = Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def test_report_sections_images_and_accuracy(trained, capsys, tmp_path):
    d = trained
    code, out, err = run(capsys, "report", d / "m.npz", d / "data.ndjson", "--out", tmp_path / "r.html")
    assert code == 0, err
    assert "Wrote the report" in out
    code, out, _ = run(capsys, "evaluate", d / "m.npz", d / "data.ndjson", "--json")
    assert code == 0
    expected = json.loads(out)
    page = parse(tmp_path / "r.html")
    for sid in (*SECTIONS, "curves", "confusion", "mistakes", "feature-maps", "accuracy"):
        assert sid in page.ids, sid
    assert all(page.ids[s][0] == "section" for s in SECTIONS)
    assert float(page.ids["accuracy"][1]["data-value"]) == expected["accuracy"]
    assert int(page.ids["counted"][1]["data-value"]) == expected["n"] == 64
    for c, v in expected["per_class"].items():
        assert float(page.per_class[c]) == v
    # every picture is an embedded PNG that decodes to the size the page gives it
    assert len(page.images) >= 4 + 2 + 2  # contact sheets, filters, feature maps (+ the sample)
    for img in page.images:
        assert img["src"].startswith("data:image/png;base64,")
        q = QImage.fromData(base64.b64decode(img["src"].split(",", 1)[1]), "PNG")
        assert not q.isNull() and (q.width(), q.height()) == (int(img["width"]), int(img["height"]))
    # self-contained: nothing fetched, no script; a print stylesheet for A4
    assert not any(t == "script" for t, _ in page.tags)
    assert not any(a.get("href", "").startswith("http") or a.get("src", "").startswith("http")
                   for _, a in page.tags)
    css = "".join(page.styles)
    assert "size: A4" in css and "@media print" in css
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<polyline" in text  # the curves the CLI recorded in the model file
    assert "Drawings per drawer" in text and "pupil 3" in text and "no-drawers" not in page.ids
    assert "star (1)" in text  # the unknown label is reported, not counted
    assert "<th>note</th>" in text and "not a class of the model" in text and "<th></th>" not in text
    code, _, err = run(capsys, "report", d / "m.npz", d / "train.ndjson", "--out", tmp_path / "t.html")
    assert code == 0, err
    text = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<th>note</th>" not in text and "<th></th>" not in text  # no empty column


def test_report_without_curves_or_convolutions_says_so(capsys, tmp_path):
    model = engine.build_model("mlp", 4, seed=0)
    engine.save_model(tmp_path / "m.npz", model, ["square", "triangle", "circle", "irregular"])
    engine.write_ndjson(tmp_path / "d.ndjson", engine.generate_drawings(2, seed=1))
    code, _, err = run(capsys, "report", tmp_path / "m.npz", tmp_path / "d.ndjson", "--out",
                       tmp_path / "r.html")
    assert code == 0, err
    page = parse(tmp_path / "r.html")
    assert "no-curves" in page.ids and "no-drawers" in page.ids
    assert "no convolution layers" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_errors_are_one_line(capsys, tmp_path, trained):
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "report", tmp_path / "none.npz", trained / "data.ndjson", "--out", out)
    assert code == 1 and err.count("\n") == 1 and "none.npz" in err
    engine.write_ndjson(tmp_path / "other.ndjson", [engine.Drawing([[[0, 5], [0, 5]]], "star")])
    code, _, err = run(capsys, "report", trained / "m.npz", tmp_path / "other.ndjson", "--out", out)
    assert code == 1 and "none of the labels" in err
    assert not (tmp_path / "r.html").exists()


def test_png_encoder_round_trips():
    import numpy as np

    grey = np.arange(12, dtype=np.uint8).reshape(3, 4) * 20
    q = QImage.fromData(png_bytes(grey), "PNG").convertToFormat(QImage.Format.Format_Grayscale8)
    assert (q.width(), q.height()) == (4, 3)
    assert [q.pixelColor(x, 2).red() for x in range(4)] == list(grey[2])
    rgb = np.zeros((2, 2, 3), np.uint8)
    rgb[0, 1] = (255, 10, 20)
    q = QImage.fromData(png_bytes(rgb), "PNG")
    assert q.pixelColor(1, 0).getRgb()[:3] == (255, 10, 20)
