"""The limits on what ShapeLab reads from files, in one place.

A file from elsewhere (a classmate's dataset, a download, a damaged disk) can declare anything. These
bounds keep reading it to a clear message in bounded time and memory instead of a crash, a freeze or a
multi-GiB allocation. They are far above anything drawn by hand or saved by ShapeLab.

Drawings (checked by `engine.drawing.Drawing`, so every drawing in memory is within them):

- MAX_COORDINATE: |x| and |y| at most 1e6 (a canvas is a few thousand pixels; Quick, Draw! uses 0..255
  simplified and screen pixels raw). Rasterising subtracts and scales coordinates; ±1e308 overflows.
- MAX_POINTS: at most 10,000 points in one drawing (a long hand drawing has a few thousand; the
  starter set at most 116). Rasterising costs about 1 KB per point while a chunk of drawings is drawn.
- MAX_STROKES: at most 10,000 strokes in one drawing.
- MAX_THICKNESS: the optional pen-width factor in `extra` must be a number in (0, 10].
- MAX_INK (checked when reading a file, `Drawing.from_ndjson_obj`): the strokes' total length is at most
  100 times the drawing's larger side. Rasterising stamps the pen along the strokes, so its cost grows
  with this ratio, not with the coordinates: a random scribble of 10,000 points is ~5,000 and takes
  GiBs; hand drawings are under 10 (the starter set: median 2.7, largest 7.1).

NDJSON files (checked by `engine.store.read_ndjson`):

- MAX_LINE_BYTES: a line over 16 MiB is reported and skipped without being parsed.
- MAX_JSON_DEPTH: extra keys nested deeper than 32 levels are refused (json itself stops at Python's
  recursion limit with a RecursionError, which is also reported as a bad line).
- MAX_LISTED_PROBLEMS: the first 1,000 bad lines of a file are listed one by one, the rest as one summary
  (a renamed binary file would otherwise give a problem per "line").

Model files (checked by `engine.modelio.load_model` before any array is allocated):

- MAX_MODEL_PARAMETERS: at most 50 million parameters in all (200 MB of float32).
- MAX_ENTRY_BYTES: each .npz member at most 256 MiB uncompressed (its declared size in the zip directory).
- MAX_META_CHARS: the JSON description (`__meta__`) at most 1 million characters, nested at most
  MAX_JSON_DEPTH levels.
- MAX_MODEL_ENTRIES: at most 1,000 members in the archive; MAX_MODEL_LAYERS: at most 1,000 layers.
- MAX_INPUT_SIZE: an input image side (and channel count) of at most 1,024.
"""

from __future__ import annotations

MAX_COORDINATE = 1e6
MAX_POINTS = 10_000
MAX_STROKES = 10_000
MAX_THICKNESS = 10.0
MAX_INK = 100.0

MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_JSON_DEPTH = 32
MAX_LISTED_PROBLEMS = 1_000

MAX_MODEL_PARAMETERS = 50_000_000
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_META_CHARS = 1_000_000
MAX_MODEL_ENTRIES = 1_000
MAX_MODEL_LAYERS = 1_000
MAX_INPUT_SIZE = 1_024


def json_depth_exceeds(value, limit: int = MAX_JSON_DEPTH) -> bool:
    """True if `value` (parsed JSON: dicts, lists, scalars) nests more than `limit` containers deep.

    Iterative, so it cannot itself hit the recursion limit."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
