"""engine/ is NumPy only: no Qt or plotting imports, and no print() calls (it returns data)."""

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "engine"
BANNED = ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "superqt", "qtpy", "shiboken6", "gui")
FILES = sorted(ENGINE.rglob("*.py"))


def imported_modules(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__"
              and node.args and isinstance(node.args[0], ast.Constant)):
            yield node.lineno, str(node.args[0].value)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args and isinstance(node.args[0], ast.Constant)):
            yield node.lineno, str(node.args[0].value)


def problems(source: str, name: str) -> list[str]:
    tree = ast.parse(source, filename=name)
    found = [f"{name}:{line} imports {mod}" for line, mod in imported_modules(tree)
             if mod.split(".")[0] in BANNED]
    found += [f"{name}:{node.lineno} calls print()" for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
    return found


def test_the_engine_has_files():
    assert ENGINE / "layers.py" in FILES and len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_qt_and_no_print(path):
    assert problems(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize("source", ["import PySide6.QtCore", "from pyqtgraph import ImageItem",
                                    "from PyQt6 import QtWidgets", "import qtpy as q",
                                    "importlib.import_module('superqt')", "print('hi')"])
def test_the_scan_catches_violations(source):
    assert problems(source, "x.py")
