"""The training report: one self-contained HTML file (images embedded as data: URIs, no script, nothing
fetched) that shows what a class did: the dataset, the settings and the run, the results with the
confusion matrix and the most confidently wrong drawings, the learned filters and the feature maps of a
sample drawing, and a model card. A print stylesheet lays it out on A4.

Qt-free: pictures are PNGs and charts inline SVG (made in gui/report_html.py), so `main.py report` needs no
display. `build_report(ReportInput)` returns the HTML text; `write_report` writes it atomically.

The accuracy is computed exactly as `main.py evaluate` does (labels the model does not know are not
counted; rows of the confusion matrix are the true classes).
"""

from __future__ import annotations

import html
import json
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

import engine
from engine.export import FORMATS
from gui.report_html import (
    diverging,
    img,
    ink_pixels,
    pct,
    scale_bar,
    svg_chart,
    table,
    tile_grid,
)
from gui.text import translate

TRAIN_COLOUR, VAL_COLOUR = "#1f77b4", "#d62728"
CONTACT_PER_CLASS = 24
WRONG_SHOWN = 12


@dataclass
class ReportInput:
    """Everything a report shows. X: every sample as network input (N, 1, S, S), in the order of labels;
    drawings[i] is the Drawing of sample i or None for an image; sources[i] names where it came from.
    history: per-epoch series {"loss"|"accuracy"|"val_loss"|"val_accuracy": ([epochs], [values])} (accuracy
    as a fraction), or None when the run was not recorded."""

    model: engine.Sequential
    classes: list[str]
    meta: dict
    model_name: str
    X: np.ndarray
    labels: list[str]
    drawings: list = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    data_names: list[str] = field(default_factory=list)
    history: dict | None = None
    generated_by: str = "ShapeLab"


@dataclass(frozen=True)
class Evaluation:
    """The figures of `main.py evaluate --json` for the known labels."""

    n: int
    accuracy: float
    per_class: dict
    confusion: np.ndarray
    unknown_labels: dict
    known_index: np.ndarray  # indices of the counted samples
    y: np.ndarray
    proba: np.ndarray


def evaluate(model, classes, X: np.ndarray, labels: list[str], batch: int = 256) -> Evaluation:
    known = np.array([label in classes for label in labels], dtype=bool)
    unknown = dict(Counter(label for label, ok in zip(labels, known, strict=True) if not ok))
    idx = np.flatnonzero(known)
    y = np.array([classes.index(labels[i]) for i in idx], np.int64)
    Xk = X[idx]
    parts = [model.predict_proba(Xk[i : i + batch]) for i in range(0, len(Xk), batch)]
    proba = np.concatenate(parts) if parts else np.zeros((0, len(classes)), np.float32)
    pred = proba.argmax(axis=1) if len(proba) else np.zeros(0, np.int64)
    confusion = np.zeros((len(classes), len(classes)), np.int64)
    np.add.at(confusion, (y, pred), 1)
    per_class = {c: (float(confusion[i, i] / confusion[i].sum()) if confusion[i].sum() else None)
                 for i, c in enumerate(classes)}
    total = int(confusion.sum())
    accuracy = float(np.trace(confusion) / total) if total else float("nan")
    return Evaluation(total, accuracy, per_class, confusion, unknown, idx, y, proba)


def history_from_extra(extra: dict) -> dict | None:
    """The per-epoch series of a model file's extra["history"] (gui/core/model_file.py: a list of
    {"epoch" (from 1), "loss", "accuracy", "val_loss", "val_accuracy"}), as svg_chart wants them."""
    hist = extra.get("history") if isinstance(extra, dict) else None
    if not isinstance(hist, list):
        return None
    rows = [h for h in hist if isinstance(h, dict) and isinstance(h.get("epoch"), (int, float))]
    out = {}
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        pts = [(float(h["epoch"]), float(h[key])) for h in rows if isinstance(h.get(key), (int, float))]
        if pts:
            out[key] = ([x for x, _ in pts], [y for _, y in pts])
    return out or None


