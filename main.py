"""ShapeLab: draw shapes, train a small NumPy CNN on them, and watch it learn.

`python main.py [--data-dir DIR]` starts the app; `python main.py COMMAND ...` runs a headless command
(`python main.py --help` lists them).
"""

from __future__ import annotations

import os
import sys

# One BLAS thread, set before NumPy is imported. The network is small: a second OpenBLAS thread does not
# train it faster (`main.py bench`: 2.76 ms per step with one thread, 2.80 ms with two), but on a 2-core
# laptop it takes the core the window's thread needs while training runs. An explicit setting is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

APP_OPTION = "--data-dir"  # the app's one option: keep datasets and settings in DIR instead of the default


def split_app_options(argv: list[str]) -> tuple[str | None, list[str]]:
    """(the --data-dir value or None, the other arguments)."""
    data_dir, rest = None, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == APP_OPTION and i + 1 < len(argv):
            data_dir, i = argv[i + 1], i + 2
            continue
        if arg.startswith(APP_OPTION + "="):
            data_dir = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return data_dir, rest


def main(argv: list[str] | None = None) -> int:
    """No command: start the app (with --data-dir DIR, keeping its data there); a command (or --help):
    run the command line. Returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    data_dir, rest = split_app_options(argv)
    if not rest:
        from gui.app import run as run_app

        return run_app([], data_dir=data_dir)
    from gui.cli import run

    return run(rest)


if __name__ == "__main__":
    sys.exit(main())
