"""argparse's own words ("usage: ", "options", "the following arguments are required: %s", ...) in the
command line's language, through the same catalogue as every other text (context "argparse").

argparse writes its words through the module globals `argparse._` and `argparse.ngettext` (gettext's,
imported as names of that module), looked up each time a parser is built, prints its help or reports an
error. `argparse_language()` points those two names at `gui.text.translate` while the command line builds
its parser and parses, and puts gettext's functions back afterwards, so nothing else in the process is
changed. `ARGPARSE_TEXTS` marks every text this Python's argparse passes through them, for lupdate;
tests/gui/test_cli_language.py fails when an argparse of another Python version has a text missing here.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from gui.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "argparse"

ARGPARSE_TEXTS = (
    # help output
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "subcommands"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    # errors a user meets (exit status 2)
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument \"-\" with mode %r"),
    # a parser built wrongly (a programming error, but argparse says it in the same words)
    QT_TRANSLATE_NOOP("argparse", "conflicting option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting option strings: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser: %s"),
    QT_TRANSLATE_NOOP("argparse", "conflicting subparser alias: %s"),
    QT_TRANSLATE_NOOP("argparse", ".__call__() not defined"),
    QT_TRANSLATE_NOOP("argparse", "'required' is an invalid argument for positionals"),
    QT_TRANSLATE_NOOP("argparse", "mutually exclusive arguments must be optional"),
    QT_TRANSLATE_NOOP("argparse", "%r is not callable"),
    QT_TRANSLATE_NOOP("argparse", "cannot merge actions - two groups are named %r"),
    QT_TRANSLATE_NOOP(
        "argparse", "invalid option string %(option)r: must start with a character %(prefix_chars)r"
    ),
    QT_TRANSLATE_NOOP("argparse", "dest= is required for options like %r"),
    QT_TRANSLATE_NOOP("argparse", "invalid conflict_resolution value: %r"),
    QT_TRANSLATE_NOOP("argparse", "cannot have multiple subparser arguments"),
)


def _gettext(message: str) -> str:
    return translate(CONTEXT, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(CONTEXT, singular if n == 1 else plural)


@contextmanager
def argparse_language() -> Iterator[None]:
    """argparse speaks through gui.text.translate inside the block (see the module doc)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def display_width(text: str) -> int:
    """Terminal columns `text` takes: Hangul, CJK and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_to_columns(text: str, width: int) -> list[str]:
    """`text`'s words in lines of at most `width` terminal columns (a longer word stays whole)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and display_width(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


class ColumnsHelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped by terminal columns when a text holds wide characters (Korean takes two
    columns a letter; argparse counts one, so its lines ran past the terminal's edge). Texts without them
    are wrapped by argparse itself, as before."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        return wrap_to_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if display_width(text) == len(text):
            return super()._fill_text(text, width, indent)
        lines = wrap_to_columns(re.sub(r"\s+", " ", text), width - len(indent))
        return "\n".join(indent + line for line in lines)
