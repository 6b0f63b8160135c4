"""Fidelity against a reference: align the sentences of the article and the reference, score the
aligned segments with sacrebleu (BLEU, chrF2, chrF++, TER, document level, with signatures; per
segment sentence BLEU and chrF), and turn reference numbers, names and quotations that are missing
or changed in the article into `mistranslation` findings placed in the article.

sacrebleu is imported inside the functions that use it: a lint without a reference never loads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..document import Document
from ..finding import Finding

Span = tuple[int, int]

SKIP_COST = 0.7  # leaving a sentence unaligned costs this much; pairing costs 1 - similarity
MERGE_COST = 0.05  # extra cost of a 2-1 or 1-2 merge over a 1-1 pair
MERGE_CONTAINMENT = 0.5  # each sentence of a merge must have this share of its trigrams on the other side
WEAKEST = 3  # segments listed as the weakest passages
MIN_OMITTED_WORDS = 5  # a shorter unaligned reference sentence is not reported as an omission

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'-]+)+")
_NAME_STOPWORDS = frozenset(
    "The A An In On At But And Or If As When While After Before This That These Those It He She They We I "
    "Mr Mrs Ms Dr President Prime Minister Foreign Secretary General Chancellor Sen Rep Gov Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December".split()
)
_SIMPLIFY = re.compile(r"[\W_]+")


@dataclass
class Segment:
    """Aligned article sentences (spans in the article) and reference sentences (texts)."""

    article: list[Span]
    reference: list[Span]

    def hypothesis(self, doc: Document) -> str:
        return " ".join(" ".join(doc.text[s:e].split()) for s, e in self.article)

    def reference_text(self, ref: Document) -> str:
        return " ".join(" ".join(ref.text[s:e].split()) for s, e in self.reference)


def content_sentences(doc: Document, skip_boilerplate: bool = True) -> list[Span]:
    """The sentences to align: every sentence, minus page furniture."""
    return [
        (s, e)
        for s, e in doc.sentences
        if not (skip_boilerplate and doc.zone_at(s) in ("boilerplate", "blank")) and doc.text[s:e].strip()
    ]


def mark_furniture(doc: Document) -> None:
    """Run the built-in boilerplate rules so that page furniture leaves the text to align."""
    from ..engine import RuleSet, audit_document

    config = Config(select=("boilerplate",), scores=False)
    audit_document(doc, RuleSet.load(config), config)


def _trigrams(text: str) -> frozenset[str]:
    simple = " " + _SIMPLIFY.sub(" ", text.lower()).strip() + " "
    return frozenset(simple[i : i + 3] for i in range(len(simple) - 2))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _containment(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 1.0


def _pair_cost(left: list[frozenset[str]], right: list[frozenset[str]]) -> float:
    """1 - similarity of two sentence groups; a merge is refused unless every merged sentence is
    mostly found on the other side (a split sentence, not a neighbour that was dropped)."""
    joined_left, joined_right = frozenset().union(*left), frozenset().union(*right)
    for parts, other in ((left, joined_right), (right, joined_left)):
        if len(parts) > 1 and min(_containment(p, other) for p in parts) < MERGE_CONTAINMENT:
            return float("inf")
    return 1 - _similarity(joined_left, joined_right)


def align(article: list[str], reference: list[str]) -> list[tuple[list[int], list[int]]]:
    """Monotonic alignment of two sentence lists by dynamic programming over 1-1, 1-2, 2-1, 1-0 and
    0-1 steps; the cost of a pair is 1 minus the character-trigram Dice similarity."""
    grams_a = [_trigrams(s) for s in article]
    grams_r = [_trigrams(s) for s in reference]
    n, m = len(article), len(reference)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    steps = ((1, 1, 0.0), (1, 2, MERGE_COST), (2, 1, MERGE_COST), (1, 0, None), (0, 1, None))
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj, extra in steps:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if extra is None:
                    step = SKIP_COST
                else:
                    left = [grams_a[i]] if di == 1 else [grams_a[i], grams_a[i + 1]]
                    right = [grams_r[j]] if dj == 1 else [grams_r[j], grams_r[j + 1]]
                    step = _pair_cost(left, right) + extra
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (di, dj)
    pairs: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        pairs.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def aligned_segments(doc: Document, ref: Document) -> list[Segment]:
    article = content_sentences(doc)
    reference = content_sentences(ref)
    pairs = align([doc.text[s:e] for s, e in article], [ref.text[s:e] for s, e in reference])
    return [Segment([article[i] for i in a], [reference[j] for j in r]) for a, r in pairs]


def metrics():
    """The document-level metrics, configured as sacrebleu's command line does by default."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"bleu": BLEU(), "chrf2": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER()}


def corpus_scores(hypotheses: list[str], references: list[str]) -> tuple[dict[str, float], dict[str, str]]:
    """BLEU, chrF2, chrF++ and TER over aligned segments, and each metric's signature."""
    scores, signatures = {}, {}
    for name, metric in metrics().items():
        scores[name] = metric.corpus_score(hypotheses, [references]).score
        signatures[name] = str(metric.get_signature())
    return scores, signatures


