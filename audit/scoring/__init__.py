"""Article scores: MQM-style quality, MT likelihood and verdict, fidelity (against a reference, or
estimated from the findings), language, and readability.

The cheap scores (quality, MT likelihood, verdict, estimated fidelity, language by pre-check) need
no heavy import and are computed on every lint; readability (textstat) and langdetect on the whole
article (when the pre-check is not conclusive) run only with ``Config.full_scores`` (``lint --scores``,
``mtaudit score``); sacrebleu is imported only when there is a reference.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..document import Document
from .features import WORD, article_features, body_sentence_lengths
from .language import article_language
from .likelihood import MIN_WORDS, contributions, mt_likelihood, verdict
from .quality import estimated_fidelity, mqm

FOREIGN_PARAGRAPH_RULE = "LANG-FOREIGN-PARAGRAPH"
MIXED_SCRIPT_RULE = "LANG-MIXED-SCRIPT"


def score_document(doc: Document, report: Any, config: Config, reference: str | None = None) -> None:
    """Fill ``report.scores`` and ``report.verdict``; with a reference, also add its
    `mistranslation` findings (omissions, number mismatches, altered quotes) to ``report.findings``."""
    full = getattr(config, "full_scores", False)
    body = doc.body_text()
    words = WORD.findall(body)
    notes: list[str] = []
    lengths = body_sentence_lengths(doc)
    scores: dict[str, Any] = {"words": len(words), "sentences": len(lengths)}

    foreign_paragraphs = sum(1 for f in report.findings if f.rule == FOREIGN_PARAGRAPH_RULE)
    language = article_language(body, full=full, foreign_paragraphs=foreign_paragraphs)
    language["foreign_paragraphs"] = foreign_paragraphs
    language["mixed_script_words"] = sum(1 for f in report.findings if f.rule == MIXED_SCRIPT_RULE)
    english = language["code"] in ("en", None)
    if not english:
        notes.append(
            f"The article reads as language '{language['code']}', not English: "
            "no English readability scores and no MT likelihood."
        )

    # The likelihood is computed from the rules' findings, before reference findings are added.
    features = article_features(doc, report.findings, words=words, lengths=lengths)
    if english:
        likelihood = round(mt_likelihood(features), 4)
        scores["mt_likelihood"] = likelihood
        scores["mt_evidence"] = contributions(features)
        report.verdict = verdict(likelihood)
        if len(words) < MIN_WORDS:
            notes.append(f"Only {len(words)} body words: the MT likelihood is unreliable.")
    else:
        scores["mt_likelihood"] = None
        report.verdict = "review"

    if reference is not None:
        from .fidelity import compare_texts

        fidelity, findings = compare_texts(doc, reference, config)
        report.findings = sorted(report.findings + findings, key=lambda f: f.sort_key())
        scores["fidelity"] = fidelity
    else:
        scores["fidelity"] = estimated_fidelity(report.findings, len(words))

    quality = mqm(report.findings, len(words))
    scores["quality"] = quality["quality"]
    scores["mqm"] = quality
    scores["language"] = language

    if full:
        if english:
            from .readability import readability

            scores["readability"] = readability(body)
        else:
            scores["readability"] = None
    if notes:
        scores["notes"] = notes
    report.scores = scores


__all__ = ["score_document"]
