"""Fidelity: producers that compare the article with a companion text and yield hits of the FID-*
rules (rules/fidelity.toml) through the one findings pipeline (audit/hits.py describes the producer
interface). Each module registers its producer under the companion's name (`register_companion`);
importing this package imports every module in it, and so registers them all.

- `reference`: against a reference translation in English (`--reference`, `mtaudit compare`).
"""

import importlib
import pkgutil

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_module.name}")
