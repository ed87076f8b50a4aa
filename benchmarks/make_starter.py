"""Regenerate resources/starter.ndjson, the built-in starter dataset.

    python benchmarks/make_starter.py [--per-class 500] [--seed 20261126] [--out resources/starter.ndjson]

Drawings come from engine.synth.generate_drawings with a fixed seed (and its TRAINING_MIX) and are stored
in Quick, Draw!'s simplified form (longer side 255, Ramer-Douglas-Peucker epsilon 2, integer coordinates,
no timestamps) to keep the file small.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.drawing import simplify_drawing  # noqa: E402
from engine.store import write_ndjson  # noqa: E402
from engine.synth import TRAINING_MIX, generate_drawings  # noqa: E402

SEED = 20261126


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-class", type=int, default=500)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", default=str(ROOT / "resources" / "starter.ndjson"))
    args = ap.parse_args(argv)
    raw = generate_drawings(args.per_class, seed=args.seed, mix=TRAINING_MIX)
    drawings = [simplify_drawing(d) for d in raw]
    write_ndjson(args.out, drawings)
    size = Path(args.out).stat().st_size
    print(f"wrote {len(drawings)} drawings ({args.per_class} per class, class mix {TRAINING_MIX or 'none'}, "
          f"seed {args.seed}) to {args.out}: "
          f"{size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