def _trained_on(extra: dict) -> str:
    t = extra.get("trained_on")
    if isinstance(t, dict):
        text = str(t.get("name") or "")
        if t.get("size"):
            text += translate("Report", " ({value} drawings and images").format(value=t['size'])
            if t.get("samples"):
                split = translate("Report", ", {samples} of them in the training split)")
                text += split.format(samples=t["samples"])
            else:
                text += ")"
        return text
    if isinstance(t, list):
        return ", ".join(map(str, t))
    return ""


# -- the document ---------------------------------------------------------------------------------------

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #202020;
       max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #ddd; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { border: 1px solid #ccc; padding: 2px 8px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
figure { margin: 0; } figcaption { font-size: 0.85rem; color: #444; }
img { image-rendering: pixelated; border: 1px solid #ccc; }
.scale { display: flex; align-items: center; gap: 6px; font-size: 0.85rem; }
.scale .bar { display: inline-block; width: 160px; height: 10px; border: 1px solid #999; }
.note { color: #555; font-size: 0.9rem; } code, pre { background: #f4f4f4; }
pre { padding: 6px; overflow-x: auto; font-size: 0.85rem; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; } section { break-inside: auto; }
  figure, table, svg, pre { break-inside: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  img, svg { max-width: 100%; height: auto; }
}
"""



def _dataset_section(inp: ReportInput, S: int) -> str:
    counts = Counter(inp.labels)
    classes_seen = list(inp.classes) + sorted(c for c in counts if c not in inp.classes)
    rows = [[html.escape(c), counts.get(c, 0)] for c in classes_seen]
    header = [translate("Report", "class"), translate("Report", "samples")]
    if any(c not in inp.classes for c in classes_seen):  # a note column only when there is a note
        header.append(translate("Report", "note"))
        for row, c in zip(rows, classes_seen, strict=True):
            row.append("" if c in inp.classes else translate("Report", "not a class of the model"))
    out = [translate("Report", "<p>{value} samples from {value2}.</p>").format(
        value=len(inp.labels), value2=html.escape(', '.join(inp.data_names) or '—')
    ),
           translate("Report", "<h3>Drawings per class</h3>"), table(header, rows)]
    drawers = [d.extra.get("drawer") if d is not None else None for d in inp.drawings]
    if any(isinstance(d, (str, int)) for d in drawers):
        names = sorted({str(d) for d in drawers if isinstance(d, (str, int))})
        per = Counter((str(d), lab) for d, lab in zip(drawers, inp.labels, strict=False)
                      if isinstance(d, (str, int)))
        missing = sum(1 for d in drawers if not isinstance(d, (str, int)))
        rows = [[html.escape(n), *[per.get((n, c), 0) for c in classes_seen],
                 sum(per.get((n, c), 0) for c in classes_seen)] for n in names]
        out += [translate("Report", "<h3>Drawings per drawer</h3>"),
                table([translate("Report", "drawer"), *classes_seen, translate("Report", "all")], rows)]
        if missing:
            out.append(translate("Report", "<p class=\"note\">{missing} samples carry no drawer.</p>").format(
                missing=missing
            ))
    else:
        out.append(translate(
            "Report",
            "<h3>Drawings per drawer</h3><p class=\"note\" id=\"no-drawers\">The samples carry no "
            "<code>drawer</code> key, so they cannot be counted per drawer.</p>",
        ))
    out.append(translate(
        "Report",
        "<h3>Contact sheet</h3><p class=note>Up to {CONTACT_PER_CLASS} samples of each class as the "
        "network sees them ({S}×{S} px, shown 2×).</p><div class=grid>",
    ).format(
        CONTACT_PER_CLASS=CONTACT_PER_CLASS, S=S
    ))
    for c in classes_seen:
        idx = [i for i, lab in enumerate(inp.labels) if lab == c][:CONTACT_PER_CLASS]
        if not idx:
            continue
        sheet = tile_grid(inp.X[idx, 0], columns=min(8, len(idx)), gap=2)
        grey = ink_pixels(np.nan_to_num(sheet, nan=0.35), 2)
        alt = translate("Report", "contact sheet: {name}").format(name=c)
        out.append(f"<figure>{img(grey, alt)}<figcaption>{html.escape(c)} "
                   f"({counts[c]})</figcaption></figure>")
    out.append("</div>")
    return "".join(out)


def _run_section(inp: ReportInput) -> str:
    extra = inp.meta.get("extra") or {}
    settings = extra.get("settings") if isinstance(extra.get("settings"), dict) else {}
    values = {**settings, **{k: extra[k] for k in ("preset", "steps", "epochs", "seed", "created", "elapsed")
                             if extra.get(k) is not None}}
    keys = [("preset", translate("Report", "model preset")),
            ("epochs", translate("Report", "epochs trained")),
            ("batch_size", translate("Report", "batch size")), ("lr", translate("Report", "learning rate")),
            ("optimizer", translate("Report", "optimizer")), ("augment", translate("Report", "augmentation")),
            ("average", translate("Report", "weight averaging")),
            ("val_split", translate("Report", "validation split")), ("seed", translate("Report", "seed")),
            ("steps", translate("Report", "steps (mini-batches)")),
            ("elapsed", translate("Report", "training time")),
            ("created", translate("Report", "model file written"))]
    rows = []
    for k, name in keys:
        if k in values:
            v = values[k]
            v = f"{v:.1f} s" if k == "elapsed" and isinstance(v, (int, float)) else v
            rows.append([name, html.escape(str(v))])
    if isinstance(extra.get("val_accuracy"), (int, float)):
        rows.append([translate("Report", "validation accuracy at the end"), pct(extra["val_accuracy"])])
    trained_on = _trained_on(extra)
    out = [translate("Report", "<h3>Settings</h3>")]
    header = [translate("Report", "setting"), translate("Report", "value")]
    out.append(table(header, rows, num_from=2) if rows else
               translate("Report", '<p class="note">The model file records no training settings.</p>'))
    if trained_on:
        out.append(translate("Report", "<p>Trained on: {value}</p>").format(value=html.escape(trained_on)))
    out.append(translate("Report", "<h3>Loss and accuracy</h3>"))
    hist = inp.history
    if hist:
        loss = [(n, col, *hist[k]) for k, n, col in (("loss", "training", TRAIN_COLOUR),
                                                    ("val_loss", "validation", VAL_COLOUR)) if k in hist]
        acc = [(n, col, *hist[k]) for k, n, col in (("accuracy", "training", TRAIN_COLOUR),
                                                   ("val_accuracy", "validation", VAL_COLOUR)) if k in hist]
        out.append('<div class="grid" id="curves">')
        if loss:
            out.append(svg_chart(loss, translate("Report", "Loss (cross-entropy)"),
                                 translate("Report", "loss (nats)")))
        if acc:
            out.append(svg_chart(acc, translate("Report", "Accuracy"), translate("Report", "accuracy (%)"),
                                 percent=True))
        out.append(translate(
            "Report",
            "</div><p class=note>Each point is one epoch: the training figures are the mean over the "
            "epoch's mini-batches, the validation figures those of the held-out drawings.</p>",
        ))
    else:
        out.append(translate(
            "Report",
            "<p class=\"note\" id=\"no-curves\">This model file does not record its training curves "
            "(models trained by this ShapeLab, in the app or with <code>main.py train</code>, record "
            "them).</p>",
        ))
    return "".join(out)


def _results_section(inp: ReportInput, ev: Evaluation) -> str:
    classes = inp.classes
    out = [translate(
        "Report",
        "<p>Accuracy <b id=\"accuracy\" data-value=\"{accuracy!r}\">{value}</b> on <span id=\"counted\" "
        "data-value=\"{n}\">{n}</span> samples (the same figure as <code>main.py evaluate</code> on the "
        "same data). If these include the training drawings, this is not a held-out accuracy.</p>",
    ).format(
        accuracy=ev.accuracy, value=pct(ev.accuracy), n=ev.n
    )]
    rows = [[html.escape(c), f'<span class="per-class" data-class="{html.escape(c)}" '
             f'data-value="{ev.per_class[c]!r}">{pct(ev.per_class[c])}</span>', int(ev.confusion[i].sum())]
            for i, c in enumerate(classes)]
    header = [translate("Report", "class"), translate("Report", "accuracy"), translate("Report", "samples")]
    out += [translate("Report", "<h3>Per class</h3>"), table(header, rows)]
    if ev.unknown_labels:
        listed = ", ".join(f"{html.escape(k)} ({v})" for k, v in sorted(ev.unknown_labels.items()))
        out.append(translate(
            "Report",
            "<p class=\"note\">Not counted: labels the model does not know: {listed}.</p>",
        ).format(
            listed=listed
        ))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in classes)
    body = []
    for i, c in enumerate(classes):
        total = ev.confusion[i].sum() or 1
        cells = []
        for j in range(len(classes)):
            v = int(ev.confusion[i, j])
            frac = v / total
            colour = (f"rgba(33,102,172,{0.15 + 0.75 * frac:.2f})" if i == j else
                      f"rgba(214,96,77,{0.85 * frac:.2f})") if v else "#fff"
            cells.append(f'<td class=num style="background:{colour}">{v}</td>')
        body.append(f"<tr><th>{html.escape(c)}</th>{''.join(cells)}</tr>")
    out.append(translate(
        "Report",
        "<h3>Confusion matrix</h3><p class=note>Rows: the true class; columns: the predicted class. Blue: "
        "right, red: wrong (the darker, the larger the share of the row).</p><table "
        "id=\"confusion\"><tr><th>true \\ predicted</th>{head}</tr>{value}</table>",
    ).format(
        head=head, value="".join(body)
    ))
    pred = ev.proba.argmax(axis=1) if len(ev.proba) else np.zeros(0, int)
    wrong = np.flatnonzero(pred != ev.y)
    out.append(translate("Report", '<h3 id="mistakes">Most confidently wrong</h3>'))
    if len(wrong):
        order = wrong[np.argsort(-ev.proba[wrong, pred[wrong]], kind="stable")][:WRONG_SHOWN]
        out.append(translate(
            "Report",
            "<p class=note>{value} of {n} samples are misclassified; the {value2} the model was surest "
            "about:</p><div class=grid>",
        ).format(
            value=len(wrong), n=ev.n, value2=len(order)
        ))
        for k in order:
            i = ev.known_index[k]
            src = html.escape(inp.sources[i]) if i < len(inp.sources) else ""
            out.append(translate(
                "Report",
                "<figure>{value}<figcaption>true: {value2}<br>predicted: {value3} "
                "({value4})<br><small>{src}</small></figcaption></figure>",
            ).format(
                value=img(ink_pixels(inp.X[i, 0], 3), translate("Report", 'misclassified sample')),
                value2=html.escape(classes[ev.y[k]]), value3=html.escape(classes[pred[k]]),
                value4=pct(float(ev.proba[k, pred[k]])), src=src
            ))
        out.append("</div>")
    else:
        out.append(translate("Report", "<p>No sample is misclassified.</p>"))
    return "".join(out)


def _filters_section(inp: ReportInput, ev: Evaluation) -> str:
    model = inp.model
    convs = [(i, layer) for i, layer in enumerate(model.layers) if layer.kind == "conv2d"]
    if not convs:
        return (translate(
            "Report",
            "<p class=\"note\">This model has no convolution layers (the MLP preset): there are no filters "
            "or feature maps to show.</p>",
        ))
    out = []
    for n, (i, layer) in enumerate(convs, 1):
        wt = layer.params["weight"]  # (out, in, k, k)
        o, c, k, _ = wt.shape
        limit = float(np.abs(wt).max()) or 1.0
        tiles = wt.reshape(o * c, k, k) if c > 1 else wt[:, 0]
        grid = tile_grid(tiles, columns=c if c > 1 else min(o, 8))
        scale = max(2, 48 // k) if c == 1 else max(2, 24 // k)
        rgb = np.kron(diverging(grid, limit), np.ones((scale, scale, 1), np.uint8))
        what = (translate("Report", "{o} filters of {k}×{k} on the drawing").format(o=o, k=k) if c == 1 else
                translate("Report", "{o} filters (rows) × {c} input channels (columns), {k}×{k} each").format(
                    o=o, c=c, k=k
                ))
        out.append(translate(
            "Report",
            "<figure>{value}<figcaption>Convolution {n} (layer {i}): {what}</figcaption>{value2}</figure>",
        ).format(
            value=img(rgb, translate("Report", "filters of convolution {n}").format(n=n)),
            n=n,
            i=i,
            what=what,
            value2=scale_bar(limit, translate("Report", "weight"))
        ))
    # feature maps of a sample: the first correctly classified sample of the first class, else the first
    pred = ev.proba.argmax(axis=1) if len(ev.proba) else np.zeros(0, int)
    right = np.flatnonzero(pred == ev.y)
    k = int(right[0]) if len(right) else 0
    i = int(ev.known_index[k]) if len(ev.known_index) else 0
    acts = model.activations(inp.X[i : i + 1])
    out.append(translate(
        "Report",
        "<h3 id=\"feature-maps\">Feature maps of a sample drawing</h3><div "
        "class=grid><figure>{value}<figcaption>the sample ({value2})</figcaption></figure>",
    ).format(
        value=img(ink_pixels(inp.X[i, 0], 4), translate("Report", "sample drawing")), value2=html.escape(
            inp.labels[i]
        )
    ))
    stage = 0
    for a, layer in zip(acts, model.layers, strict=True):
        if layer.kind not in ("maxpool2d", "avgpool2d") or a.data.ndim != 4:
            continue
        stage += 1
        maps = a.data[0]
        top = float(maps.max()) or 1.0
        grid = tile_grid(maps / top, columns=min(8, len(maps)))
        scale = max(2, 56 // maps.shape[-1])
        grey = (255 * (1 - np.clip(np.nan_to_num(grid, nan=0.45), 0, 1))).astype(np.uint8)
        grey = np.kron(grey, np.ones((scale, scale), np.uint8))
        out.append(translate(
            "Report",
            "<figure>{value}<figcaption>after conv → ReLU → pool stage {stage}: {value2} maps of "
            "{value3}×{value4}; white 0, black {top:.3g} (the stage's largest value)</figcaption></figure>",
        ).format(
            value=img(grey, translate("Report", "feature maps after stage {stage}").format(stage=stage)),
            stage=stage,
            value2=len(maps),
            value3=maps.shape[1], value4=maps.shape[2], top=top
        ))
    out.append("</div>")
    return "".join(out)


def _model_card(inp: ReportInput, ev: Evaluation) -> str:
    model, extra = inp.model, inp.meta.get("extra") or {}
    S = model.input_shape[-1]
    trained_on = _trained_on(extra)
    name = inp.model_name.rsplit("/", 1)[-1]
    return "".join([
        "<table>",
        translate(
            "Report",
            "<tr><th>model</th><td>{value}: {value2} layout, {value3:,} weights</td></tr>",
        ).format(
            value=html.escape(name), value2=html.escape(str(extra.get('preset', 'custom'))),
            value3=model.num_parameters()
        ),
        translate("Report", "<tr><th>classes</th><td>{classes}</td></tr>").format(
            classes=html.escape(", ".join(inp.classes))),
        translate("Report", "<tr><th>trained on</th><td>{value}</td></tr>").format(
            value=html.escape(trained_on or translate("Report", 'not recorded'))
        ),
        translate(
            "Report",
            "<tr><th>what it is for</th><td>Telling apart hand-drawn {value} drawn with a pen or mouse, in "
            "class, to see how a small convolutional network learns. It is a teaching model: it has only "
            "seen the drawings above and knows no other classes (anything else is forced into one of "
            "them).</td></tr>",
        ).format(
            value=html.escape(', '.join(inp.classes))
        ),
        translate(
            "Report",
            "<tr><th>input</th><td>{S}×{S} grey, ink 1 on 0, framed as ShapeLab does (centred, scaled to "
            "fit, upright within 45°, strokes of a fixed width)</td></tr>",
        ).format(
            S=S
        ),
        translate(
            "Report",
            "<tr><th>measured here</th><td>{value} on {n} samples of {value2}</td></tr>",
        ).format(
            value=pct(ev.accuracy), n=ev.n,
            value2=html.escape(', '.join(inp.data_names) or translate("Report", 'the data given'))
        ),
        translate("Report", "</table><h3>Layers</h3><pre>"), html.escape(model.summary_text()), "</pre>",
        translate("Report", "<h3>How to load it</h3><pre>"),
        html.escape(
            "# NumPy, with ShapeLab:\nimport engine\nm = engine.load_model('MODEL.npz'); "
            "p = m.model.predict_proba(x)   # x: (N, 1, S, S)\n\n"
            "# PyTorch: python main.py export MODEL.npz --format torch --out model.py, then\n"
            "from model import load; net, classes, meta = load()\n\n"
            "# ONNX: python main.py export MODEL.npz --format onnx --out model.onnx, then\n"
            "import onnxruntime as ort; s = ort.InferenceSession('model.onnx')\n"
            "p = s.run(None, {'input': x})[0]\n\n"
            "// TensorFlow.js: python main.py export MODEL.npz --format tfjs --out web, then\n"
            "const model = await tmImage.load('web/model.json', 'web/metadata.json');  // Teachable Machine\n"
            "const classifier = ml5.imageClassifier('web/ml5/model.json');           // ml5"),
        translate("Report", "</pre><p class=note>Export formats: {value}.</p>").format(
            value=', '.join(FORMATS)
        ),
    ])


def build_report(inp: ReportInput) -> str:
    """The report as one HTML document (str)."""
    S = inp.model.input_shape[-1]
    ev = evaluate(inp.model, inp.classes, inp.X, inp.labels)
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime())
    sections = [
        ("dataset", translate("Report", "Dataset"), _dataset_section(inp, S)),
        ("run", translate("Report", "Settings and run"), _run_section(inp)),
        ("results", translate("Report", "Results"), _results_section(inp, ev)),
        ("filters", translate("Report", "Learned filters and feature maps"), _filters_section(inp, ev)),
        ("model-card", translate("Report", "Model card"), _model_card(inp, ev)),
    ]
    toc = "".join(f'<li><a href="#{sid}">{title}</a></li>' for sid, title, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{title}</h2>{content}</section>'
                   for sid, title, content in sections)
    lang = translate("Report", "en")  # the document's language code: "ko" in the Korean catalogue
    title = translate("Report", "ShapeLab report: {model}").format(model=html.escape(inp.model_name))
    heading = translate("Report", "ShapeLab training report")
    meta_json = html.escape(json.dumps({"accuracy": ev.accuracy, "n": ev.n, "classes": inp.classes}))
    return (
        f"<!DOCTYPE html>\n<html lang={lang}><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{html.escape(inp.generated_by)}">'
        f'<meta name="shapelab-report" content="{meta_json}">'
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f"<h1>{heading}</h1><p class=note>{html.escape(inp.model_name)} · {stamp} · "
        f"{html.escape(inp.generated_by)}</p><nav><ol>{toc}</ol></nav>{body}</body></html>\n"
    )


def write_report(path, text: str) -> None:
    """Writes the report atomically (a temporary file, then os.replace)."""
    with engine.atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
