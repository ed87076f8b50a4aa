"""Marked texts, translatable without Qt: the one `translate` every module of gui/ calls.

`translate(context, source)` returns `source` in the interface's language. It holds no Qt: gui.core (the
Qt-free application logic), the command line and the panels all call it, and pyside6-lupdate finds every
`translate("Context", "text")` and `QT_TRANSLATE_NOOP("Context", "text")` call by its name. The translating
function is plugged in from outside: `gui.i18n` plugs in `QCoreApplication.translate` (the app's installed
QTranslator), the command line a QTranslator of its own; until then (tests of gui.core, English) the source
comes back as it is.

- Texts built when a function runs: ``translate("Context", "trained {steps} steps").format(steps=n)`` —
  placeholders are named ``{...}`` fields, formatted after translating, so a translation can move them.
- Texts fixed at import (module constants, class attributes: built before any translator is installed):
  ``QT_TRANSLATE_NOOP("Context", "text")`` marks them and returns them unchanged; the code that shows them
  calls ``translate("Context", text)`` with the same context.
- Texts the engine writes (its exceptions' messages, load problems, run summaries) are `engine.text.Text`
  objects, which carry their template and arguments; importing this module plugs `translate` into
  engine.text, so `str(text)`, f-strings and ``"{exc}".format(exc=exc)`` show them translated.
"""

from __future__ import annotations

from collections.abc import Callable

import engine.text as engine_text

_translator: Callable[[str, str], str] | None = None


def translate(context: str, source: str) -> str:
    """`source` in the interface's language (`source` itself when no translation is plugged in or known)."""
    if _translator is None or not source:
        return source
    return _translator(context, source) or source


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (Qt's name, which lupdate looks for)
    """Marks `source` for the catalogue and returns it untranslated (see the module doc)."""
    return source


def set_translator(function: Callable[[str, str], str] | None) -> None:
    """Plugs in the translating function (context, source) -> text; None goes back to the sources."""
    global _translator
    _translator = function


# The engine's texts (errors, load problems, run summaries: `engine.text.Text`) are catalogued with the
# same tools and come out in the interface's language through this module's `translate` too.
engine_text.set_translator(translate)
