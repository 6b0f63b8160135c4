"""Scores of a text far longer than any article, computed on its beginning.

The article scores hold the body's words and sentences in memory at once (a 16 MB file: 2.8 million
words, twice over, 300 MB). A news article is a few thousand words; past SCORED_CHARACTERS the
scores are those of the text's first SCORED_CHARACTERS (cut at a line break) and the findings that
lie within them, with a note saying so. The findings themselves cover the whole text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..config import Config
from ..document import Document
from ..finding import Finding
from . import score_document
from .model import Scores

SCORED_CHARACTERS = 1_000_000


def score_bounded(
    doc: Document,
    findings: Sequence[Finding],
    config: Config,
    evidence: Sequence[Finding] | None = None,
    outputs: Mapping[str, Any] | None = None,
) -> Scores:
    """score_document, on the first SCORED_CHARACTERS of a longer text (not when a comparison with a
    companion text was made: its alignment covers the whole article)."""
    if outputs or len(doc.text) <= SCORED_CHARACTERS:
        return score_document(doc, findings, config, evidence, outputs)
    cut = doc.text.rfind("\n", 0, SCORED_CHARACTERS) + 1 or SCORED_CHARACTERS
    sample = Document.from_text(doc.text[:cut], path=doc.path, markup=doc.markup)
    sample = sample.with_furniture(frozenset(line for line in doc.furniture if line < len(sample.line_starts)))

    def within(found: Sequence[Finding]) -> list[Finding]:
        return [f for f in found if f.end <= cut]

    scores = score_document(sample, within(findings), config, within(evidence) if evidence is not None else None)
    note = f"Scores from the first {cut:,} characters of {len(doc.text):,} (a text this long is not one article)."
    return replace(scores, notes=scores.notes + (note,))


__all__ = ["SCORED_CHARACTERS", "score_bounded"]
