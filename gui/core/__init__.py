"""The Qt-free application core: the open dataset, the model and what is true of it, the preparation of a
training run (shared by the app and the command line) and the reading of DATA arguments.

Nothing here imports QtWidgets, pyqtgraph, or the window, panels and workers packages (an import contract
in pyproject.toml, checked by the test suite), so all of it is tested without a QApplication.
"""
