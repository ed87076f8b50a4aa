"""The pieces the training report (gui/report.py) is made of: PNG pictures encoded here (zlib, no Qt),
data: URIs and <img> tags, ink and colour-mapped tiles, inline SVG line charts and HTML tables.

Qt-free, so `main.py report` needs no display.
"""

from __future__ import annotations

import base64
import html
import math
import struct
import zlib

import numpy as np

from gui import colormaps
from gui.text import translate

# -- pictures ---------------------------------------------------------------------------------------------


def png_bytes(pixels: np.ndarray) -> bytes:
    """A PNG of uint8 pixels (H, W) grey or (H, W, 3) RGB."""
    a = np.ascontiguousarray(pixels, dtype=np.uint8)
    h, w = a.shape[:2]
    kind = 0 if a.ndim == 2 else 2
    raw = b"".join(b"\x00" + a[r].tobytes() for r in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, kind, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def data_uri(pixels: np.ndarray) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(pixels)).decode("ascii")


def img(pixels: np.ndarray, alt: str, cls: str = "") -> str:
    h, w = pixels.shape[:2]
    c = f' class="{cls}"' if cls else ""
    return f'<img{c} src="{data_uri(pixels)}" width="{w}" height="{h}" alt="{html.escape(alt)}">'


def ink_pixels(raster: np.ndarray, scale: int = 2) -> np.ndarray:
    """Ink 1 on 0 → black on white, each pixel scale × scale."""
    grey = (255 * (1 - np.clip(raster, 0, 1))).round().astype(np.uint8)
    return np.kron(grey, np.ones((scale, scale), np.uint8))


def diverging(values: np.ndarray, limit: float) -> np.ndarray:
    """Values in [-limit, limit] → RGB uint8 on the app's colour-blind-safe CET-CBD1 map (blue negative, light
    grey 0, yellow positive); NaN → grey."""
    return colormaps.diverging_rgb(values, limit)


def tile_grid(tiles: np.ndarray, columns: int, gap: int = 1) -> np.ndarray:
    """(n, h, w) tiles into one grid, gaps NaN."""
    n, h, w = tiles.shape
    rows = max(1, math.ceil(n / columns))
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan, np.float32)
    for k in range(n):
        r, c = divmod(k, columns)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = tiles[k]
    return out


def scale_bar(limit: float, what: str) -> str:
    return (f'<div class="scale"><span>−{limit:.3g}</span><span class="bar" style="background: '
            f'linear-gradient(to right, {colormaps.css_gradient()})"></span><span>+{limit:.3g}</span> '
            '<small>' + translate("Report", "{what}; blue = negative, light grey = 0, yellow = positive")
            .format(what=what) + '</small></div>')


# -- charts ---------------------------------------------------------------------------------------------


def svg_chart(series: list[tuple[str, str, list, list]], title: str, ylabel: str, percent: bool = False,
              width: int = 340, height: int = 210) -> str:
    """A line chart as inline SVG: series (name, colour, xs in epochs, ys); x axis in epochs. The legend
    sits in the top right corner for falling curves (loss), the bottom right for rising ones (percent)."""
    left, right, top, bottom = 52, 12, 24, 40
    xs = [x for _, _, sx, _ in series for x in sx]
    ys = [y for _, _, _, sy in series for y in sy if y is not None and math.isfinite(y)]
    x1 = max(xs) if xs else 1.0
    y0, y1 = (0.0, 1.0) if percent else (0.0, max(ys) * 1.05 if ys else 1.0)
    pw, ph = width - left - right, height - top - bottom

    def px(x):
        return left + pw * x / (x1 or 1)

    def py(y):
        return top + ph * (1 - (y - y0) / ((y1 - y0) or 1))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{html.escape(title)}">',
             f'<text x="{width / 2}" y="14" text-anchor="middle" font-size="12" font-weight="bold">'
             f'{html.escape(title)}</text>',
             f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>']
    for k in range(5):
        v = y0 + (y1 - y0) * k / 4
        label = f"{100 * v:.0f}" if percent else f"{v:.2g}"
        parts.append(f'<line x1="{left}" x2="{left + pw}" y1="{py(v):.1f}" y2="{py(v):.1f}" stroke="#eee"/>'
                     f'<text x="{left - 4}" y="{py(v) + 4:.1f}" text-anchor="end" font-size="10">'
                     f'{label}</text>')
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if x1 / s <= 8), max(1.0, x1 / 5))
    ticks = [step * k for k in range(int(x1 // step) + 1)] if x1 >= 1 else [0, x1]
    for t in ticks:
        parts.append(f'<text x="{px(t):.1f}" y="{top + ph + 14}" text-anchor="middle" font-size="10">'
                     f'{t:g}</text>')
    parts.append(translate(
        "Report",
        "<text x=\"{value}\" y=\"{value2}\" text-anchor=\"middle\" font-size=\"11\">training progress "
        "(epochs)</text>",
    ).format(
        value=left + pw / 2, value2=height - 8
    ))
    parts.append(f'<text transform="translate(12 {top + ph / 2}) rotate(-90)" text-anchor="middle" '
                 f'font-size="11">{html.escape(ylabel)}</text>')
    ly = top + 12 if not percent else top + ph - 8 - 14 * (len(series) - 1)
    lx = left + pw - 86
    for name, colour, sx, sy in series:
        pts = [(px(x), py(y)) for x, y in zip(sx, sy, strict=True) if y is not None and math.isfinite(y)]
        if not pts:
            continue
        path = " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        if len(pts) <= 60:  # one dot per point where they can be told apart
            for a, b in pts:
                parts.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="2.2" fill="{colour}"/>')
        parts.append(f'<rect x="{lx - 2}" y="{ly - 7}" width="86" height="13" fill="#fff" opacity="0.85"/>'
                     f'<line x1="{lx}" x2="{lx + 16}" y1="{ly}" y2="{ly}" stroke="{colour}" '
                     f'stroke-width="2"/><text x="{lx + 20}" y="{ly + 4}" font-size="10">'
                     f'{html.escape(name)}</text>')
        ly += 14
    parts.append("</svg>")
    return "".join(parts)


# -- tables -------------------------------------------------------------------------------------------------


def table(header: list[str], rows: list[list], num_from: int = 1) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = []
    for r in rows:
        cells = [f'<td{" class=num" if i >= num_from else ""}>{c}</td>' for i, c in enumerate(r)]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def pct(v) -> str:
    return "—" if v is None or (isinstance(v, float) and not math.isfinite(v)) else f"{100 * v:.1f} %"
