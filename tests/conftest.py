"""Test set-up shared by the whole suite.

Qt runs offscreen: the variable is set here, before anything imports Qt, so the suite needs no display.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
