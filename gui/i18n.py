"""The interface's language: Qt's own translation tools, .ts sources and .qm files in resources/i18n/.

- `language_setting(settings)`: "system", "en" or "ko", as View › Language left it (`view/language`).
- `effective_language(setting)`: the language that setting means here ("system" follows QLocale.system()).
- `Translation(window, settings)`: installs the translator for the main window's life (the ShapeLab file
  and Qt's own translations of its standard dialogs), sets QLocale's default so numbers are written the
  language's way, and takes both away when the window closes.
- Importing this module plugs `QCoreApplication.translate` into `gui.text.translate`, the marker every
  module of gui/ calls (gui.core and the command line included, which import no Qt): see gui/text.py and
  docs/ARCHITECTURE.md › Translation.

Updating the catalogue after changing marked texts:

    pyside6-lupdate -locations none -no-obsolete <TRANSLATED_SOURCES> -ts resources/i18n/shapelab_ko.ts
    (translate the new entries, e.g. in pyside6-linguist)
    pyside6-lrelease resources/i18n/shapelab_ko.ts -qm resources/i18n/shapelab_ko.qm

tests/gui/test_i18n.py fails while lupdate would find anything new or a Korean entry is unfinished.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from gui import text
from gui.resources import RESOURCES

I18N_DIR = RESOURCES / "i18n"
LANGUAGE_KEY = "view/language"
LANGUAGES = (("en", "English"), ("ko", "한국어"))  # each in its own language: not translated
ROOT = Path(__file__).resolve().parents[1]
# Every module of gui/ and engine/ and main.py: lupdate reads them all (relative to ROOT, as the catalogue
# is updated); the engine marks its texts with engine.text.QT_TRANSLATE_NOOP
TRANSLATED_SOURCES = tuple(
    sorted(str(p.relative_to(ROOT)) for folder in ("gui", "engine") for p in (ROOT / folder).rglob("*.py"))
    + ["main.py"]
)

text.set_translator(QCoreApplication.translate)  # gui.text.translate: the installed QTranslators from now on


def number(value: float, decimals: int = 0) -> str:
    """`value` written the interface language's way (QLocale: digits, decimal point, grouping), with
    `decimals` places; while Korean runs, QLocale's default is Korean (see Translation)."""
    locale = QLocale()
    if decimals:
        return locale.toString(float(value), "f", decimals)
    return locale.toString(int(round(value)))


def install_cli_translation(language: str) -> bool:
    """The command line's texts in `language` ("ko"): a QTranslator of its own (no QCoreApplication needed)
    plugged into gui.text. Returns whether the catalogue was found."""
    translator = QTranslator()
    if not translator.load(str(I18N_DIR / f"shapelab_{language}.qm")):
        return False
    text.set_translator(lambda context, source: translator.translate(context, source) or source)
    return True


def language_setting(settings) -> str:
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in ("system", *dict(LANGUAGES)) else "system"


def effective_language(setting: str) -> str:
    if setting == "system":
        return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"
    return setting


class Translation(QObject):
    """The translators of the main `window`'s session (see the module doc). `language` is the one in use."""

    def __init__(self, window, settings):
        super().__init__(window)
        self.window = window
        self.language = effective_language(language_setting(settings))
        self._translators: list[QTranslator] = []
        self._old_locale = QLocale()
        app = QCoreApplication.instance()
        if self.language != "en" and app is not None:
            own = QTranslator(self)
            if own.load(str(I18N_DIR / f"shapelab_{self.language}.qm")):
                self._translators.append(own)
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{self.language}", qt_dir):
                self._translators.append(qt)
            for translator in self._translators:
                app.installTranslator(translator)
            language = QLocale.Language.Korean if self.language == "ko" else QLocale.Language.English
            QLocale.setDefault(QLocale(language))
        window.installEventFilter(self)

    def remove(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        if self._translators:
            QLocale.setDefault(self._old_locale)
        self._translators = []

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.remove()
        return False
