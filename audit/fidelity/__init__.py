"""Fidelity of a translation to its original, in any language, without a neural model: producers
that compare the article with a companion text and yield hits of the FID-* rules (rules/fidelity.toml)
through the one findings pipeline (audit/hits.py describes the producer interface).

    comparison = compare(translation_text, original_text, source_lang=None)
    comparison.hits       # RawHit: rule id FID-*, span in the translation, message, suggestion,
                          # source_start/source_end in the original
    comparison.beads      # the sentence alignment (Bead: original and translation indices)
    comparison.measures   # coverage, omitted and added sentences, numbers and quotations compared

`producer` registers the companions `original` (any language) and `reference` (English): their
hits become findings with the registry's severity; the Comparison is left for the fidelity score.
Importing this package imports every module in it, and so registers them all.
"""

import importlib
import pkgutil

from .align import Aligner, Bead, Unit
from .checks import RawHit
from .compare import Comparison, ComparisonError, compare
from .detect import Detected, detect_language
from .languages import LANGUAGES, language, language_name

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "LANGUAGES",
    "Aligner",
    "Bead",
    "Comparison",
    "ComparisonError",
    "Detected",
    "RawHit",
    "Unit",
    "compare",
    "detect_language",
    "language",
    "language_name",
]
