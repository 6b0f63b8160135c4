"""The comparison as a producer of the findings pipeline (audit/hits.py): the companion texts
`original` (the article's original, in any language: `lint --source`, `compare`) and `reference`
(an English reference translation: `lint --reference`). Each yields the FID-* hits of the
comparison, placed in the article and citing the companion text (`source_line`, `source_text`),
and leaves the Comparison in `context.outputs` for the fidelity score (audit/scoring/fidelity.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..hits import Hit, ProducerContext, register_companion
from ..text.dataclass_code import dataclass
from .compare import ComparisonError, compare
from .text import Span


def furniture(doc: Document) -> list[Span]:
    """The lines of page furniture (zone boilerplate): they take no part in the comparison."""
    return [doc.line_span(i) for i, zone in enumerate(doc.zones) if zone == "boilerplate"]


@dataclass(frozen=True)
class Comparing:
    """Compares the article with a companion text; `name` is the companion's ("original", "reference")."""

    text: str
    name: str = "original"

    def produce(self, doc: Document, context: ProducerContext) -> Iterator[Hit]:
        lang = "en" if self.name == "reference" else context.config.source_lang
        label = f"<{self.name}>"
        try:
            comparison = compare(
                doc.text, self.text, lang, translation_path=doc.path, original_path=label, metrics=False,
                skip=furniture(doc), reference_furniture=lambda text: furniture(context.read(text, label)),
            )
        except ComparisonError as error:
            context.warnings.append(f"{self.name}: {error}")
            return
        context.outputs[self.name] = comparison
        for hit in comparison.hits:
            extra: dict[str, object] = {"source": comparison.mode}
            if hit.source_start is not None and hit.source_end is not None:
                extra["source_line"] = comparison.source_line(hit.source_start)
                extra["source_text"] = comparison.original.text[hit.source_start : hit.source_end]
            yield Hit(hit.rule, hit.start, hit.end, suggestion=hit.suggestion, message=hit.message, extra=extra)


def original(text: str) -> Comparing:
    return Comparing(text, "original")


def reference(text: str) -> Comparing:
    return Comparing(text, "reference")


register_companion("original", original)
register_companion("reference", reference)

__all__ = ["Comparing", "furniture"]
