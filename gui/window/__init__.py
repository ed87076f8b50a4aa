"""The main window, split by concern: `main_window` assembles and wires; `menus`, `files`, `layout`,
`labelling`, `training_actions`, `side_windows` and `messages` each hold one part of what it does."""

from .main_window import MainWindow

__all__ = ["MainWindow"]
