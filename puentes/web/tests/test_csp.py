"""Every page carries a Content-Security-Policy allowing script and style only from Puentes
itself, and no template holds what that policy would block (inline script, handlers, style)."""

import re
from pathlib import Path

import pytest

TEMPLATES = sorted(Path(__file__).resolve().parents[2].glob("*/templates/**/*.html"))
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "a <style> element"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_template_holds_what_the_policy_blocks(template):
    text = template.read_text()
    found = [what for pattern, what in INLINE if pattern.search(text)]
    assert found == []


@pytest.mark.parametrize("path", ["/", "/sign-in/", "/people/", "/directory/", "/care/follow-ups/"])
def test_every_page_carries_the_policy(client_for, ana, path):
    response = client_for(ana).get(path, follow=True)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


def test_the_api_and_directory_answers_carry_it_too(client, db):
    assert "default-src 'self'" in client.get("/hsds/")["Content-Security-Policy"]
