"""The diverging map for signed values is CET-CBD1 (colour-blind safe) in the panels, lessons and report."""

from __future__ import annotations

import numpy as np

from gui import colormaps
from gui.panels._common import DIVERGING, colormap
from gui.report_html import diverging


def test_the_lut_follows_the_published_cbd1_colours():
    lut = colormaps.lut(256)
    # entries of the published 256-colour CET-CBD1 table (colorcet `bwy`), first, centre, last and between
    for index, rgb in ((0, (58, 144, 254)), (64, (169, 190, 249)), (127, (237, 237, 237)),
                       (200, (204, 184, 118)), (255, (168, 144, 8))):
        assert np.abs(lut[index].astype(int) - rgb).max() <= 3, (index, lut[index], rgb)
    blue, yellow = lut[0].astype(int), lut[-1].astype(int)
    assert blue[2] > blue[0] + 150 and yellow[0] > yellow[2] + 150  # blue end, yellow end


def test_lightness_rises_to_zero_on_both_sides():
    grey = colormaps.lut(256).astype(float) @ [0.299, 0.587, 0.114]
    assert np.all(np.diff(grey[:128]) >= -0.5) and np.all(np.diff(grey[128:]) <= 0.5)
    assert grey.argmax() in (126, 127, 128)


def test_panels_and_report_use_it():
    cmap = colormap(DIVERGING)
    assert DIVERGING == "CET-CBD1"
    table = cmap.getLookupTable(nPts=256, alpha=False)
    assert np.abs(table.astype(int) - colormaps.lut(256).astype(int)).max() <= 1
    rgb = diverging(np.array([-2.0, -1.0, 0.0, 1.0, np.nan]), 1.0)
    assert rgb[0].tolist() == rgb[1].tolist() == [58, 144, 254]  # clipped beyond the limit
    assert np.abs(rgb[2].astype(int) - 237).max() <= 1
    assert rgb[3].tolist() == [168, 144, 8] and rgb[4].tolist() == list(colormaps.NAN_RGB)
