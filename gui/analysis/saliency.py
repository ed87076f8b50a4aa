"""SaliencyView ("saliencyView"): where in the drawing the network looks, two ways, over the drawing.

Left: the gradient of the predicted class's score (its logit, before softmax) with respect to every pixel
— yellow where adding ink would raise the score, blue where it would lower it. Right: occlusion — hide a
6×6-pixel patch, measure how far the predicted class's probability drops; yellow = hiding it costs
confidence (the network relies on it). Both on labelled, symmetric colour scales, over the 28×28 drawing
the network receives (grey). Updated as the user draws (throttled by the analysis view).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.panels._common import BACKGROUND, DIVERGING, FOREGROUND, ColourBar, colormap, nice_ceiling
from gui.text import translate

from ._common import SteadyWrappedLabel, install_export_menu

OVERLAY_OPACITY = 0.6


def lut_colours(item: pg.ImageItem) -> np.ndarray:
    """The RGB colour of every pixel of a monochrome ImageItem, as pyqtgraph maps it: its levels
    (lo, hi) over its lookup table's N entries, data below lo to the first entry, above hi to the last."""
    data = np.asarray(item.image, np.float64)
    lut = np.asarray(item.lut)[:, :3]
    lo, hi = (float(v) for v in item.getLevels())
    n = len(lut)
    scaled = (data - lo) * (n / (hi - lo)) if hi != lo else np.zeros_like(data)
    return lut[np.clip(np.nan_to_num(scaled), 0, n - 1).astype(np.intp)]


def composite(base: pg.ImageItem, top: pg.ImageItem) -> np.ndarray:
    """(H, W, 3) uint8: `top` drawn over `base` at top's opacity, as Qt would blend the two items."""
    a = float(top.opacity())
    rgb = (1.0 - a) * lut_colours(base) + a * lut_colours(top)
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


