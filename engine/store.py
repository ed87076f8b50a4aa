"""The NDJSON dataset file: read with problems reported, append durably, rewrite atomically.

One drawing per line in Quick, Draw!'s object form (see `engine.drawing`). Reading never gives up on a
file because of one bad line: a corrupt line, or a torn last line left by a crash mid-append, is reported
as a `LoadProblem(path, line, message)` and skipped, and every other drawing still loads.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .atomic import atomic_path, atomic_write, open_regular_file, remove_stale_temps

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; changes by another process are still detected
    fcntl = None
from .drawing import Drawing, drawings_from_ndjson_objs
from .limits import MAX_LINE_BYTES, MAX_LISTED_PROBLEMS
from .text import QT_TRANSLATE_NOOP, exception_text


@dataclass(frozen=True)
class LoadProblem:
    """A line that could not be loaded: file, 1-based line number and what is wrong."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return str(QT_TRANSLATE_NOOP("DrawingFile", "{path}:{line}: {message}").format(
            path=self.path, line=self.line, message=self.message))


def _encode(drawing: Drawing) -> bytes:
    """One NDJSON line without its newline, UTF-8. Text that cannot be UTF-8 (a lone surrogate read from
    a "\\ud800" escape) is written \\u-escaped, as it was read."""
    if not isinstance(drawing, Drawing):
        raise TypeError(f"expected a Drawing, got {type(drawing).__name__}")
    obj = drawing.to_ndjson_obj()
    try:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, separators=(",", ":")).encode("ascii")


def drawing_key(drawing: Drawing) -> bytes:
    """A short digest of a drawing's whole content (label, strokes, every extra key, in any key order):
    equal for exact duplicates, different otherwise. Used to find a drawing again in a file re-read from
    disk and to drop exact duplicates when merging files."""
    obj = drawing.to_ndjson_obj()
    text = json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=True)
    return hashlib.blake2b(text.encode("ascii"), digest_size=16).digest()


class _Changed(Exception):
    """The file changed while it was being repaired."""


def _copy_prefix(src: BinaryIO, dst: BinaryIO, count: int) -> None:
    while count > 0:
        chunk = src.read(min(count, 1 << 20))
        if not chunk:
            break
        dst.write(chunk)
        count -= len(chunk)


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str):
    raise _NotANumber(QT_TRANSLATE_NOOP("DrawingFile", "{name} is not a JSON number").format(name=name))


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
READ_BATCH = 256  # parsed lines made into drawings at once (short NumPy calls: a reading thread
# holds the GIL for a millisecond or two at a time, not tens)


def _parse_line(raw: bytes, first: bool) -> object:
    """The JSON value of one line; raises ValueError with a short message saying what is wrong."""
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(QT_TRANSLATE_NOOP("DrawingFile", "not valid UTF-8 text (byte {byte})").format(
            byte=exc.start + 1)) from None
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise ValueError(QT_TRANSLATE_NOOP(
            "DrawingFile", "not valid JSON: {reason} at column {column}"
        ).format(
            reason=exc.msg, column=exc.colno)) from None
    except _NotANumber as exc:
        raise ValueError(QT_TRANSLATE_NOOP("DrawingFile", "not valid JSON: {reason}").format(
            reason=exception_text(exc))) from None
    except RecursionError:
        raise ValueError(QT_TRANSLATE_NOOP(
            "DrawingFile", "not valid JSON for a drawing: nested too deeply"
        )) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise ValueError(QT_TRANSLATE_NOOP("DrawingFile", "not valid JSON for a drawing: {reason}").format(
            reason=str(exc)[:80])) from None


def _lines(f: BinaryIO) -> Iterator[tuple[int, int, bytes | None, bool]]:
    """(line number, byte offset, bytes or None when longer than MAX_LINE_BYTES, ended by a newline)."""
    number = offset = 0
    while True:
        raw = f.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        start, offset = offset, offset + len(raw)
        if raw.endswith(b"\n") or len(raw) <= MAX_LINE_BYTES:
            yield number, start, raw, raw.endswith(b"\n")
            continue
        ended = False
        while not ended:  # too long: skip the rest of the line without keeping it
            chunk = f.readline(1 << 20)
            if not chunk:
                break
            offset += len(chunk)
            ended = chunk.endswith(b"\n")
        yield number, start, None, ended


