"""Texts the engine writes for people (error messages, load problems, run summaries), translatable later.

The engine imports no Qt and knows no language: it writes English. A user interface may still show these
texts in its own language, because each one carries its English template, the context it is catalogued
under and its arguments separately:

    raise ValueError(QT_TRANSLATE_NOOP("Drawing", "stroke {k} must hold lists of numbers").format(k=k))

- `QT_TRANSLATE_NOOP(context, template)` returns a `Text` equal to `template`. pyside6-lupdate finds the
  call by its name (with exactly these two literal arguments: the arguments go to `.format`), so the
  template lands in the catalogue under `context`.
- `Text.format(**args)` fills the named placeholders as `str.format` does and returns a `Text` whose value
  (what `==`, `+`, `.startswith`, `json.dumps` and `"".join` see) is the English result, exactly as an
  f-string wrote it before.
- `str(text)`, `format(text)`, f-strings and `"%s" % text` give the text in the interface's language:
  the template through the translating function plugged in with `set_translator` (gui.text plugs in its
  `translate`), then formatted with the arguments, which are themselves translated when they are `Text`.
  With nothing plugged in (the engine alone, tests, an English command line) that is the English value.

An exception raised with a `Text` (``ValueError(text)``) is therefore shown translated wherever the
interface writes `str(exc)` or ``"{exc}".format(exc=exc)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

_translator: Callable[[str, str], str] | None = None


def set_translator(function: Callable[[str, str], str] | None) -> None:
    """Plugs in the translating function (context, English template) -> template in the interface's
    language; None goes back to English."""
    global _translator
    _translator = function


def _english(value: Any) -> Any:
    return value.english if isinstance(value, Text) else value


class Text(str):
    """An English text with its catalogue `context`, `template` and `args` (None: not formatted)."""

    __slots__ = ("context", "template", "args")

    def __new__(cls, context: str, template: str, args: Mapping[str, Any] | None = None) -> Text:
        english = template if args is None else template.format(**{k: _english(v) for k, v in args.items()})
        self = super().__new__(cls, english)
        self.context, self.template, self.args = context, template, None if args is None else dict(args)
        return self

    @property
    def english(self) -> str:
        return str.__str__(self)

    def format(self, **args: Any) -> Text:  # type: ignore[override]  (named placeholders only)
        """The template filled with `args` (see the module doc)."""
        return Text(self.context, self.template, args)

    def __str__(self) -> str:
        if _translator is None:
            return self.english
        try:
            template = _translator(self.context, self.template) or self.template
            return template if self.args is None else template.format(**self.args)
        except (KeyError, IndexError, ValueError):  # a translation that does not fit its arguments
            return self.english

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(self.english)

    def __reduce__(self):
        return Text, (self.context, self.template, self.args)


def QT_TRANSLATE_NOOP(context: str, template: str) -> Text:  # noqa: N802 (Qt's name, which lupdate looks for)
    """Marks `template` for the catalogue under `context`; returns it as a `Text` (see the module doc)."""
    return Text(context, template)


def exception_text(exc: BaseException) -> str:
    """What `exc` says, kept as a `Text` when it was raised with one (so a message built from it stays
    translatable); `str(exc)` otherwise."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)
