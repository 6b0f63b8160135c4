"""The comparison of a translation with its original (any language) or with an English reference:
the producer of the FID-* hits and of the alignment the fidelity score is built on."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import Any

from ..text.dataclass_code import dataclass
from .align import VARIANCE, Aligner, Bead, Unit
from .checks import CHECKS, Context, RawHit, names_readable
from .detect import Detected, detect_language
from .languages import ENGLISH, language, language_name
from .readings import Reader
from .sides import Side, build_side, keep_shared_anchors, read_names, without_links
from .text import Span, main_script

READABLE = ("zh", "ja")  # originals whose names are found by reading them (audit/fidelity/readings.py)
_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_STOPWORDS = frozenset(
    "that this with from have were been will would said they their there which about into after also than "
    "them when what more some other over such only could should these those being while where most".split()
)


class ComparisonError(ValueError):
    """Input the comparison cannot work on; the message is one line."""


@dataclass
class Comparison:
    """What the comparison found: hits positioned in the translation, the alignment, and measures."""

    mode: str  # "original" (any language) or "reference" (an English reference translation)
    language: str | None  # the original's language code
    detection: Detected
    original: Side
    translation: Side
    beads: list[Bead]
    hits: list[RawHit]
    notes: list[str] = field(default_factory=list)
    measures: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] | None = None  # reference mode: sacrebleu scores

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def basis(self) -> str:
        """"the Ukrainian original", "the reference"."""
        if self.mode == "reference":
            return "the reference"
        return f"the {self.language_name} original" if self.language else "the original"

    def source_line(self, offset: int) -> int:
        return self.original.doc.position(offset)[0]

    def segments(self) -> list[tuple[str, str, int]]:
        """(translation text, original text, translation line) of every bead, in order; a bead with no
        translation takes the line of the translation sentence before it."""
        out = []
        line = 1
        for bead in self.beads:
            if bead.translation:
                line = self.translation.doc.position(self.translation.sentences[bead.translation[0]][0])[0]
            translation = " ".join(" ".join(self.translation.sentence_text(j).split()) for j in bead.translation)
            original = " ".join(" ".join(self.original.sentence_text(i).split()) for i in bead.original)
            out.append((translation, original, line))
        return out


def compare(
    translation: str,
    original: str,
    source_lang: str | None = None,
    *,
    translation_path: str = "<translation>",
    original_path: str = "<original>",
    metrics: bool = True,
    skip: Sequence[Span] = (),
    reference_furniture: Callable[[str], Sequence[Span]] | None = None,
) -> Comparison:
    """Compare a translation with its original (or, when the original is English, with a reference
    translation). Sentences of the translation inside `skip` take no part, nor, in a reference,
    those inside the spans `reference_furniture(text)` gives (page furniture is English).
    Raises ComparisonError for an original with no text or a malformed language code."""
    if not any(c.isalpha() for c in original):
        raise ComparisonError("the original has no text")
    if not any(c.isalpha() for c in translation):
        raise ComparisonError("the translation has no text")
    notes: list[str] = []
    if source_lang:
        code = source_lang.strip().lower()
        if not _CODE.match(code):
            raise ComparisonError(f"--source-lang {source_lang!r} is not a language code such as 'uk', 'de' or 'zh'")
        detection = Detected(code, "given")
    else:
        detection = detect_language(original)
        if detection.code is None:
            notes.append("The original's language could not be detected (too little text): give it with "
                          "--source-lang; numbers are not compared.")
    code = detection.code
    reference = code == "en"
    rules = ENGLISH if reference else language(code)
    # names of the translation are looked for only in a script the comparison reads (one note says which checks run)
    script = main_script(without_links(original[:20000]))
    unread = "" if names_readable(code, script, reference) else (
        f"names are compared only where the original writes them in Latin letters ({script.title()} script is "
        "not read)")
    if code and not reference and rules is None:
        notes.append(f"No number rules for {language_name(code)} ('{code}'): numbers are not compared; "
                     + (f"{unread}; quotations" if unread else "names, quotations")
                     + ", untranslated passages and links are.")
    elif unread:
        notes.append(unread[0].upper() + unread[1:] + ".")
    if original.strip() == translation.strip():
        notes.append("The translation and the original are the same text.")
    elif reference and not source_lang:
        notes.append("The original is in English: compared as a reference translation.")
    translation_side = build_side(translation, translation_path, "en", ENGLISH, english=True, skip=skip,
                                  words_exact=reference, dialogue=bool(rules is not None and rules.dialogue))
    original_skip = reference_furniture(original) if reference and reference_furniture is not None else ()
    original_side = build_side(original, original_path, code, rules, english=reference, skip=original_skip,
                               words_exact=reference)
    if rules is None:
        for side in (original_side,):
            side.numbers = [[] for _ in side.sentences]
    if reference:
        _add_word_anchors(original_side)
        _add_word_anchors(translation_side)
    reader = Reader(original_side.text, original_side.sentences, code) if code in READABLE else None
    if reader is not None:
        read_names(original_side, translation_side, reader)
    keep_shared_anchors(original_side, translation_side)
    prior = 1.0 if reference else (rules.length_ratio if rules is not None else None)
    variance = rules.length_variance if rules is not None and not reference else VARIANCE
    aligner = Aligner(original_side.units, translation_side.units, prior, variance)
    beads = aligner.align()
    script = main_script(without_links(original_side.text[:20000]))
    context = Context(original_side, translation_side, beads, reference, script, aligner.ratio, variance, aligner,
                      reader)
    hits: list[RawHit] = []
    for check in CHECKS:
        if check.__name__ == "number_hits" and rules is None:
            continue
        hits.extend(check(context))
    hits.sort(key=lambda h: (h.start, h.end, h.rule))
    comparison = Comparison(
        mode="reference" if reference else "original",
        language=code,
        detection=detection,
        original=original_side,
        translation=translation_side,
        beads=beads,
        hits=hits,
        notes=notes,
    )
    comparison.measures = _measures(comparison)
    if reference and metrics:
        from .metrics import reference_metrics

        comparison.metrics = reference_metrics(comparison.segments())
    return comparison


def _add_word_anchors(side: Side) -> None:
    """Same-language texts also share their content words: good anchors for a reference."""
    units = []
    for index, unit in enumerate(side.units):
        words = {w.lower() for w in _CONTENT_WORD.findall(side.sentence_text(index))} - _STOPWORDS
        units.append(Unit(unit.length, unit.anchors | {"w:" + w for w in words}, unit.lone, unit.question,
                          unit.exclamation, unit.quote))
    side.units = units


def _measures(comparison: Comparison) -> dict[str, Any]:
    original, translation = comparison.original, comparison.translation
    beads = comparison.beads
    aligned_o = sum(original.units[i].length for b in beads if b.translation for i in b.original)
    total_o = sum(u.length for u in original.units) or 1.0
    exact_o = sum(1 for mentions in original.numbers for m in mentions if m.exact)
    return {
        "sentences": {"original": len(original.sentences), "translation": len(translation.sentences)},
        "segments": len(beads),
        "omitted_sentences": sum(len(b.original) for b in beads if not b.translation),
        "added_sentences": sum(len(b.translation) for b in beads if not b.original),
        "coverage": round(aligned_o / total_o, 4),
        "numbers": exact_o,
        "quotations": sum(len(q) for q in original.quotes),
    }


__all__ = ["Comparison", "ComparisonError", "RawHit", "compare"]
