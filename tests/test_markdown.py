"""Markdown awareness: code, link targets and front matter are not prose; positions stay those of the file."""

from __future__ import annotations

from audit.runner import audit_text

from .desk import desk_config

MARKDOWN = """---
title: talks in kyiv
tags: [kyiv, nato]
---

# Talks in Kyiv

The minister arrived in kyiv on Friday, see [the report](https://example.com/kyiv-nato-talks) and `kyiv nato`.

```
kyiv kyiv nato
```

    kyiv nato indented code

[ref]: https://example.com/kyiv/high -level

Later he went to kyiv\r
again.
"""


def test_only_prose_is_linted_and_positions_point_into_the_file():
    report = audit_text(MARKDOWN, desk_config(), path="story.md")
    found = [(f.line, f.column, f.text) for f in report.findings if f.category == "casing"]
    assert found == [(8, 25, "kyiv"), (18, 18, "kyiv")]
    original_lines = MARKDOWN.replace("\r\n", "\n").split("\n")
    for line, column, text in found:
        assert original_lines[line - 1][column - 1 : column - 1 + len(text)] == text


def test_the_same_text_as_plain_text_is_linted_everywhere():
    report = audit_text(MARKDOWN, desk_config(), path="story.txt")
    lines = {f.line for f in report.findings if f.category == "casing"}
    assert {2, 11} <= lines


def test_link_text_is_still_prose():
    text = "Headline\n\nRead [the talks in kyiv](https://example.com/a) today.\n"
    report = audit_text(text, desk_config(), path="a.md")
    assert [f.text for f in report.findings if f.category == "casing"] == ["kyiv"]


def test_toml_front_matter_is_not_prose():
    text = '+++\ntitle = "talks in kyiv"\n+++\n\n# Talks\n\nIn kyiv today.\n'
    report = audit_text(text, desk_config(), path="story.md")
    assert [(f.line, f.text) for f in report.findings] == [(7, "kyiv")]