def segment_scores(hypothesis: str, reference: str) -> dict[str, float]:
    from sacrebleu.metrics import BLEU, CHRF

    if not hypothesis.strip() or not reference.strip():
        return {"bleu": 0.0, "chrf": 0.0}
    return {
        "bleu": BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score,
        "chrf": CHRF().sentence_score(hypothesis, [reference]).score,
    }


def compare_texts(doc: Document, reference: str, config: Config) -> tuple[dict[str, Any], list[Finding]]:
    """Fidelity scores of the article against the reference text, and the findings of the comparison."""
    ref = Document.from_text(reference, path="<reference>")
    mark_furniture(ref)
    segments = aligned_segments(doc, ref)
    hypotheses = [s.hypothesis(doc) for s in segments]
    references = [s.reference_text(ref) for s in segments]
    scores, signatures = corpus_scores(hypotheses, references) if segments else ({}, {})
    per_segment = []
    for index, (hypothesis, reference_text) in enumerate(zip(hypotheses, references, strict=True)):
        values = segment_scores(hypothesis, reference_text)
        anchor = _anchor(segments, index, doc)
        per_segment.append(
            {
                "line": doc.position(anchor[0])[0],
                "article": hypothesis,
                "reference": reference_text,
                "bleu": round(values["bleu"], 2),
                "chrf": round(values["chrf"], 2),
            }
        )
    paired = [s for s in per_segment if s["article"] and s["reference"]]
    weakest = sorted(paired, key=lambda s: (s["chrf"], s["line"]))[:WEAKEST]
    fidelity: dict[str, Any] = {
        "estimated": False,
        "segments": len(segments),
        "article_only": sum(1 for s in segments if not s.reference),
        "reference_only": sum(1 for s in segments if not s.article),
        **{name: round(value, 4) for name, value in scores.items()},
        "signatures": signatures,
        "weakest": weakest,
        "per_segment": per_segment,
    }
    findings = [f for f in reference_findings(doc, ref, segments) if config.selects(f.rule, f.category)]
    for finding in findings:
        finding.severity = config.severity_for(finding.rule, finding.category, finding.severity)
        finding.line, finding.column = doc.position(finding.start)
        finding.end_line, finding.end_column = doc.position(finding.end)
        finding.zone = doc.zone_at(finding.start)
        finding.in_quote = doc.quote_at(finding.start, finding.end)
    return fidelity, findings


def _anchor(segments: list[Segment], index: int, doc: Document) -> Span:
    """Where a segment sits in the article: its own sentences, else the nearest aligned ones."""
    segment = segments[index]
    if segment.article:
        return segment.article[0][0], segment.article[-1][1]
    for offset in range(1, len(segments)):
        for neighbour in (index - offset, index + offset):
            if 0 <= neighbour < len(segments) and segments[neighbour].article:
                spans = segments[neighbour].article
                return spans[0][0], spans[-1][1]
    return 0, len(doc.text.rstrip()) or 1


# ------------------------------------------------------------------------------------ findings
def numbers(text: str) -> list[tuple[str, int, int]]:
    """(normalised value, start, end) of the numbers of a text; "1,000" is 1000, "seven" is 7; the
    pronoun "one" ("no one", "one of them", "one must") is not a number."""
    found = [(m.group().replace(",", ""), m.start(), m.end()) for m in _NUMBER.finditer(text)]
    found += [
        (_NUMBER_WORDS[m.group().lower()], m.start(), m.end())
        for m in _NUMBER_WORD.finditer(text)
        if m.group().lower() != "one" or _counts_one(text, m.start(), m.end())
    ]
    return sorted(found, key=lambda item: item[1])


# "one" is a pronoun after these words (no one, the one, this one, every one) ...
_ONE_PRONOUN_BEFORE = frozenset("no any some every each the this that which another last other".split())
# ... and before these (one of them, one another, one who, one must, one's)
_ONE_PRONOUN_AFTER = frozenset(
    "of another who that which whom whose must should can could may might would will shall does did is was has "
    "had knows thinks says said and or but".split()
)
_WORD_BEFORE = re.compile(r"([\w-]+)\W*$")
_WORD_AFTER = re.compile(r"^(?:['’]s\b|\W*([\w]+))")


def _counts_one(text: str, start: int, end: int) -> bool:
    """Is this "one" the number (one person, one of three is not) rather than a pronoun?"""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() in _ONE_PRONOUN_BEFORE:
        return False
    after = _WORD_AFTER.match(text[end : end + 30])
    if after is None or after.group(1) is None:
        return False  # "one's", or "one" at the end of a clause
    return after.group(1).lower() not in _ONE_PRONOUN_AFTER


def names(text: str) -> list[str]:
    """Capitalised multiword names, leading function words and titles trimmed."""
    out = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        while words and words[0] in _NAME_STOPWORDS:
            words.pop(0)
        if len(words) >= 2 or (len(words) == 1 and len(match.group().split()) >= 2 and len(words[0]) > 3):
            out.append(" ".join(words))
    return out


