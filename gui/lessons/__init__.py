"""Lessons mode (issue 6): the lecture's argument, step by step, with its own numbers and the learner's
drawings. `LessonsView` (objectName "lessonsView") holds one widget per lesson."""

from gui.lessons.view import LessonsView

__all__ = ["LessonsView"]
