"""Sub-commands beyond `lint`, `rules` and `rule`: each module defines click commands and lists
them in COMMANDS; `register_all` adds them to the main group."""

from __future__ import annotations

import importlib
import pkgutil

import click


def register_all(group: click.Group) -> None:
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for command in getattr(module, "COMMANDS", ()):
            group.add_command(command)
