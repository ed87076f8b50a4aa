"""Translation: the Korean catalogue is current with the code (lupdate finds nothing new, nothing is
unfinished, the .qm is built from the .ts), and View › Language switches the marked texts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from gui.i18n import I18N_DIR, LANGUAGE_KEY, TRANSLATED_SOURCES

ROOT = Path(__file__).resolve().parents[2]
TS = I18N_DIR / "shapelab_ko.ts"
QM = I18N_DIR / "shapelab_ko.qm"


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} (from PySide6-Essentials) is missing"
    return found


def messages(path: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for msg in context.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.find("source").text)] = (tr.get("type"), tr.text or "")
    return out


def test_the_korean_catalogue_is_current_and_complete(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    result = subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *TRANSLATED_SOURCES,
         "-ts", str(copy)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert "(0 new " in result.stdout, result.stdout
    before, after = messages(TS), messages(copy)
    assert before == after, "lupdate changed the catalogue: run it and translate the new entries"
    assert before, "the catalogue is empty"
    unfinished = [src for (_ctx, src), (kind, text) in before.items() if kind is not None or not text.strip()]
    assert not unfinished, unfinished
    qm = tmp_path / QM.name
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], capture_output=True, check=True)
    assert qm.read_bytes() == QM.read_bytes(), "the .qm is older than the .ts: run pyside6-lrelease"


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")
# A placeholder glued to an English word ("drawing{s}") is its plural ending: a language without plural
# endings (Korean) leaves it out. Every other placeholder must be in the translation exactly as in the source.
PLURAL_ENDING = re.compile(r"(?<=[a-z])\{\w+\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def test_every_translation_keeps_the_placeholders_of_its_source():
    wrong = []
    for (ctx, src), (_kind, text) in messages(TS).items():
        endings = set(PLURAL_ENDING.findall(src))
        needed = [p for p in placeholders(src) if p not in endings]
        got = [p for p in placeholders(text) if p not in endings]
        if needed != got:
            wrong.append((ctx, src, text))
    assert not wrong, wrong
    # the check can fail: a dropped and a renamed placeholder are caught
    assert placeholders("{n} drawings") != placeholders("그림")
    assert placeholders("{n:,} drawings") != placeholders("그림 {n}개")


def test_the_translation_formats_like_its_source():
    """Every translated text formats with the same arguments as its source (no KeyError, no stray brace)."""
    for (_ctx, src), (_kind, text) in messages(TS).items():
        names = {m.split(":")[0].split("!")[0] for m in re.findall(r"\{([^{}]*)\}", src.replace("{{", ""))}
        if not names or any(not n.isidentifier() for n in names):
            continue
        args = {n: 1234.5 if ":" in src else "x" for n in names}
        try:
            src.format(**args)
        except (ValueError, TypeError):
            continue  # a spec that needs a particular type: the placeholder test covers it
        text.format(**args)


def view_texts(window) -> list[str]:
    view = next(a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "" and
                any(x is window.presenter_action for x in a.menu().actions()))
    return [a.text() for a in view.actions()]


def test_view_language_korean_from_the_next_start(make_window, tmp_path, qtbot):
    data_dir = tmp_path / "data"
    window = make_window(data_dir)
    assert window.translation.language == "en"
    assert "&Presenter mode" in view_texts(window)
    window.language_actions["ko"].trigger()
    assert "starts again" in window.statusBar().currentMessage()
    assert window.settings.value(LANGUAGE_KEY) == "ko"
    window.close()
    korean = make_window(data_dir)
    assert korean.translation.language == "ko"
    assert "발표자 모드(&P)" in view_texts(korean)
    assert korean.language_actions["ko"].isChecked()
    assert QLocale().language() == QLocale.Language.Korean  # numbers the Korean way while it runs
    from gui.i18n import number
    from gui.panels.prediction import percent_text

    assert number(12345) == "12,345" and percent_text(0.9794) == "97.9 %"  # QLocale's Korean digits
    assert f"그림 {number(len(korean.state))}개" in korean.dataset_label.text()
    menus = [a.text() for a in korean.menuBar().actions()]
    assert menus[:3] == ["파일(&F)", "모델(&M)", "보기(&V)"], menus
    assert korean.training_panel.train_button.text() == "학습"
    # a text of the Qt-free gui.core, translated through gui.text
    assert korean.training_panel.model_note.text() == korean.model_state.note == "학습 안 됨 (무작위 가중치)"
    korean.side_windows.show_lessons()
    view = korean.side_windows.lessons
    assert view.tabText(0) == "1 표현"
    corner = view.lessons[0]
    assert "꼭짓점 세기" in corner.heading.text()
    corner.set_step(0)
    assert "획을 잇고 단순화합니다" in corner.caption.text()  # the rule, with the engine's numbers
    assert "50°" in corner.caption.text()
    assert corner.step_label.text() == "단계 1/6"
    korean.close()  # the translator goes with the window
    assert QCoreApplication.translate("ScreenActions", "&Presenter mode") == "&Presenter mode"
    assert QLocale().language() != QLocale.Language.Korean


def test_the_command_line_speaks_the_environment_language():
    from gui.cli import cli_language

    assert cli_language({"LANG": "ko_KR.UTF-8"}) == "ko"
    assert cli_language({"LANGUAGE": "en_GB:ko", "LANG": "ko_KR.UTF-8"}) == "en"  # the first one set decides
    assert cli_language({}) == "en"
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    korean = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                            env={**env, "LANG": "ko_KR.UTF-8"}, check=True).stdout
    english = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                             env={**env, "LANG": "C.UTF-8"}, check=True).stdout
    assert "합성 그림을 만들어 NDJSON 파일에 쓰기" in korean  # synth's help
    assert "generate synthetic drawings into an NDJSON file" in english
    assert "합성" not in english
