"""The document model: positions map back to the original file; paragraphs, sentences, zones, quotes."""

from __future__ import annotations

import pytest

from audit import audit_text
from audit.document import Document


def _finding(text: str, category: str):
    found = [f for f in audit_text(text).findings if f.category == category]
    assert found, f"no {category} finding"
    return found[0]


def _column_of(original: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of needle in original, lines split on CRLF, CR or LF."""
    import re

    lines = re.split(r"\r\n|\r|\n", original)
    for number, line in enumerate(lines, 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_survive_line_endings(newline):
    text = newline.join(["Headline here", "", "Mark Rutte was in kyiv on Friday.", "A high -level meeting."])
    finding = _finding(text, "casing")
    assert (finding.line, finding.column) == _column_of(text, "kyiv")
    assert (finding.end_line, finding.end_column) == (finding.line, finding.column + 4)
    assert finding.text == "kyiv"


def test_columns_count_characters_with_tabs_nbsp_and_wide_characters():
    text = "Headline\n\n\t“Ünïcödé”\u00a0—\u00a0Mark Rutte 🙂 was in kyiv."
    finding = _finding(text, "casing")
    line = text.split("\n")[2]
    assert finding.column == line.index("kyiv") + 1


def test_bom_is_not_a_column():
    finding = _finding("\ufeffRutte was in kyiv on Friday.", "casing")
    assert (finding.line, finding.column) == (1, 14)


def test_line_endings_and_bom_are_recorded():
    """The analysed text has one LF per line break; the original endings and BOM are kept for --fix
    (tests/test_fix.py writes them back)."""
    raw = "\ufeffa\r\nb\rc\nd"
    doc = Document.from_text(raw)
    assert doc.text == "a\nb\nc\nd"
    assert (doc.had_bom, doc.line_endings) == (True, ["\r\n", "\r", "\n"])


def test_paragraphs_and_sentences():
    doc = Document.from_text(
        "Title line\n\nMr. Smith arrived in the U.S. on Monday. He met officials.\n"
        "Second paragraph here! Another one?\n"
    )
    paragraphs = [doc.text[s:e] for s, e in doc.paragraphs]
    assert paragraphs[1] == "Mr. Smith arrived in the U.S. on Monday. He met officials."
    sentences = [doc.text[s:e] for s, e in doc.sentences]
    assert "Mr. Smith arrived in the U.S. on Monday." in sentences
    assert "He met officials." in sentences
    assert "Another one?" in sentences


def test_wrapped_lines_join_into_one_paragraph():
    doc = Document.from_text("The minister said on Friday that the talks, which began in\nmay, would continue.\n")
    assert len(doc.paragraphs) == 1


def test_zones():
    text = (
        "Russia says talks must include Moscow\n\nBy Jane Doe\n\n"
        "KYIV, Ukraine (AP) — Ukraine will hold intensive meetings, officials said.\n\n"
        "Photo: The minister (Reuters)\n\nLeave a Reply\n"
    )
    report = audit_text(text)
    doc = report.files[0].document
    assert doc.zones[0] == "headline"
    assert doc.zones[2] == "byline"
    assert doc.zones[4] == "body"
    assert doc.dateline is not None and doc.text[doc.dateline[0] : doc.dateline[1]].startswith("KYIV")
    assert Document.from_text(text).zones[6] == "caption"  # before the rules: a caption line
    assert doc.zones[6] == "boilerplate"  # a photo line is page furniture to the boilerplate rules
    assert doc.zones[8] == "boilerplate"
    assert "Leave a Reply" not in doc.body_text()
    assert "Ukraine will hold" in doc.body_text()


def test_quotations_are_known_spans():
    text = "Headline\n\n“We will not go to kyiv,” he said. Then he went to kyiv."
    findings = [f for f in audit_text(text).findings if f.category == "casing"]
    assert [f.in_quote for f in findings] == [True, False]


def test_urls_and_emails_are_not_linted():
    text = "Headline\n\nSee https://kyiv.example.com/kyiv and write to kyiv@example.org or www.kyiv.ua today."
    assert not [f for f in audit_text(text).findings if f.category == "casing"]
