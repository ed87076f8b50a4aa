"""The one diverging colour map for signed values (weights, filters, kernels, saliency): CET-CBD1.

CET-CBD1 (Peter Kovesi's "diverging-protanopic-deuteranopic_bwy_60-95_c32", colorcet's `bwy`) runs from blue
(negative) through a light grey (zero) to yellow-brown (positive). Its two ends stay apart for people with
red-green colour blindness (protanopia, deuteranopia), which a red-blue map does not promise, and its
lightness falls the same way on both sides of zero, so the size of a value reads in grey too.

`CBD1_ANCHORS` are 18 of the 256 published colours (every 16th, the centre, the last); `lut(n)` interpolates
them linearly in RGB (within 5 of 255 of the published table everywhere). Qt-free: the HTML report uses it
as well as the panels.
"""

from __future__ import annotations

import numpy as np

NAME = "CET-CBD1"
# (position in 0..1, colour): entries 0, 16, ..., 240, 127 and 255 of CET-CBD1's 256-entry table
CBD1_ANCHORS: tuple[tuple[float, str], ...] = tuple(
    (index / 255, colour)
    for index, colour in (
        (0, "#3a90fe"), (16, "#619bfd"), (32, "#7da7fc"), (48, "#94b3fa"), (64, "#a9bef9"),
        (80, "#bccbf7"), (96, "#ced7f5"), (112, "#dfe4f3"), (127, "#ededed"), (128, "#ededec"),
        (144, "#e9e3d3"), (160, "#e2d6b8"), (176, "#daca9d"), (192, "#d1be83"), (208, "#c7b269"),
        (224, "#bda64e"), (240, "#b29a31"), (255, "#a89008"),
    )
)
ZERO_COLOUR = "#ededed"  # the colour of 0 (the map's centre): a light grey, not quite the white page
NAN_RGB = (140, 140, 140)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def anchor_positions() -> np.ndarray:
    return np.array([p for p, _ in CBD1_ANCHORS], np.float64)


def anchor_rgb() -> np.ndarray:
    """(18, 3) float64 RGB in 0..255."""
    return np.array([hex_rgb(c) for _, c in CBD1_ANCHORS], np.float64)


def lut(n: int = 256) -> np.ndarray:
    """(n, 3) uint8: the map sampled at n evenly spaced points from its negative end to its positive end."""
    t = np.linspace(0.0, 1.0, int(n))
    pos, rgb = anchor_positions(), anchor_rgb()
    return np.stack([np.interp(t, pos, rgb[:, c]) for c in range(3)], axis=1).round().astype(np.uint8)


def diverging_rgb(values: np.ndarray, limit: float) -> np.ndarray:
    """Values in [-limit, limit] -> RGB uint8 on CET-CBD1 (0 at the centre); beyond clips; NaN -> grey."""
    values = np.asarray(values, np.float64)
    t = np.clip((np.nan_to_num(values) / (limit or 1.0) + 1) / 2, 0, 1)
    pos, rgb = anchor_positions(), anchor_rgb()
    out = np.stack([np.interp(t, pos, rgb[:, c]) for c in range(3)], axis=-1)
    out[np.isnan(values)] = NAN_RGB
    return out.round().astype(np.uint8)


def css_gradient() -> str:
    """The map as CSS linear-gradient stops ("#3a90fe 0.0%, ...")."""
    return ", ".join(f"{c} {100 * p:.1f}%" for p, c in CBD1_ANCHORS)
