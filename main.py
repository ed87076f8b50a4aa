"""ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn.

`python main.py` starts the app; `python main.py --help` lists the headless commands.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run a command, or start the app when none is given. Returns the exit status."""
    from gui.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
