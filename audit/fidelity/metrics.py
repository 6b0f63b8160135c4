"""The English-reference mode's metrics: sacrebleu BLEU, chrF2, chrF++ and TER over the aligned
segments (document level, with signatures, configured as sacrebleu's command line by default), and
sentence BLEU (effective order) and chrF per segment. sacrebleu is imported here only (its metrics'
per-segment statistics are read once: sacrebleu 2's `_extract_corpus_statistics` and
`_aggregate_and_compute`, which its own `corpus_score` and `sentence_score` call)."""

from __future__ import annotations

from typing import Any

WEAKEST = 3  # segments listed as the weakest passages
CHUNK = 256  # segments whose reference n-grams are held at once (chrF's of a 4,000-sentence article: 200 MB)


def reference_metrics(segments: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Scores of (translation text, reference text, translation line) segments. Each metric reads
    the segments once: its per-segment statistics give both the document score (their sum, as
    `corpus_score` does) and the sentence scores (BLEU with effective order, chrF), as
    `sentence_score` would compute them one by one."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    hypotheses = [s[0] for s in segments]
    references = [[s[1] for s in segments]]
    metrics = {"bleu": BLEU(), "chrf2": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER()}
    scores: dict[str, float] = {}
    signatures: dict[str, str] = {}
    statistics: dict[str, list] = {}
    for name, metric in metrics.items():
        if segments:
            statistics[name] = []
            for start in range(0, len(segments), CHUNK):  # the references' n-grams of one chunk at a time
                chunk = slice(start, start + CHUNK)
                statistics[name] += metric._extract_corpus_statistics(hypotheses[chunk], [references[0][chunk]])
            scores[name] = metric._aggregate_and_compute(statistics[name]).score
        signatures[name] = str(metric.get_signature())
    sentence_bleu = BLEU(effective_order=True)
    per_segment = []
    for index, (hypothesis, reference, line) in enumerate(segments):
        if hypothesis.strip() and reference.strip():
            bleu = sentence_bleu._aggregate_and_compute([statistics["bleu"][index]]).score
            chrf = metrics["chrf2"]._aggregate_and_compute([statistics["chrf2"][index]]).score
        else:
            bleu = chrf = 0.0
        per_segment.append({"line": line, "article": hypothesis, "reference": reference,
                            "bleu": round(bleu, 2), "chrf": round(chrf, 2)})
    paired = [s for s in per_segment if s["article"] and s["reference"]]
    return {
        **{name: round(value, 4) for name, value in scores.items()},
        "signatures": signatures,
        "weakest": sorted(paired, key=lambda s: (s["chrf"], s["line"]))[:WEAKEST],
        "per_segment": per_segment,
    }


__all__ = ["reference_metrics"]