def _simple(text: str) -> str:
    return " ".join(_SIMPLIFY.sub(" ", text.lower()).split())


def _finding(rule: str, severity: str, message: str, doc: Document, span: Span, **extra: Any) -> Finding:
    start, end = span
    return Finding(
        rule=rule,
        category="mistranslation",
        severity=severity,
        message=message,
        start=start,
        end=end,
        text=doc.text[start:end],
        extra={"source": "reference", **extra},
    )


def reference_findings(doc: Document, ref: Document, segments: list[Segment]) -> list[Finding]:
    """Omitted passages, numbers that are missing or changed, omitted names, omitted or altered quotes."""
    findings: list[Finding] = []
    article_simple = _simple(doc.text)
    article_numbers = {value for value, _s, _e in numbers(doc.text)}
    for index, segment in enumerate(segments):
        anchor = _anchor(segments, index, doc)
        reference_text = segment.reference_text(ref)
        if not segment.reference:
            continue
        if not segment.article:
            previous = findings[-1] if findings else None
            if previous and previous.rule == "FID-OMITTED-PASSAGE" and (previous.start, previous.end) == anchor:
                previous.extra["reference"] += " " + reference_text  # one gap, one finding
            elif len(reference_text.split()) >= MIN_OMITTED_WORDS:
                findings.append(_finding(
                    "FID-OMITTED-PASSAGE", "major",
                    "A reference sentence has no counterpart in the article near here: "
                    f"“{_shorten(reference_text)}”.", doc, anchor, reference=reference_text))
            continue
        # Numbers of the reference sentence, against the aligned article sentences.
        segment_start, segment_end = anchor
        ref_numbers = [value for value, _s, _e in numbers(reference_text)]
        here = numbers(doc.text[segment_start:segment_end])
        here_values = {value for value, _s, _e in here}
        ref_values = set(ref_numbers)
        missing = [value for value in dict.fromkeys(ref_numbers) if value not in here_values]
        extra = [(value, s, e) for value, s, e in here if value not in ref_values]
        for value in missing:
            if extra:
                wrong, s, e = extra.pop(0)
                findings.append(_finding(
                    "FID-NUMBER-MISMATCH", "major",
                    f"The number {wrong} here is {value} in the reference.", doc,
                    (segment_start + s, segment_start + e), reference=value))
            elif value not in article_numbers:
                findings.append(_finding(
                    "FID-OMITTED-NUMBER", "major",
                    f"The reference gives the number {value} here; the article does not.", doc, anchor,
                    reference=value))
        # Names of the reference sentence: omitted when none of their words is in the aligned article text.
        segment_simple = _simple(doc.text[segment_start:segment_end])
        for name in dict.fromkeys(names(reference_text)):
            words = [w for w in _simple(name).split() if len(w) > 2]
            if words and not any(w in segment_simple.split() for w in words) and _simple(name) not in article_simple:
                findings.append(_finding(
                    "FID-OMITTED-NAME", "minor",
                    f"The reference names “{name}” here; the article does not.", doc, anchor, reference=name))
    findings.extend(_quote_findings(doc, ref, segments))
    return findings


def _quote_findings(doc: Document, ref: Document, segments: list[Segment]) -> list[Finding]:
    findings = []
    article_quotes = [(s, e, _simple(doc.text[s:e])) for s, e in doc.quotes]
    for q_start, q_end in ref.quotes:
        quote = _simple(ref.text[q_start:q_end])
        if len(quote.split()) < 3:
            continue
        grams = _trigrams(quote)
        best = max(article_quotes, key=lambda q: _similarity(grams, _trigrams(q[2])), default=None)
        similarity = _similarity(grams, _trigrams(best[2])) if best else 0.0
        if best and best[2] == quote:
            continue
        if best and similarity >= 0.5:
            if quote in best[2]:
                continue  # the article quotes more of the same words
            findings.append(_finding(
                "FID-ALTERED-QUOTE", "major",
                f"This quotation differs from the reference: “{_quote_text(ref, q_start, q_end)}”.",
                doc, (best[0], best[1]), reference=ref.text[q_start:q_end]))
        elif quote not in _simple(doc.text):
            segment = next((i for i, s in enumerate(segments) if any(a <= q_start < b for a, b in s.reference)), None)
            anchor = _anchor(segments, segment, doc) if segment is not None else (0, 1)
            findings.append(_finding(
                "FID-OMITTED-QUOTE", "major",
                f"The reference quotes “{_quote_text(ref, q_start, q_end)}” here; the article does not.",
                doc, anchor, reference=ref.text[q_start:q_end]))
    return findings


def _quote_text(ref: Document, start: int, end: int) -> str:
    return _shorten(ref.text[start:end].strip("\"“”«»„"))


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["align", "aligned_segments", "compare_texts", "corpus_scores", "numbers", "names", "segment_scores"]
