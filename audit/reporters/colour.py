"""Colour for the terminal reporters: on for a terminal, off with NO_COLOR (https://no-color.org) or
``--color never``; ``--color always`` forces it (through a pipe, or over NO_COLOR)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import click

CHOICES = ("auto", "always", "never")

SEVERITY_STYLES: dict[str, dict[str, Any]] = {
    "critical": {"fg": "red", "bold": True},
    "major": {"fg": "red"},
    "minor": {"fg": "yellow"},
    "neutral": {"fg": "cyan"},
}
VERDICT_STYLES: dict[str, dict[str, Any]] = {
    "likely-mt": {"fg": "red", "bold": True},
    "review": {"fg": "yellow"},
    "clean": {"fg": "green"},
}


def wants_colour(choice: str, to_terminal: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """`choice` is auto, always or never; auto colours a terminal unless NO_COLOR is set (and not empty)."""
    if choice == "always":
        return True
    if choice == "never" or environ.get("NO_COLOR"):
        return False
    return to_terminal


class Paint:
    """click.style when colour is on, the text unchanged when it is off."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, **style: Any) -> str:
        return click.style(text, **style) if self.on and text else text

    def severity(self, text: str, severity: str) -> str:
        return self(text, **SEVERITY_STYLES.get(severity, {}))

    def verdict(self, text: str, verdict: str | None) -> str:
        return self(text, **VERDICT_STYLES.get(verdict or "", {}))


PLAIN = Paint(False)

__all__ = ["CHOICES", "PLAIN", "Paint", "wants_colour"]