class _Problems:
    """The problems of one file: the first MAX_LISTED_PROBLEMS one by one, the rest as one summary."""

    def __init__(self, path: str):
        self.path, self.listed, self.more, self.more_from = path, [], 0, 0

    def add(self, line: int, message: str) -> None:
        if len(self.listed) < MAX_LISTED_PROBLEMS:
            self.listed.append(LoadProblem(self.path, line, message))
        else:
            self.more_from = self.more_from or line
            self.more += 1

    def result(self) -> list[LoadProblem]:
        if not self.more:
            return self.listed
        return self.listed + [LoadProblem(self.path, self.more_from, QT_TRANSLATE_NOOP(
            "DrawingFile", "and {more:,} more bad lines from here on (not listed)").format(more=self.more))]


def _read(path: str) -> tuple[list[Drawing], list[LoadProblem], int | None]:
    """read_ndjson, plus the byte offset of a torn last line (None if there is none).

    Parsed lines are turned into drawings READ_BATCH at a time (`drawings_from_ndjson_objs`: a few NumPy
    operations over all their points); a line that batch does not take is built or refused one by one by
    `Drawing.from_ndjson_obj`, so the drawings and the problems (in line order) are those of that path."""
    drawings: list[Drawing] = []
    problems = _Problems(path)
    torn_at = None
    pending: list[tuple[int, object]] = []  # (line number, parsed object) not yet made into drawings

    def build() -> None:
        for (number, obj), drawing in zip(pending, drawings_from_ndjson_objs([o for _, o in pending]),
                                          strict=True):
            if drawing is None:
                try:
                    drawing = Drawing.from_ndjson_obj(obj)
                except (ValueError, TypeError) as exc:
                    problems.add(number, QT_TRANSLATE_NOOP("DrawingFile", "not a drawing: {reason}").format(
                        reason=exception_text(exc)))
                    continue
            drawings.append(drawing)
        pending.clear()

    with os.fdopen(open_regular_file(path), "rb") as f:
        for number, offset, raw, ended in _lines(f):
            if raw is None:
                build()  # the problems stay in line order
                problems.add(number, QT_TRANSLATE_NOOP(
                    "DrawingFile", "a line longer than {mib} MiB; not read"
                ).format(
                    mib=MAX_LINE_BYTES // 2**20))
                continue
            if not raw.strip():
                continue
            try:
                obj = _parse_line(raw, number == 1)
            except ValueError as exc:
                build()  # the problems stay in line order
                if not ended and raw.lstrip().startswith(b"{"):  # how an interrupted append looks
                    torn_at = offset
                    problems.add(number, QT_TRANSLATE_NOOP(
                        "DrawingFile", "torn last line (incomplete write, {size} bytes): {reason}"
                    ).format(size=len(raw), reason=exception_text(exc)))
                else:
                    problems.add(number, exception_text(exc))
                continue
            pending.append((number, obj))
            if len(pending) >= READ_BATCH:
                build()
        build()
    return drawings, problems.result(), torn_at


def read_ndjson(path: str | os.PathLike) -> tuple[list[Drawing], list[LoadProblem]]:
    """Read every drawing of an NDJSON file; returns (drawings, problems).

    Blank lines are ignored, a UTF-8 byte order mark is allowed, line ends may be LF or CRLF. A line that
    is not JSON, or not a drawing (see `engine.drawing` and the limits in `engine.limits`), becomes a
    LoadProblem and every other line still loads; an unfinished `{...` last line without its newline is
    reported as torn (an interrupted write). Time and memory are bounded by the file's size and the
    limits: a line over MAX_LINE_BYTES is skipped unread.
    Raises OSError naming the file if it cannot be opened or is not a regular file (a folder, a FIFO).
    """
    drawings, problems, _ = _read(os.fspath(path))
    return drawings, problems


def write_ndjson(path: str | os.PathLike, drawings: Iterable[Drawing]) -> None:
    """Write drawings to `path` atomically: a temp file in the same folder, flushed, fsynced, renamed.

    Either the old file or the complete new one exists afterwards, never a half-written one.
    """
    lines = [_encode(d) + b"\n" for d in drawings]  # encode first: a bad item leaves the file untouched
    with atomic_write(path, "wb") as f:
        f.writelines(lines)


class DrawingStore:
    """A dataset file kept in step with an in-memory list of drawings.

    Opening a missing file gives an empty store (the file is created on the first write). Problems met
    while reading are in `problems`; the bad lines are dropped at the next rewrite (relabel, delete,
    replace_all), never by append. Opening also tidies up after a crash, once:

    - leftover temporary files of an interrupted rewrite are removed (`engine.atomic.remove_stale_temps`);
    - a torn last line (a kill in the middle of an append: an unfinished `{...` without its newline, in a
      file that holds drawings) is cut off: the fragment is added to `<name>.damaged` beside the file
      (`damaged_path`), the file is rewritten atomically without it, and the problem stays in `problems`
      saying so. Where that cannot be written (a read-only folder) the file is left as is.

    Several stores (in one process or in several) may hold the same file. Every write takes an advisory
    lock on the file (POSIX `flock`) and first checks whether the file changed since this store last read
    or wrote it; if it did, the store re-reads it (`generation` goes up) and applies its change to what
    is on disk now. So an append never overwrites, and a rewrite (`update`) is computed from the file's
    current content, never from a stale list: another writer's drawings are never erased.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._drawings: list[Drawing] = []
        self.problems: list[LoadProblem] = []
        self.generation = 0  # +1 whenever the list was re-read because another writer changed the file
        self._seen: tuple | None = None
        remove_stale_temps(self.path)
        with self._locked(create=False):
            if self.path.exists():
                self._drawings, self.problems, torn_at = _read(os.fspath(self.path))
                if torn_at is not None and self._drawings:  # never write to a file that holds no drawing
                    self._cut_torn_tail(torn_at)
            self._seen = self._stat()

    # -- another writer ---------------------------------------------------------------------------

    def _stat(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def changed_on_disk(self) -> bool:
        """True when the file is not what this store last read or wrote (another writer changed it)."""
        return self._stat() != self._seen

    def _refresh_locked(self) -> bool:
        now = self._stat()
        if now == self._seen:
            return False
        if self._seen is None and now is not None and now[1] == 0 and not self._drawings:
            self._seen = now  # a missing file became an empty one (our lock made it): nothing changed
            return False
        if self.path.exists():
            drawings, _problems, _torn = _read(os.fspath(self.path))
        else:
            drawings = []
        self._drawings = drawings
        self._seen = self._stat()
        self.generation += 1
        return True

    def refresh(self) -> bool:
        """Re-read the file if another writer changed it; True if it did (and `generation` went up)."""
        with self._locked(create=False):
            return self._refresh_locked()

    @contextlib.contextmanager
    def _locked(self, create: bool = True) -> Iterator[None]:
        """Hold the advisory lock of the file (where the OS and the folder allow one; `create`: make a
        missing file, empty, to lock it). The lock is taken on the file itself; after waiting, the file
        is checked to be the one at `path` still (an atomic rewrite by the previous holder replaces it),
        else the lock is taken again on the new file."""
        fd = -1
        if fcntl is not None and (create or self.path.exists()):
            for _ in range(100):
                try:
                    fd = open_regular_file(self.path, os.O_RDONLY | (os.O_CREAT if create else 0))
                    fcntl.flock(fd, fcntl.LOCK_EX)
                    if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                        break
                except OSError:
                    if fd < 0:
                        break  # a read-only or missing folder, not a regular file: the write says why
                os.close(fd)
                fd = -1
        try:
            yield
        finally:
            if fd >= 0:
                os.close(fd)  # releases the lock

    @property
    def damaged_path(self) -> Path:
        """Where torn fragments cut off at opening are kept."""
        return self.path.with_name(self.path.name + ".damaged")

    def _cut_torn_tail(self, offset: int) -> None:
        try:
            size = self.path.stat().st_size
            with open(self.path, "rb") as f:
                f.seek(offset)
                fragment = f.read()
            with open(self.damaged_path, "ab") as out:
                out.write(fragment + b"\n")
                out.flush()
                os.fsync(out.fileno())
            with atomic_path(self.path) as tmp, open(self.path, "rb") as src, open(tmp, "wb") as dst:
                _copy_prefix(src, dst, offset)
                if self.path.stat().st_size != size:  # another process appended meanwhile: leave it
                    raise _Changed
        except (OSError, _Changed):
            return
        for i, p in enumerate(self.problems):
            if p.message.startswith("torn last line"):
                note = QT_TRANSLATE_NOOP(
                    "DrawingFile", "{problem}; cut off, the fragment is kept in {path}"
                ).format(problem=p.message, path=os.fspath(self.damaged_path))
                self.problems[i] = LoadProblem(p.path, p.line, note)

    @property
    def drawings(self) -> list[Drawing]:
        """A copy of the list of drawings (Drawing objects themselves are immutable)."""
        return list(self._drawings)

    def __len__(self) -> int:
        return len(self._drawings)

    def labels(self) -> list[str]:
        return [d.label for d in self._drawings]

    def append(self, drawing: Drawing) -> None:
        """Append one drawing: one line written with one write in append mode, fsynced before returning.

        A failed write (a full disk) is undone: the file is cut back to its previous size, so it never
        keeps part of a line, and the OSError is raised. A torn last line left by an earlier crash that
        could not be cut off at opening is ended first, so the new line stays readable.
        """
        line = _encode(drawing) + b"\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            self._refresh_locked()
            self._append_locked(line)
            self._seen = self._stat()
        self._drawings.append(drawing)

    def _append_locked(self, line: bytes) -> None:
        fd = open_regular_file(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
        try:
            size = os.fstat(fd).st_size
            if size > 0:
                os.lseek(fd, size - 1, os.SEEK_SET)
                if os.read(fd, 1) != b"\n":
                    line = b"\n" + line
            try:
                written = os.write(fd, line)
                if written != len(line):
                    raise OSError(errno.ENOSPC, QT_TRANSLATE_NOOP(
                        "DrawingFile", "No space left on device ({written} of {size} bytes written)"
                    ).format(written=written, size=len(line)), os.fspath(self.path))
                os.fsync(fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                raise
        finally:
            os.close(fd)

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
            raise ValueError(QT_TRANSLATE_NOOP("DrawingFile", "a label must be a non-empty string"))
        idx = self._check_indices(indices)
        new = list(self._drawings)
        for i in idx:
            new[i] = new[i].with_label(label)
        self._write(new)

    def delete(self, indices: Iterable[int]) -> None:
        """Remove the drawings at `indices` (atomic rewrite)."""
        idx = set(self._check_indices(indices))
        new = [d for i, d in enumerate(self._drawings) if i not in idx]
        self._write(new)

    def replace_all(self, drawings: Iterable[Drawing]) -> None:
        """Replace the whole dataset (atomic rewrite) with exactly `drawings`, whatever is on disk."""
        self._write(list(drawings))

    def _write(self, new: list[Drawing]) -> None:
        with self._locked():
            write_ndjson(self.path, new)
            self._seen = self._stat()
        self._drawings = new
        self.problems = []

    def update(self, change: Callable[[list[Drawing]], list[Drawing]]) -> bool:
        """Rewrite the file atomically with `change(drawings)`, where `drawings` is the file's content
        now: re-read first if another writer changed it. Returns True if it was re-read (the caller's
        idea of the list is then stale: read `drawings` again)."""
        with self._locked():
            reread = self._refresh_locked()
            new = list(change(list(self._drawings)))
            write_ndjson(self.path, new)
            self._seen = self._stat()
        self._drawings = new
        self.problems = []
        return reread
