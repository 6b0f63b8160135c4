"""Cheap article statistics shared by the scores: body words, sentence shape, function-word profile
and the density of translation-tell findings. Pure Python, no heavy imports."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from ..document import Document
from ..finding import TELL_CATEGORIES, Finding
from ..text.words import ENGLISH_FUNCTION_WORDS, WORD, english_share  # noqa: F401  (re-exported)
from .quality import PUNCTUATION_CATEGORIES

# Severity weights of tell findings in the MT-likelihood evidence (neutral findings are weak hints).
TELL_WEIGHTS = {"neutral": 0.25, "minor": 1.0, "major": 3.0, "critical": 5.0}

_CONTRACTION = re.compile(r"[A-Za-z](?:n['’]t|['’](?:re|ve|ll|d|m))\b", re.IGNORECASE)
_PROFILE = {
    "the": {"the"},
    "a": {"a", "an"},
    "of": {"of"},
    "that": {"that"},
    "which": {"which"},
    "also": {"also"},
    "this": {"this", "these"},
    "it": {"it", "its"},
    "said": {"said", "says", "say", "told"},
    "personal": {"i", "we", "you", "me", "us", "my", "our", "your"},
    "he_she": {"he", "she", "his", "her", "him"},
    "in_on_at": {"in", "on", "at"},
    "by": {"by"},
    "as": {"as"},
    "will": {"will", "would"},
    "but": {"but"},
}


def body_words(doc: Document) -> list[str]:
    """The word tokens of the body (boilerplate, headline, byline and captions left out)."""
    return WORD.findall(doc.body_text())


def body_sentence_lengths(doc: Document) -> list[int]:
    """Word counts of the sentences of the body zone."""
    lengths = []
    for start, end in doc.sentences:
        if doc.zone_at(start) != "body":
            continue
        count = len(WORD.findall(doc.text, start, end))
        if count:
            lengths.append(count)
    return lengths


HOUSE_STYLE_PREFIX = "HOUSE-"


def is_tell(finding: Finding) -> bool:
    """Evidence of translation: a tell category, not a house-style choice, not a reference comparison."""
    return (
        finding.category in TELL_CATEGORIES
        and not finding.rule.startswith(HOUSE_STYLE_PREFIX)
        and finding.extra.get("source") != "reference"
    )


def weighted_tells(findings: Iterable[Finding]) -> float:
    """Severity-weighted count of translation-tell findings (no boilerplate, readability, house style)."""
    return sum(TELL_WEIGHTS[f.severity] for f in findings if is_tell(f))


def distinct_tells(findings: Iterable[Finding], punctuation: bool | None = None) -> float:
    """Severity-weighted count of the distinct tell rules that fired (each rule counted once, at its
    worst severity): one systematic habit, such as a house quotation style, counts once.
    `punctuation`: True, only spacing and quotation-mark findings; False, only the others."""
    worst: dict[str, float] = {}
    for finding in findings:
        if is_tell(finding) and (punctuation is None or (finding.category in PUNCTUATION_CATEGORIES) == punctuation):
            worst[finding.rule] = max(worst.get(finding.rule, 0.0), TELL_WEIGHTS[finding.severity])
    return sum(worst.values())


def article_features(
    doc: Document,
    findings: list[Finding],
    *,
    words: list[str] | None = None,
    lengths: list[int] | None = None,
) -> dict[str, float]:
    """Every candidate feature of the MT-likelihood model (the model uses the ones it was fit on).
    `words` and `lengths`: the body's WORD tokens and `body_sentence_lengths`, when the caller has them."""
    text = doc.body_text()
    if words is None:
        words = WORD.findall(text)
    n_words = max(len(words), 1)
    lowered = Counter(map(str.lower, words))
    if lengths is None:
        lengths = body_sentence_lengths(doc)
    lengths = lengths or [len(words)]
    mean_length = sum(lengths) / len(lengths)
    variance = sum((n - mean_length) ** 2 for n in lengths) / len(lengths)
    features: dict[str, float] = {
        "tells_per_1000": math.log1p(1000 * weighted_tells(findings) / n_words),
        "distinct_tells_per_1000": math.log1p(1000 * distinct_tells(findings) / n_words),
        # Word-level tells and punctuation artefacts apart: a web CMS mixes quotation-mark styles too.
        "lexical_tells_per_1000": math.log1p(1000 * distinct_tells(findings, punctuation=False) / n_words),
        "punctuation_tells_per_1000": math.log1p(1000 * distinct_tells(findings, punctuation=True) / n_words),
        "tell_rules": math.log1p(len({f.rule for f in findings if is_tell(f)})),
        "sentence_mean": mean_length,
        "sentence_cv": math.sqrt(variance) / mean_length if mean_length else 0.0,
        "long_sentence_share": sum(1 for n in lengths if n > 35) / len(lengths),
        "commas_per_sentence": text.count(",") / len(lengths),
        "contractions": 100 * len(_CONTRACTION.findall(text)) / n_words,
        "digits": 100 * sum(1 for w in words if w[0].isdigit()) / n_words,
        "quote_marks": 100 * sum(text.count(q) for q in "\"“”") / n_words,
        "capitalised": 100 * sum(1 for w in words if w[0].isupper()) / n_words,
        "word_length": sum(map(len, words)) / n_words,
        "log_words": math.log(n_words),
    }
    for name, members in _PROFILE.items():
        features["fw_" + name] = 100 * sum(lowered[m] for m in members) / n_words
    return features


__all__ = ["WORD", "article_features", "body_words", "body_sentence_lengths", "english_share", "weighted_tells"]
