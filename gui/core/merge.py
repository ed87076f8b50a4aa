"""Many students' files as one dataset: who drew what (the `drawer` key), merging without exact
duplicates, the merge report, and a validation split by drawer. Qt-free.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import Drawing, LoadProblem, drawing_key, read_ndjson
from gui.text import translate

from .classes import StateError

DRAWER_KEY = "drawer"  # the extra NDJSON key holding who drew a drawing (Quick, Draw! readers ignore it)
UNKNOWN_DRAWER = "(unknown)"


@dataclass(frozen=True)
class MergeReport:
    """What reading several files as one gave: files read, drawings kept, exact duplicates dropped,
    drawings per class and per drawer, and the damaged lines met."""

    files: tuple[str, ...]
    kept: int
    duplicates: int
    per_class: dict
    per_drawer: dict
    problems: tuple[LoadProblem, ...] = ()


def format_report(report: MergeReport, verb: str = translate("Merge", "Merged")) -> str:
    """The merge report in a few plain lines (the CLI prints it, File › Import shows it)."""
    n = len(report.files)
    lines = [translate(
        "Merge",
        "{verb} {n} file{value}: {kept:,} drawings kept, {duplicates:,} exact duplicate{value2} dropped.",
    ).format(
        verb=verb,
        n=n,
        value='s' if n != 1 else '',
        kept=report.kept,
        duplicates=report.duplicates,
        value2='s' if report.duplicates != 1 else '',
    )]
    lines.append(translate("Merge", "Per class: ")
                 + ", ".join(f"{k} {v:,}" for k, v in sorted(report.per_class.items())))
    known = {k: v for k, v in report.per_drawer.items() if k != UNKNOWN_DRAWER}
    drawers = translate("Merge", "{value} drawer{value2}").format(
        value=len(known),
        value2='s' if len(known) != 1 else '',
    )
    if known:
        drawers += ": " + ", ".join(f"{k} {v:,}" for k, v in sorted(known.items()))
    if UNKNOWN_DRAWER in report.per_drawer:
        drawers += translate("Merge", " (and {value:,} drawings without a drawer)").format(
            value=report.per_drawer[UNKNOWN_DRAWER],
        )
    lines.append(drawers)
    if report.problems:
        lines.append(translate("Merge", "{value} damaged line{value2} skipped (first: {value3})").format(
            value=len(report.problems),
            value2='s' if len(report.problems) != 1 else '',
            value3=report.problems[0],
        ))
    return "\n".join(lines)


def drawer_of(drawing: Drawing) -> str:
    """Who drew `drawing` (its `drawer` key), or UNKNOWN_DRAWER."""
    value = drawing.extra.get(DRAWER_KEY)
    return value if isinstance(value, str) and value.strip() else UNKNOWN_DRAWER


def split_by_drawer(drawers: Sequence[str], val_fraction: float,
                    seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A validation split by person: (train_indices, val_indices), sorted int64 arrays, where every item of
    a drawer chosen for validation is held out and no drawer is on both sides ("test on drawings by people
    the model has not seen"). Drawers are taken in a seeded order so that about `val_fraction` of the items
    is held out (a drawer is taken when it brings the count nearer; at least one drawer, never all).
    Items without a drawer (UNKNOWN_DRAWER or "") always train. Raises StateError when fewer than two
    drawers are known."""
    if not 0.0 < val_fraction < 1.0:
        raise StateError(
            translate("Merge", "A split by drawer needs a validation fraction above 0 and below 1.")
        )
    drawers = [d if d and d != UNKNOWN_DRAWER else "" for d in drawers]
    counts: dict[str, int] = {}
    for d in drawers:
        if d:
            counts[d] = counts.get(d, 0) + 1
    if len(counts) < 2:
        raise StateError(
            translate(
                "Merge",
                "A validation split by drawer needs drawings by at least two drawers; these have {value} "
                "(the \"{DRAWER_KEY}\" key of each drawing; File › Your drawer name… sets yours).",
            ).format(value=len(counts), DRAWER_KEY=DRAWER_KEY)
        )
    order = sorted(counts)
    np.random.default_rng(seed).shuffle(order)
    target = val_fraction * len(drawers)
    held: set[str] = set()
    total = 0
    for name in order[:-1]:  # the last drawer always trains
        if not held or abs(total + counts[name] - target) < abs(total - target):
            held.add(name)  # the first drawer, and any that brings the held-out count nearer the share
            total += counts[name]
    val = np.array([i for i, d in enumerate(drawers) if d in held], dtype=np.int64)
    train = np.array([i for i, d in enumerate(drawers) if d not in held], dtype=np.int64)
    return train, val


def merge_drawings(sources: Sequence[tuple[str, Sequence[Drawing]]],
                   problems: Sequence[LoadProblem] = ()) -> tuple[list[Drawing], MergeReport]:
    """Drawings of several files as one list, exact duplicates (same label, strokes and extra keys)
    dropped, first occurrence kept; and the report saying what was merged."""
    seen: set[bytes] = set()
    out: list[Drawing] = []
    duplicates = 0
    for _name, drawings in sources:
        for d in drawings:
            key = drawing_key(d)
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            out.append(d)
    per_class: dict[str, int] = {}
    per_drawer: dict[str, int] = {}
    for d in out:
        per_class[d.label] = per_class.get(d.label, 0) + 1
        who = drawer_of(d)
        per_drawer[who] = per_drawer.get(who, 0) + 1
    report = MergeReport(tuple(name for name, _ in sources), len(out), duplicates, per_class, per_drawer,
                         tuple(problems))
    return out, report


def read_many(paths: Sequence[str | os.PathLike],
              already: Sequence[Drawing] = ()) -> tuple[list[Drawing], MergeReport]:
    """Read NDJSON files (a folder: every *.ndjson in it, sorted) as one dataset without exact duplicates
    (also none of `already`, the drawings one has: an import into a dataset). Damaged lines are in the
    report's problems; raises OSError naming a file that cannot be read and StateError when no file is
    given."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.ndjson") if q.is_file()))
        else:
            files.append(p)
    if not files:
        raise StateError(translate("Merge", "No drawing files (*.ndjson) to read."))
    sources, problems = [], []
    for f in files:
        drawings, probs = read_ndjson(f)
        sources.append((str(f), drawings))
        problems.extend(probs)
    if not already:
        return merge_drawings(sources, problems)
    known = {drawing_key(d) for d in already}
    fresh, dropped = [], 0
    for name, drawings in sources:
        keep = [d for d in drawings if drawing_key(d) not in known]
        dropped += len(drawings) - len(keep)
        fresh.append((name, keep))
    out, report = merge_drawings(fresh, problems)
    return out, MergeReport(report.files, report.kept, report.duplicates + dropped, report.per_class,
                            report.per_drawer, report.problems)
