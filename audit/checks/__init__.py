"""Matcher kinds. Importing this package registers every kind in ``base.KINDS``."""

from . import artefacts, discourse, patterns, phrases, quotes, statistics, structure  # noqa: F401
from .base import KINDS, Check, Hit

__all__ = ["KINDS", "Check", "Hit"]
