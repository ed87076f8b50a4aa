"""Atomic writes: the old file or the complete new one, never half of one, and no temporary file left."""

from __future__ import annotations

import os
import stat

import pytest

from engine import atomic_path, atomic_write


def test_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "data.ndjson"
    path.write_text("old\n")
    os.chmod(path, 0o600)
    with atomic_write(path, "w", encoding="utf-8") as f:
        f.write("new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # a replaced file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.ndjson"]


def test_a_failure_keeps_the_old_file(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_write(path, "wb") as f:
        f.write(b"half of the new")
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.npz"]


def test_atomic_path_for_writers_that_take_a_file_name(tmp_path):
    path = tmp_path / "new.png"
    with atomic_path(path, suffix=".tmp.png") as tmp:
        assert tmp.parent == tmp_path and tmp != path
        tmp.write_bytes(b"png bytes")
        assert not path.exists()  # nothing at the destination until the block ends
    assert path.read_bytes() == b"png bytes"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    with pytest.raises(OSError), atomic_path(path) as tmp:
        raise OSError("no space left on device")
    assert path.read_bytes() == b"png bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.png"]
