"""The command line in Korean: argparse's own words and the engine's messages come from the catalogue;
English stays word for word as before, and the exit statuses are the README's."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

from gui.cli_argparse import ARGPARSE_TEXTS, argparse_language
from tests.gui.test_i18n import TS, messages

ROOT = Path(__file__).resolve().parents[2]


def argparse_messages() -> set[str]:
    """Every literal this Python's argparse passes through `_` or `ngettext`."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
                elif isinstance(arg, ast.Call):  # _(kwargs.pop('title', 'subcommands'))
                    found.update(a.value for a in arg.args[1:] if isinstance(a, ast.Constant) and a.value)
    return found


def test_every_word_of_this_pythons_argparse_is_catalogued_and_translated():
    used = argparse_messages()
    assert {"usage: ", "options", "show this help message and exit",
            "the following arguments are required: %s"} <= used  # the reader works
    assert used <= set(ARGPARSE_TEXTS), sorted(used - set(ARGPARSE_TEXTS))
    catalogue = messages(TS)
    percent = re.compile(r"%\(\w+\)[sr]|%[sr]")
    for source in ARGPARSE_TEXTS:
        kind, korean = catalogue[("argparse", source)]
        assert kind is None and korean.strip(), source
        assert sorted(percent.findall(korean)) == sorted(percent.findall(source)), (source, korean)


def test_argparse_speaks_through_translate_only_inside_the_block(monkeypatch):
    from gui import text

    before = argparse._
    monkeypatch.setattr(text, "_translator", lambda context, source: f"<{context}:{source}>")
    with argparse_language():
        parser = argparse.ArgumentParser(prog="x")
        assert parser.format_usage() == "<argparse:usage: >x [-h]\n"
        assert "<argparse:options>:" in parser.format_help()
    assert argparse._ is before
    assert "\noptions:" in argparse.ArgumentParser(prog="x").format_help()


def run_cli(*args: str, lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**env, "LANG": lang})


def test_korean_help_and_usage_errors_keep_the_exit_statuses():
    korean = run_cli("--help", lang="ko_KR.UTF-8")
    assert korean.returncode == 0
    assert korean.stdout.startswith("사용법: shapelab")
    assert "\n옵션:\n" in korean.stdout and "\n위치 인자:\n" in korean.stdout
    assert "이 도움말을 보여 주고 끝내기" in korean.stdout
    assert "usage" not in korean.stdout and "options" not in korean.stdout
    missing = run_cli("train", lang="ko_KR.UTF-8")
    assert missing.returncode == 2
    assert "shapelab train: 오류: 다음 인자가 필요합니다: --out" in missing.stderr
    choice = run_cli("train", "--out", "m.npz", "--preset", "huge", lang="ko_KR.UTF-8")
    assert choice.returncode == 2
    assert "인자 --preset: 잘못된 선택: 'huge'" in choice.stderr
    english = run_cli("train", lang="C.UTF-8")
    assert english.returncode == 2
    assert "shapelab train: error: the following arguments are required: --out" in english.stderr
    assert english.stderr.startswith("usage: shapelab train")


def test_the_engines_messages_in_korean_and_unchanged_in_english(tmp_path):
    data = tmp_path / "bad.ndjson"
    data.write_text('{"word": "square", "drawing": [[[0, 1], [0]]]}\n{"word": "x"}\n', encoding="utf-8")
    model = tmp_path / "bad.npz"
    model.write_bytes(b"PK\x03\x04junk")
    korean = run_cli("evaluate", str(model), str(data), lang="ko_KR.UTF-8")
    assert korean.returncode == 1
    assert f"shapelab: 오류: {model}: 손상되었거나 잘렸습니다 (File is not a zip file)" in korean.stderr
    english = run_cli("evaluate", str(model), str(data), lang="C.UTF-8")
    assert english.returncode == 1
    assert f"shapelab: error: {model}: is damaged or truncated (File is not a zip file)" in english.stderr
    korean = run_cli("train", str(data), "--out", str(tmp_path / "m.npz"), lang="ko_KR.UTF-8")
    assert korean.returncode == 1
    assert f"{data}:1: 그림이 아닙니다: 획 0의 목록들은 길이가 서로 다릅니다" in korean.stderr
    assert f'{data}:2: 그림이 아닙니다: "drawing"(획)이 없습니다' in korean.stderr
    english = run_cli("train", str(data), "--out", str(tmp_path / "m.npz"), lang="C.UTF-8")
    assert english.returncode == 1
    assert f"{data}:1: not a drawing: stroke 0 has lists of different lengths; skipped" in english.stderr
    assert f'{data}:2: not a drawing: missing "drawing" (the strokes); skipped' in english.stderr


def test_korean_help_fits_the_terminal_in_columns():
    """Hangul takes two terminal columns a letter: the help is wrapped by columns, not letters."""
    from gui.cli_argparse import display_width, wrap_to_columns

    assert display_width("학습 rate") == 9
    assert wrap_to_columns("가나 다라 마바", 5) == ["가나", "다라", "마바"]
    assert wrap_to_columns("가나 다라 마바", 11) == ["가나 다라", "마바"]
    env = {"COLUMNS": "80"}
    for args in (["train", "--help"], ["--help"], ["evaluate", "--help"]):
        result = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, **env, "LANG": "ko_KR.UTF-8", "LANGUAGE": "", "LC_ALL": "",
                                     "LC_MESSAGES": ""}, check=True)
        widest = max(display_width(line) for line in result.stdout.splitlines())
        assert widest <= 80, (args, widest)
        assert "기본값" in result.stdout or "위치 인자" in result.stdout
