"""Matcher kinds. Importing this package registers every kind in ``base.KINDS``."""

from . import artefacts, discourse, emitted, patterns, phrases, quotes, statistics, structure  # noqa: F401
from .base import KINDS, Check, CheckContext, Needs, SharedIndex, register

__all__ = ["KINDS", "Check", "CheckContext", "Needs", "SharedIndex", "register"]
