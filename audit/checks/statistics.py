"""Matchers that measure rather than match: over-long sentences of the body, and paragraphs in a
language other than English (langdetect, seeded, runs only on paragraphs a cheap pre-check finds
suspicious, and never on short fragments)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.language import detect, looks_english
from ..text.lazy import lazy_compile
from ..text.words import WORD
from .base import Check, CheckContext, register


@dataclass(frozen=True)
class LongSentenceParams:
    max_words: int | None = param(
        None, doc="the longest sentence allowed (default: the configuration's `max-sentence-words`, 40)", minimum=1
    )


@register
class LongSentenceCheck(Check):
    """A body sentence of more words than the rule's or the configuration's limit. Flags the whole
    sentence. (The built-in READ-LONG-SENTENCE is default-off: select it to run it.)"""

    kind = "long-sentence"
    Params = LongSentenceParams
    summary = "a body sentence of more words than `max_words` (default: the configuration's `max-sentence-words`)"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.rule_limit = rule.params.max_words
        self.max_words = self.rule_limit or 40

    def configure(self, config: Any) -> None:
        if self.rule_limit is None:
            self.max_words = int(config.max_sentence_words)

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for start, end in doc.sentences:
            if doc.zone_at(start) != "body":
                continue
            count = len(WORD.findall(doc.text, start, end))
            if count > self.max_words and not self.blocked_by_antipattern(doc, start, end):
                yield self.hit(
                    start,
                    end,
                    message=f"This sentence has {count} words (more than {self.max_words}): split it.",
                    extra={"words": count},
                )


# Particles inside names (Borges da Silva, van der Berg, bin Salman): lower case, but part of a name.
_NAME_PARTICLES = frozenset("de da das do dos del della di du der den van von la le el al bin ibn y e zu".split())
NAME_LIST_SHARE = 0.6  # prose has 10-35% capitalised words (German nouns included); a line-up of names 80%+
_LETTER_WORD = lazy_compile(r"[^\W\d_][\w'’-]*")


def is_name_list(text: str) -> bool:
    """Is the paragraph mostly capitalised words (a team line-up, a cast list)? Names carry no
    function words of any language, so a language guess on them is a guess on their origin."""
    words = [w for w in _LETTER_WORD.findall(text) if w.lower() not in _NAME_PARTICLES]
    return bool(words) and sum(1 for w in words if w[0].isupper()) >= NAME_LIST_SHARE * len(words)


@dataclass(frozen=True)
class ForeignParagraphParams:
    min_probability: float = param(0.9, doc="langdetect's probability needed to call a paragraph foreign")


PARAGRAPH_SAMPLE = 20_000  # characters of a paragraph that decide its language (langdetect reads 3,000)


@register
class ForeignParagraphCheck(Check):
    """A paragraph of at least 20 words that is confidently not English. Only paragraphs with few
    English function words and few English dictionary words, or many non-Latin letters, are given to
    langdetect (seeded), so English copy costs nothing and a short line is never guessed; a paragraph
    of names (a line-up, a cast list) is not a language."""

    kind = "foreign-paragraph"
    Params = ForeignParagraphParams
    summary = (
        "a paragraph of 20 words or more that langdetect (seeded) finds confidently not English; only paragraphs "
        "with few English function words and dictionary words are checked, and a paragraph of names is not a language"
    )

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_probability = rule.params.min_probability

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for start, end in doc.paragraphs:
            text = doc.text[start : min(end, start + PARAGRAPH_SAMPLE)]
            if looks_english(text) is not False or is_name_list(text):
                continue
            found = detect(text)
            if not found or found[0] == "en" or found[1] < self.min_probability:
                continue
            if not self.blocked_by_antipattern(doc, start, end):
                yield self.hit(
                    start,
                    end,
                    message=f"This paragraph is not in English (langdetect: '{found[0]}', p = {found[1]:.2f}).",
                    extra={"language": found[0], "probability": found[1]},
                )
