"""Everything off the GUI thread, one pattern (see `runner`):

- `JobRunner` (runner.py): jobs by kind in QThread lanes; newest wins, stale results dropped by generation
  number, every job cancellable through the `should_stop` it is given, bounded shutdown.
- `HelperProcess`, `end_helper_processes` (helper.py): work in a child process; terminate, then kill.
- `Throttle` (throttle.py): the one rate limiter (leading and trailing edge).
- `Trainer` (trainer.py): the training thread, a thin wrapper around the engine's training generator.
- `LivePredictor` (predictor.py): live prediction, a runner kind behind a Throttle.
"""

from .helper import HelperError, HelperProcess, end_helper_processes
from .runner import JobRunner
from .throttle import Throttle

__all__ = ["JobRunner", "HelperProcess", "HelperError", "end_helper_processes", "Throttle"]
