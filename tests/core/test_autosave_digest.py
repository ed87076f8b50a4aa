"""The autosave's data digest: equal for the same drawings read back from their file, different for any
change of content or order, stoppable; and cheap enough to compute off the GUI thread."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Cancelled, Drawing, generate_drawings, read_ndjson, write_ndjson
from gui.core.autosave import data_digest


def test_digest_survives_the_file_and_sees_every_change(tmp_path):
    drawings = generate_drawings(3, seed=0)
    drawings.append(Drawing([np.array([[0.5, -0.0], [10.25, 3.0]])], "square", {"drawer": "ana"}))
    drawings.append(Drawing([np.array([[1.0, 2.0, 0.0], [3.0, 4.0, 16.0]])], "circle"))  # with times
    path = tmp_path / "d.ndjson"
    write_ndjson(path, drawings)
    back, problems = read_ndjson(path)
    assert not problems and len(back) == len(drawings)
    base = data_digest(drawings)
    assert data_digest(back) == base and len(base) == 24
    moved = [Drawing([drawings[-2].strokes[0] + [[0, 0], [0, 1e-9]]], "square", {"drawer": "ana"})]
    changes = {
        "order": back[::-1],
        "one fewer": back[:-1],
        "coordinate": back[:-2] + moved + back[-1:],
        "label": back[:-1] + [Drawing(back[-1].strokes, "square")],
        "drawer": back[:-2] + [Drawing(back[-2].strokes, "square", {"drawer": "ben"})] + back[-1:],
    }
    digests = {name: data_digest(d) for name, d in changes.items()}
    assert base not in digests.values() and len(set(digests.values())) == len(changes)


def test_digest_stops_when_asked():
    drawings = generate_drawings(2, seed=0)
    with pytest.raises(Cancelled):
        data_digest(drawings, should_stop=lambda: True)
    assert data_digest(drawings, should_stop=lambda: False) == data_digest(drawings)
