"""The comparison with a reference translation (English against English), a producer: align the
sentences of the article and the reference (monotonic dynamic programming on character-trigram
similarity), and yield a hit, placed in the article, for each number, name, quotation or passage of
the reference that is missing or changed there (rules FID-*, rules/fidelity.toml). The alignment is
left in `context.outputs["reference"]` for the fidelity scores (audit/scoring/fidelity.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..document import Document
from ..hits import Hit, ProducerContext, register_companion

Span = tuple[int, int]

SKIP_COST = 0.7  # leaving a sentence unaligned costs this much; pairing costs 1 - similarity
MERGE_COST = 0.05  # extra cost of a 2-1 or 1-2 merge over a 1-1 pair
MERGE_CONTAINMENT = 0.5  # each sentence of a merge must have this share of its trigrams on the other side
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


def _hit(rule: str, message: str, span: Span, **extra: Any) -> Hit:
    return Hit(rule, span[0], span[1], message=message, extra={"source": "reference", **extra})


def reference_hits(doc: Document, ref: Document, segments: list[Segment]) -> list[Hit]:
    """Omitted passages, numbers that are missing or changed, omitted names, omitted or altered quotes."""
    findings: list[Hit] = []
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
                joined = previous.extra["reference"] + " " + reference_text  # one gap, one finding
                findings[-1] = replace(previous, extra={**previous.extra, "reference": joined})
            elif len(reference_text.split()) >= MIN_OMITTED_WORDS:
                findings.append(_hit(
                    "FID-OMITTED-PASSAGE",
                    "A reference sentence has no counterpart in the article near here: "
                    f"“{_shorten(reference_text)}”.", anchor, reference=reference_text))
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
                findings.append(_hit(
                    "FID-NUMBER-MISMATCH",
                    f"The number {wrong} here is {value} in the reference.",
                    (segment_start + s, segment_start + e), reference=value))
            elif value not in article_numbers:
                findings.append(_hit(
                    "FID-OMITTED-NUMBER",
                    f"The reference gives the number {value} here; the article does not.", anchor,
                    reference=value))
        # Names of the reference sentence: omitted when none of their words is in the aligned article text.
        segment_simple = _simple(doc.text[segment_start:segment_end])
        for name in dict.fromkeys(names(reference_text)):
            words = [w for w in _simple(name).split() if len(w) > 2]
            if words and not any(w in segment_simple.split() for w in words) and _simple(name) not in article_simple:
                findings.append(_hit(
                    "FID-OMITTED-NAME",
                    f"The reference names “{name}” here; the article does not.", anchor, reference=name))
    findings.extend(_quote_findings(doc, ref, segments))
    return findings


def _quote_findings(doc: Document, ref: Document, segments: list[Segment]) -> list[Hit]:
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
            findings.append(_hit(
                "FID-ALTERED-QUOTE",
                f"This quotation differs from the reference: “{_quote_text(ref, q_start, q_end)}”.",
                (best[0], best[1]), reference=ref.text[q_start:q_end]))
        elif quote not in _simple(doc.text):
            segment = next((i for i, s in enumerate(segments) if any(a <= q_start < b for a, b in s.reference)), None)
            anchor = _anchor(segments, segment, doc) if segment is not None else (0, 1)
            findings.append(_hit(
                "FID-OMITTED-QUOTE",
                f"The reference quotes “{_quote_text(ref, q_start, q_end)}” here; the article does not.",
                anchor, reference=ref.text[q_start:q_end]))
    return findings


def _quote_text(ref: Document, start: int, end: int) -> str:
    return _shorten(ref.text[start:end].strip("\"“”«»„"))


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Alignment:
    """The comparison's by-product for the scores: both documents and their aligned segments."""

    article: Document
    reference: Document
    segments: list[Segment]

    def anchor(self, index: int) -> Span:
        return _anchor(self.segments, index, self.article)


class ReferenceComparison:
    """The producer for a reference translation (companion text `reference`)."""

    name = "reference"

    def __init__(self, reference_text: str) -> None:
        self.reference_text = reference_text

    def produce(self, doc: Document, context: ProducerContext) -> Iterator[Hit]:
        ref = context.read(self.reference_text, "<reference>")
        segments = aligned_segments(doc, ref)
        context.outputs[self.name] = Alignment(doc, ref, segments)
        yield from reference_hits(doc, ref, segments)


register_companion("reference", ReferenceComparison)


__all__ = ["Alignment", "ReferenceComparison", "align", "aligned_segments", "names", "numbers", "reference_hits"]
