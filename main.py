"""ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn.

`python main.py` starts the app; `python main.py --help` lists the headless commands.
"""

from __future__ import annotations

import os
import sys

# One BLAS thread, set before NumPy is imported. The network is small: a second OpenBLAS thread does not
# train it faster (`main.py bench`: 2.76 ms per step with one thread, 2.80 ms with two), but on a 2-core
# laptop it takes the core the window's thread needs while training runs. An explicit setting is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> int:
    """Run a command, or start the app when none is given. Returns the exit status."""
    from gui.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
