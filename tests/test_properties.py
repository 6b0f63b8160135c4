"""Property-based tests: on arbitrary text, linting never raises, every finding's position lies inside
the file and its `text` is the file's characters there, and --fix leaves nothing it claims to fix."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from audit.config import Config
from audit.engine import RuleSet
from audit.fixing import chosen_fixes, fix_text
from audit.runner import audit_document_text

CONFIG = Config(scores=False)
RULES = RuleSet.load(CONFIG)
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Pieces that make rules fire (and fixes apply), mixed with arbitrary text: line endings of every
# kind, tabs, no-break spaces, curly and guillemet quotes, Cyrillic, emoji and combining marks.
PIECES = [
    "Kiev", "kyiv", "the the", "Watch watch", " ,", " .", "high -level", "“", "”", "«", "»", '"', "'",
    "’", "\r\n", "\r", "\n", "\n\n", "\t", "\u00a0", "Кremlin", "Київ", "😀", "e\u0301", "...", "…",
    "https://kiev.example.com/a", "said.", "Mr. Smith", "  ", "nato", "In the framework of", "Leave a Reply",
    "# Heading", "`code`", "<!-- note -->", "Photo: AP", "By Jane Doe", "KYIV, Ukraine (AP) — ",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff"), max_size=12),
    ),
    max_size=40,
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _span_text(lines: list[str], finding) -> str:
    """The characters of the original file between a finding's (line, column) and (end_line, end_column)."""
    first, last = finding.line - 1, finding.end_line - 1
    assert 0 <= first <= last < len(lines), (finding, len(lines))
    assert 0 <= finding.column - 1 <= len(lines[first])
    assert 0 <= finding.end_column - 1 <= len(lines[last])
    if first == last:
        assert finding.column <= finding.end_column
        return lines[first][finding.column - 1 : finding.end_column - 1]
    middle = lines[first + 1 : last]
    return "\n".join([lines[first][finding.column - 1 :], *middle, lines[last][: finding.end_column - 1]])


@SETTINGS
@given(text=TEXT, markdown=st.booleans())
@example(text="Headline\n\nHe said »yes\" and left.", markdown=False)  # a closing mark that opens (KeyError)
def test_findings_point_at_their_text_in_the_original_file(text: str, markdown: bool):
    report = audit_document_text(text, "story.md" if markdown else "story.txt", CONFIG, RULES)
    lines = LINE_BREAK.split(text)
    for finding in report.findings:
        assert finding.text, finding
        assert _span_text(lines, finding) == finding.text, finding


@SETTINGS
@given(text=TEXT)
def test_fix_leaves_nothing_it_claims_to_fix(text: str):
    outcome, _linted = fix_text(text, "story.txt", CONFIG, RULES)
    again = audit_document_text(outcome.fixed, "story.txt", CONFIG, RULES)
    # what --fix fixes is every safe fix; after it, a lint finds none (and a second --fix changes nothing)
    assert not chosen_fixes(again.findings), [(f.rule, f.text, f.fix) for f in chosen_fixes(again.findings)]
    assert fix_text(outcome.fixed, "story.txt", CONFIG, RULES)[0].fixed == outcome.fixed
