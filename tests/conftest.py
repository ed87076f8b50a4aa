"""Test set-up shared by the whole suite.

Qt runs offscreen: the variable is set here, before anything imports Qt, so the suite needs no display.
OpenBLAS uses one thread, as in the app (main.py): the helper processes the tests start inherit it (an
analysis helper with a thread per core ran 3-5 times slower on a busy machine).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
