"""Fidelity: producers that compare the article with a companion text and yield hits of the FID-*
rules (rules/fidelity.toml) through the one findings pipeline. Each module registers its producer
under the companion's name (audit/hits.py `register_companion`); importing this package registers
them all.

- `reference`: against a reference translation in English (`--reference`, `mtaudit compare`).
"""

from . import reference  # noqa: F401  (registers the "reference" companion)
