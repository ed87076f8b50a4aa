"""The walls between packages (pyproject.toml › [tool.importlinter]) hold.

A contract that is broken fails here with import-linter's own report of the offending import chain.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("import-linter is not installed: pip install -e '.[test]'")
    return subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_import_contract_holds():
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout, result.stdout


def test_a_broken_wall_is_caught(tmp_path):
    """The check can fail: a config whose only contract forbids what engine really imports (numpy) breaks."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\nroot_packages = [\"engine\"]\ninclude_external_packages = true\n\n"
        "[[tool.importlinter.contracts]]\nname = \"engine without numpy\"\ntype = \"forbidden\"\n"
        "source_modules = [\"engine\"]\nforbidden_modules = [\"numpy\"]\n"
    )
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [exe, "--no-cache", "--config", str(config)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "engine is not allowed to import numpy" in result.stdout