class SaliencyView(QWidget):
    """API: set_result(result, classes), clear(text), shown_saliency(), shown_occlusion(), levels(which)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("saliencyView")
        self._result: dict | None = None
        self._limits: dict[str, float] = {}  # the colour scale each map shows
        self._shapes: dict[str, tuple] = {}  # the image shape each view's range fits
        self.title = QLabel(
            translate("Saliency", "<b>Where the network looks</b> — for the drawing on the canvas")
        )
        self.explain = QLabel(
            translate(
                "Saliency",
                "Left, gradient: how the score of the predicted class would change if a pixel got a little "
                "more ink (yellow = the score rises, blue = it falls). Right, occlusion: how much the "
                "network's confidence drops when a 6×6 patch of the drawing is hidden (yellow = it relied "
                "on that part). The drawing is shown in grey underneath, as the network sees it (28×28 "
                "pixels).",
            )
        )
        self.explain.setWordWrap(True)
        # its text changes with every drawing and its line count with it: a caption that grew and shrank
        # re-laid the panel out (both maps, colour scales and their axes resized and repainted whole)
        self.caption = SteadyWrappedLabel(translate("Saliency", "Draw something on the canvas."))
        self.caption.setObjectName("saliencyCaption")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(BACKGROUND)
        cmap = colormap(DIVERGING)
        self._views = {}
        self._shown: dict[str, pg.ImageItem] = {}  # what each view draws: composite(base, top)
        for col, (key, heading, unit) in enumerate(
            (
                (
                    "saliency",
                    translate("Saliency", "Gradient of the class score"),
                    translate("Saliency", "∂ score / ∂ pixel"),
                ),
                (
                    "occlusion",
                    translate("Saliency", "Occlusion: drop in confidence"),
                    translate("Saliency", "drop in probability (percentage points)"),
                ),
            )
        ):
            label = self.graphics.addLabel(
                heading, row=0, col=2 * col, colspan=2, color=FOREGROUND, size="10pt"
            )
            view = self.graphics.addViewBox(row=1, col=2 * col, enableMenu=False)
            view.setAspectLocked(True)
            view.invertY(True)
            view.setMouseEnabled(False, False)
            # `base` (the drawing in grey) and `top` (the map, on the colour bar's scale) hold the data,
            # levels and colours; what is drawn is one opaque image, `shown`, the map laid over the
            # drawing at OVERLAY_OPACITY, blended in NumPy (composite()): two items, one of them
            # translucent, cost two scaled, blended drawImage calls and two Python paints at every
            # drawing the pen makes (about 7 a second)
            base = pg.ImageItem(axisOrder="row-major")
            base.setLookupTable(np.linspace([255, 255, 255], [40, 40, 40], 256).astype(np.uint8))
            top = pg.ImageItem(axisOrder="row-major")
            top.setOpacity(OVERLAY_OPACITY)
            shown = pg.ImageItem(axisOrder="row-major")
            shown.setObjectName(f"{key}Shown")
            view.addItem(shown)
            bar = ColourBar(values=(-1, 1), colorMap=cmap, width=14)
            bar.axis.enableAutoSIPrefix(False)
            bar.axis.setLabel(unit, color=FOREGROUND)
            self.graphics.addItem(bar, row=1, col=2 * col + 1)
            bar.setImageItem(top)
            self._views[key] = (label, view, base, top, bar)
            self._shown[key] = shown
        self.setToolTip(
            translate("Saliency", "Saliency and occlusion are two ways to ask the network where it looks.\n"
            "They explain this one drawing, for the class the network predicts.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.caption)
        layout.addWidget(self.graphics, 1)
        install_export_menu(self, "saliency", self.csv_data)

    def set_result(self, result: dict, classes: list[str]) -> None:
        """result from the analysis worker's drawing job: x, saliency, occlusion, target, probability."""
        if result.get("empty") or "saliency" not in result:
            self.clear(translate("Saliency", "Draw something on the canvas.") if result.get("empty")
                       else translate("Saliency", "No model yet."))
            return
        self._result = result
        x = result["x"]
        name = (
            classes[result["target"]] if result["target"] < len(classes)
            else translate("Saliency", "class {number}").format(number=result["target"] + 1)
        )
        p = 100 * result["probability"]
        if "occlusion_largest" in result:  # the largest drop of one single patch (not of the averaged map)
            biggest = 100 * float(result["occlusion_largest"])
        else:
            biggest = 100 * float(np.max(result["occlusion"])) if result["occlusion"].size else 0.0
        sure = translate("Saliency", "more than 99.9") if p > 99.9 else (f"{p:.1f}" if p > 99 else f"{p:.0f}")
        text = translate(
            "Saliency",
            "The network predicts “{name}” ({sure}% sure). Both maps explain that prediction.",
        ).format(
            name=name, sure=sure
        )
        if biggest < 1:
            text += (
                translate(
                    "Saliency",
                    " Hiding any one 6×6 patch lowers its confidence by at most {biggest:.2g} percentage "
                    "points: it is sure even with parts of the drawing hidden.",
                ).format(
                    biggest=biggest
                )
            )
        else:
            where = result.get("occlusion_largest_at")
            at = (translate("Saliency", " (rows {value}–{value2}, columns {value3}–{value4})").format(
                value=where[0] + 1, value2=where[0] + 6, value3=where[1] + 1, value4=where[1] + 6
            )
                  if where else "")
            text += (translate(
                "Saliency",
                " Hiding the most important single 6×6 patch{at} costs {biggest:.1f} percentage points of "
                "confidence; the map shows each pixel's average over the patches covering it.",
            ).format(
                at=at, biggest=biggest
            ))
        hidden = int(result.get("saliency_hidden", 0))
        if hidden:
            text += (translate(
                "Saliency",
                " Gradient: {hidden} pixels of blank paper away from the drawing are left at 0 — there the "
                "network's max-pooling windows hold equal values (ties), and their gradient would be an "
                "artefact of how ties are broken.",
            ).format(
                hidden=hidden
            ))
        self.caption.setText(text)
        for key, data in (("saliency", result["saliency"]), ("occlusion", 100.0 * result["occlusion"])):
            label, view, base, top, bar = self._views[key]
            base.setImage(x, autoLevels=False, levels=(0, 1))
            limit = nice_ceiling(float(np.max(np.abs(data))) if np.any(data) else 1.0)
            top.setImage(np.asarray(data, np.float32), autoLevels=False, levels=(-limit, limit))
            # the scale's ticks and the view's range are laid out again only when they change (each
            # re-layout repaints the whole panel, up to 30 ms on a busy machine)
            if self._limits.get(key) != limit:
                self._limits[key] = limit
                bar.setLevels((-limit, limit))
            # blended once the colour bar has set the map's levels (it resets them to its own on setImage)
            self._shown[key].setImage(composite(base, top), autoLevels=False, levels=(0, 255))
            if self._shapes.get(key) != x.shape:
                self._shapes[key] = x.shape
                view.autoRange(padding=0.02)

    def clear(self, text: str = translate("Saliency", "Draw something on the canvas.")) -> None:
        self._result = None
        self.caption.setText(text)
        for key, (_label, _view, base, top, _bar) in self._views.items():
            base.clear()
            top.clear()
            self._shown[key].clear()
        self._shapes.clear()

    def shown_saliency(self) -> np.ndarray | None:
        return None if self._views["saliency"][3].image is None else self._views["saliency"][3].image.copy()

    def shown_occlusion(self) -> np.ndarray | None:
        img = self._views["occlusion"][3].image
        return None if img is None else img.copy() / 100.0

    def levels(self, key: str) -> tuple[float, float]:
        lo, hi = self._views[key][3].getLevels()
        return float(lo), float(hi)

    def csv_data(self) -> tuple[list, list]:
        header = ["row", "column", "ink", "gradient of class score", "occlusion drop (probability)"]
        r = self._result
        if r is None:
            return header, []
        rows = []
        for i in range(r["x"].shape[0]):
            for j in range(r["x"].shape[1]):
                rows.append(
                    [i, j, f"{r['x'][i, j]:.4f}", f"{r['saliency'][i, j]:.6g}", f"{r['occlusion'][i, j]:.6g}"]
                )
        return header, rows
