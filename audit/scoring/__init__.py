"""Article scores, read from the engine's finished result (`engine.Linted`): MQM-style quality, MT
likelihood and verdict, fidelity (against the original in any language, or an English reference;
otherwise not measured), language,
and readability. Scoring never adds, drops or changes a finding.

The cheap scores (quality, MT likelihood, verdict, language by pre-check) need
no heavy import and are computed on every lint; readability (textstat's formulas) and langdetect on
the whole article (when the pre-check is not conclusive) run only with ``Config.full_scores``
(``lint --scores``, ``mtaudit score``); sacrebleu is imported only against a reference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..config import Config
from ..document import Document
from ..finding import Finding
from ..text.language import article_language
from .features import ArticleStats, BodyWords, article_stats
from .fidelity import COMPARISONS, measured_fidelity
from .model import Fidelity, Language, NotMeasured, Readability, Scores
from .quality import mqm
from .verdict import MIN_WORDS, judge, list_like

FOREIGN_PARAGRAPH_RULE = "LANG-FOREIGN-PARAGRAPH"
MIXED_SCRIPT_RULE = "LANG-MIXED-SCRIPT"
EVIDENCE_SHOWN = 12  # mt_evidence: the statistics that pushed the likelihood most, either way


def score_document(
    doc: Document,
    findings: Sequence[Finding],
    config: Config,
    evidence: Sequence[Finding] | None = None,
    outputs: Mapping[str, Any] | None = None,
) -> Scores:
    """The scores of a document as the pipeline read it (its page furniture out of the body), from
    its findings. `evidence`: what the MT likelihood reads (the matchers' findings and signals;
    default: the findings); `outputs`: the producers' by-products (the comparison with an original)."""
    full = config.full_scores
    body_words = BodyWords.of(doc)  # the body's words, found once for every score
    body = body_words.text
    words = body_words.words
    notes: list[str] = []
    lengths = body_words.sentence_lengths
    evidence = findings if evidence is None else evidence

    foreign_paragraphs = sum(1 for f in evidence if f.rule == FOREIGN_PARAGRAPH_RULE)
    guess = article_language(body, full=full, foreign_paragraphs=foreign_paragraphs, lowered_words=body_words.lowered)
    language = Language(
        code=guess.code,
        confidence=guess.confidence,
        method=guess.method,
        foreign_paragraphs=foreign_paragraphs,
        mixed_script_words=sum(1 for f in evidence if f.rule == MIXED_SCRIPT_RULE),
    )
    if not language.english:
        notes.append(
            f"The article reads as language '{language.code}', not English: "
            "no English readability scores and no MT likelihood."
        )

    likelihood: float | None = None
    percentile: float | None = None
    mt_evidence: dict[str, float] | None = None
    extra: dict[str, Any] = {}
    if language.english:
        # the evidence splits into findings (tells) and signals, which feed the score apart
        reported = {id(f) for f in findings}
        tells = [f for f in evidence if id(f) in reported]
        signals = [f for f in evidence if id(f) not in reported]
        if len(words) < MIN_WORDS:  # too short to judge: judge reads no other statistic
            stats = ArticleStats(words=len(words), tokens=0, sentences=0)
        else:
            stats = article_stats(doc, tells, signals=signals, body=body_words)
        judgement = judge(stats, tells, list_like(doc))
        judged = judgement.verdict
        reasons = judgement.reasons
        if judgement.likelihood is not None:
            likelihood = round(judgement.likelihood, 4)
            if judgement.native_percentile is not None:
                percentile = round(judgement.native_percentile, 2)
            strongest = judgement.pushes.strongest(EVIDENCE_SHOWN) if judgement.pushes is not None else []
            mt_evidence = {name: round(push, 3) for name, push in strongest}
            extra["machine_likelihood"] = round(judgement.machine, 4)
        extra["mt_supports"] = judgement.supports
    else:
        judged = "review"
        reasons = (f"the article reads as language '{language.code}', not English",)

    comparison = next((outputs[name] for name in COMPARISONS if outputs and name in outputs), None)
    fidelity: Fidelity = NotMeasured()
    if comparison is not None:
        fidelity = measured_fidelity(comparison, findings, len(words))

    readability = None
    if full and language.english:
        from .readability import readability as measure

        values = measure(body)
        readability = Readability(
            flesch_reading_ease=values.get("flesch_reading_ease"),
            flesch_kincaid_grade=values.get("flesch_kincaid_grade"),
            gunning_fog=values.get("gunning_fog"),
            smog=values.get("smog"),
            dale_chall=values.get("dale_chall"),
        )
    return Scores(
        words=len(words),
        sentences=len(lengths),
        mt_likelihood=likelihood,
        mt_evidence=mt_evidence,
        verdict=judged,
        fidelity=fidelity,
        mqm=mqm(findings, len(words)),
        language=language,
        full=full,
        readability=readability,
        notes=tuple(notes),
        verdict_reasons=reasons,
        mt_native_percentile=percentile,
        extra=extra,
    )


__all__ = ["Scores", "score_document"]
