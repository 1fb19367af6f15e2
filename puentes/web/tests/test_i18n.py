"""English and Spanish ship complete."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "puentes" / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_every_message_has_a_spanish_translation():
    catalog = polib.pofile(str(CATALOG))
    untranslated = [e.msgid for e in catalog if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []


def test_the_compiled_catalog_matches_the_source():
    # Keyed by context and message: one English word can need two Spanish ones.
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(CATALOG))}
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(CATALOG.with_suffix(".mo")))
    }
    assert {k: v for k, v in compiled.items() if k[1]} == source


def test_the_catalog_covers_every_string_in_the_code(tmp_path):
    """makemessages over a scratch copy of the code finds no message the catalog lacks."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "puentes",
        copy / "puentes",
        ignore=shutil.ignore_patterns("tests", "__pycache__", "static"),
    )
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-location", "-v", "0"],
        capture_output=True,
        text=True,
        cwd=copy,
        check=False,
        env={**os.environ, "PUENTES_VAR_DIR": str(tmp_path / "var")},
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "puentes" / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    shipped = {e.msgid for e in polib.pofile(str(CATALOG))}
    assert sorted({e.msgid for e in fresh} - shipped) == []
