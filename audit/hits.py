"""What producers give the findings pipeline: raw hits, and the one interface every producer has.

A *producer* is anything that finds things in a document: the matcher kinds of the rule packs (run
together by the compiled rule set), the comparison with a companion text (a reference translation,
an original), the statistics. Each yields `Hit`s: a rule id and a span of the document, nothing else
decided. One ordered chain in audit/engine.py makes every finding of them (locate → zone and
quotation → per-file ignores → suppressions → severity overrides → overlaps → order): a producer
never sets a severity, a position, a zone or a quotation flag, and never sees suppressions.

Adding a producer takes no edit of the engine:

    class OriginalComparison:                       # audit/fidelity/original.py, say
        name = "original"
        def __init__(self, original_text: str) -> None: ...
        def produce(self, doc, context):
            source = context.read(self.original_text, "<original>")   # read as the article is
            ...
            yield Hit("FID-OMITTED-NUMBER", start, end, extra={"source_line": 4, "source_text": "..."})
            context.outputs[self.name] = alignment     # a by-product for the scores, if any

    register_companion("original", OriginalComparison)    # `--original FILE`, examples' `original`

Rules are data: every rule id a producer yields must be a registered rule (rules/*.toml, kind
`comparison` for a comparison's rules), with its docs and examples; the pipeline drops the hits of
rules the configuration does not select, and refuses an unknown id. Producers are pickled to the
worker processes of a parallel run: keep them plain data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Any, Protocol

from .config import Config
from .text.dataclass_code import dataclass

if TYPE_CHECKING:
    from .document import Document


@dataclass(frozen=True, slots=True)
class Hit:
    """A raw match: a rule and a span of the document (character offsets, end exclusive).

    `suggestion` is shown to the editor; `replacement` is what a fix would write over the span (set
    it only where the suggestion replaces exactly the span: the rule's `fix` decides whether and how
    surely it is applied); `message` overrides the rule's message; `extra` goes into the finding
    (JSON keys beside the contract's, such as `source_line`)."""

    rule: str
    start: int
    end: int
    suggestion: str | None = None
    replacement: str | None = None
    message: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


class ReadCompanion(Protocol):
    def __call__(self, text: str, path: str) -> Document: ...


@dataclass
class ProducerContext:
    """What a producer may use besides the document."""

    config: Config
    # a companion text as a Document read the way the article was (its page furniture found by the
    # same rules), for comparing like with like
    read: ReadCompanion
    warnings: list[str] = field(default_factory=list)  # one line each, shown with the file's report
    # by-products for the scores, by producer name (the reference comparison leaves its alignment)
    outputs: dict[str, Any] = field(default_factory=dict)


class Producer(Protocol):
    """Yields raw hits for one document. `name` keys its by-product in `ProducerContext.outputs`."""

    name: str

    def produce(self, doc: Document, context: ProducerContext) -> Iterable[Hit]: ...


# Companion texts: a text given beside the article (its reference translation, its original), by the
# name used for it on the command line and in rule examples, with the producer that compares them (or
# where to import it from: "package.module:function").
COMPANIONS: dict[str, Callable[[str], Producer] | str] = {}


def register_companion(name: str, factory: Callable[[str], Producer] | str) -> None:
    """Make `factory(companion_text)` the producer for a companion text called `name`. A factory named
    "package.module:function" is imported when a companion of that name is first compared, so that a
    run without companion texts does not load the comparison's modules (a tenth of a second of start-up)."""
    COMPANIONS[name] = factory


def _factory(name: str) -> Callable[[str], Producer]:
    factory = COMPANIONS[name]
    if isinstance(factory, str):
        module, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module), attribute)
        COMPANIONS[name] = factory
    return factory


def companion_producers(companions: Mapping[str, str]) -> list[Producer]:
    """The producers of the companion texts given (name -> text); an unknown name is a ValueError."""
    unknown = sorted(set(companions) - set(COMPANIONS))
    if unknown:
        raise ValueError(f"no comparison for companion text(s) {', '.join(unknown)} (known: {', '.join(COMPANIONS)})")
    return [_factory(name)(text) for name, text in companions.items()]


# The comparisons with the original and with a reference translation (audit/fidelity/producer.py).
for _companion in ("original", "reference"):
    register_companion(_companion, f"{__package__}.fidelity.producer:{_companion}")


__all__ = [
    "COMPANIONS",
    "Hit",
    "Producer",
    "ProducerContext",
    "ReadCompanion",
    "companion_producers",
    "register_companion",
]
