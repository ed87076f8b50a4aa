"""Safe file access: atomic writes, leftover temp files removed, only regular files opened.

Atomic writes go to a temporary file in the same folder, flushed and fsynced, then `os.replace`d over the
target: either the old file or the complete new one exists afterwards, never a half-written one; a failure
leaves the old file untouched and removes the temporary one. A replaced file keeps its permissions; a new
file gets the usual rw-r--r--.

A process killed during a write leaves its temporary file (`.<name>.<8 random chars>.tmp[.ext]` beside
the target). `remove_stale_temps(path)` removes those of `path`; every atomic write of `path` calls it
first. A temporary file is stale when no process holds the lock its writer takes on it (POSIX `flock`,
released by the kernel when the writer dies); where there is no `flock`, when it is older than this
process.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .text import QT_TRANSLATE_NOOP

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

_PROCESS_START = time.time()
_TEMP_CHARS = "[a-z0-9_]{8}"  # tempfile.mkstemp's random part


def _temp_pattern(name: str) -> re.Pattern:
    return re.compile(rf"\.{re.escape(name)}\.{_TEMP_CHARS}\.tmp(\.[A-Za-z0-9]+)?")


def remove_stale_temps(path: str | os.PathLike) -> list[Path]:
    """Remove the temporary files a killed atomic write of `path` left beside it; returns those removed.

    Only names of our own pattern for this very target are considered, and only stale ones (see the
    module docstring): a write in progress in another process is left alone. Errors (a read-only folder)
    are ignored: the leftovers then stay until a later call succeeds."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = _temp_pattern(path.name)
    try:
        names = [n for n in os.listdir(folder) if pattern.fullmatch(n)]
    except OSError:
        return []
    removed = []
    for name in names:
        tmp = folder / name
        with suppress(OSError):
            if _remove_if_stale(tmp):
                removed.append(tmp)
    return removed


def _remove_if_stale(tmp: Path) -> bool:
    if fcntl is None:
        if os.stat(tmp).st_mtime < _PROCESS_START:
            os.unlink(tmp)
            return True
        return False
    fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # its writer is alive
        os.unlink(tmp)
        return True
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yields a temporary path beside `path` for the caller to write (and close); then fsyncs it and
    renames it over `path`. `suffix` must start with ".tmp" (so a leftover is recognised as ours)."""
    if not suffix.startswith(".tmp"):
        raise ValueError('the temporary suffix must start with ".tmp"')
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=suffix, dir=folder)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the rename: marks the file as in use
    else:
        os.close(fd)
        fd = -1
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o777 if path.exists() else 0o644)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        if fd >= 0:
            os.close(fd)
    _fsync_dir(folder)


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", **open_kwargs) -> Iterator:
    """`with atomic_write(path, "w", encoding="utf-8") as f: f.write(...)`: an open temporary file that
    replaces `path` when the block ends without an error."""
    with atomic_path(path) as tmp, open(tmp, mode, **open_kwargs) as f:
        yield f
        f.flush()


def open_regular_file(path: str | os.PathLike, flags: int = os.O_RDONLY, mode: int = 0o644) -> int:
    """os.open for a regular file only: a folder, FIFO, device or socket is refused at once (a FIFO is
    opened non-blocking, so it cannot hang the caller). Returns the fd; raises OSError naming the file
    (IsADirectoryError for a folder)."""
    extra = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | extra, mode)
    except OSError as e:
        if e.errno == errno.ENXIO:  # a FIFO opened for writing with no reader
            raise OSError(errno.EINVAL, QT_TRANSLATE_NOOP(
                "Files", "not a regular file (a FIFO or a device)"
            ), os.fspath(path)) from None
        raise
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, QT_TRANSLATE_NOOP(
                "Files", "is a folder, not a file"
            ), os.fspath(path))
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
            raise OSError(errno.EINVAL, QT_TRANSLATE_NOOP(
                "Files", "not a regular file ({kind})"
            ).format(kind=kind), os.fspath(path))
        if extra & getattr(os, "O_NONBLOCK", 0) and fcntl is not None:
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
