"""The NDJSON dataset file: read with problems reported, append durably, rewrite atomically.

One drawing per line in Quick, Draw!'s object form (see `engine.drawing`). Reading never gives up on a
file because of one bad line: a corrupt line, or a torn last line left by a crash mid-append, is reported
as a `LoadProblem(path, line, message)` and skipped, and every other drawing still loads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_write
from .drawing import Drawing


@dataclass(frozen=True)
class LoadProblem:
    """A line that could not be loaded: file, 1-based line number and what is wrong."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _encode(drawing: Drawing) -> str:
    if not isinstance(drawing, Drawing):
        raise TypeError(f"expected a Drawing, got {type(drawing).__name__}")
    return json.dumps(drawing.to_ndjson_obj(), separators=(",", ":"), ensure_ascii=False)


def read_ndjson(path: str | os.PathLike) -> tuple[list[Drawing], list[LoadProblem]]:
    """Read every drawing of an NDJSON file; returns (drawings, problems).

    Blank lines are ignored. A line that is not JSON, or not a drawing, becomes a LoadProblem; a last
    line without its newline that does not parse is reported as torn (an interrupted write).
    Raises OSError if the file itself cannot be opened.
    """
    p = str(path)
    with open(p, "rb") as f:
        data = f.read()
    drawings: list[Drawing] = []
    problems: list[LoadProblem] = []
    lines = data.split(b"\n")
    torn_candidate = not data.endswith(b"\n")
    for i, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        is_last = i == len(lines)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(LoadProblem(p, i, "not valid UTF-8 text"))
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            if is_last and torn_candidate:
                msg = f"torn last line (incomplete write, {len(raw)} bytes): {exc.msg}"
            else:
                msg = f"not valid JSON: {exc.msg} at column {exc.colno}"
            problems.append(LoadProblem(p, i, msg))
            continue
        try:
            drawings.append(Drawing.from_ndjson_obj(obj))
        except ValueError as exc:
            problems.append(LoadProblem(p, i, f"not a drawing: {exc}"))
    return drawings, problems


def write_ndjson(path: str | os.PathLike, drawings: Iterable[Drawing]) -> None:
    """Write drawings to `path` atomically: a temp file in the same folder, flushed, fsynced, renamed.

    Either the old file or the complete new one exists afterwards, never a half-written one.
    """
    lines = [_encode(d) + "\n" for d in drawings]  # encode first: a bad item leaves the file untouched
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)


class DrawingStore:
    """A dataset file kept in step with an in-memory list of drawings.

    Opening a missing file gives an empty store (the file is created on the first write). Problems met
    while reading are in `problems`; the bad lines are dropped at the next rewrite (relabel, delete,
    replace_all), never by append.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._drawings: list[Drawing] = []
        self.problems: list[LoadProblem] = []
        if self.path.exists():
            self._drawings, self.problems = read_ndjson(self.path)

    @property
    def drawings(self) -> list[Drawing]:
        """A copy of the list of drawings (Drawing objects themselves are immutable)."""
        return list(self._drawings)

    def __len__(self) -> int:
        return len(self._drawings)

    def labels(self) -> list[str]:
        return [d.label for d in self._drawings]

    def append(self, drawing: Drawing) -> None:
        """Append one drawing: one line written in append mode, flushed and fsynced before returning.

        A torn last line left by an earlier crash is ended first so the new line stays readable.
        """
        line = _encode(drawing) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as f:
            if f.tell() > 0 and not self._ends_with_newline():
                f.write(b"\n")
            f.write(line.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        self._drawings.append(drawing)

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            return f.read(1) == b"\n"

    def _check_indices(self, indices: Iterable[int]) -> list[int]:
        idx = sorted({int(i) for i in indices})
        n = len(self._drawings)
        bad = [i for i in idx if not 0 <= i < n]
        if bad:
            raise IndexError(f"drawing index {bad[0]} out of range (the store holds {n} drawings)")
        return idx

    def relabel(self, indices: Iterable[int], label: str) -> None:
        """Give the drawings at `indices` a new label (a new label simply becomes a new class)."""
        if not isinstance(label, str) or not label.strip():
            raise ValueError("a label must be a non-empty string")
        idx = self._check_indices(indices)
        new = list(self._drawings)
        for i in idx:
            new[i] = new[i].with_label(label)
        write_ndjson(self.path, new)
        self._drawings = new
        self.problems = []

    def delete(self, indices: Iterable[int]) -> None:
        """Remove the drawings at `indices` (atomic rewrite)."""
        idx = set(self._check_indices(indices))
        new = [d for i, d in enumerate(self._drawings) if i not in idx]
        write_ndjson(self.path, new)
        self._drawings = new
        self.problems = []

    def replace_all(self, drawings: Iterable[Drawing]) -> None:
        """Replace the whole dataset (atomic rewrite)."""
        new = list(drawings)
        write_ndjson(self.path, new)
        self._drawings = new
        self.problems = []
