"""Matcher kinds. Importing this package imports every module in it, and so registers every kind
(`@register` in audit/checks/base.py): a new kind is a new module here, nothing else to edit."""

import importlib
import pkgutil

from .base import KINDS, Check, CheckContext, Needs, SharedIndex, register

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["KINDS", "Check", "CheckContext", "Needs", "SharedIndex", "register"]
