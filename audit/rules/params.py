"""Typed rule parameters: each matcher kind declares its parameters once, as a frozen dataclass whose
fields carry a type, a default and a line of documentation (`param`). From that one declaration come
the validation of a rule pack (`read_params`: a wrong type or a missing parameter is an error naming
the file, the line, the rule and the key) and the parameter tables of docs/rule-packs.md
(`describe`)."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from ..text.dataclass_code import dataclass
from .errors import RuleError


def param(
    default: Any = dataclasses.MISSING,
    *,
    doc: str,
    nonempty: bool = False,
    minimum: float | None = None,
    type_doc: str | None = None,
):
    """A parameter field: `doc` explains it in the docs table; no default means it is required;
    `nonempty` refuses an empty list or table; `minimum` bounds a number from below; `type_doc`
    words the type for the docs and messages where the declared type reads poorly."""
    metadata = {"doc": doc, "nonempty": nonempty, "minimum": minimum, "type_doc": type_doc}
    if isinstance(default, (list, dict)):
        value = default
        return dataclasses.field(default_factory=lambda: type(value)(value), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True)
class NoParams:
    """A kind without parameters."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The parameter class's field types, evaluated once a class (not once a rule: 900 evaluations of
    the string annotations were a tenth of building the rule set)."""
    return typing.get_type_hints(cls)


def type_text(tp: Any) -> str:
    """How a parameter type reads in an error message and in the docs."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is bool:
        return "true or false"
    if tp is int:
        return "a whole number"
    if tp is float:
        return "a number"
    if tp is str:
        return "text"
    if tp is type(None):
        return "nothing"
    if origin is Literal:
        return repr(args[0]) if len(args) == 1 else "one of " + ", ".join(str(a) for a in args)
    if origin is list:
        inner = args[0]
        if typing.get_origin(inner) is Literal:
            return f"a list from {', '.join(str(a) for a in typing.get_args(inner))}"
        return f"a list of {_plural(type_text(inner))}"
    if origin is dict:
        return f"a table of {_plural(type_text(args[1]))}"
    if origin in (Union, types.UnionType):
        return " or ".join(type_text(a) for a in args if a is not type(None))
    return getattr(tp, "__name__", str(tp))


def _plural(text: str) -> str:
    for singular, plural in (("a whole number", "whole numbers"), ("a number", "numbers"), ("text", "texts"),
                             ("true or false", "true/false values")):
        if text == singular:
            return plural
    return text.replace("a list of ", "lists of ", 1) if text.startswith("a list of ") else text


def conforms(value: Any, tp: Any) -> bool:
    """Does a TOML value have the declared type?"""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return True
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is str:
        return isinstance(value, str)
    if tp is type(None):
        return value is None
    if origin is Literal:
        return value in args
    if origin is list:
        return isinstance(value, list) and all(conforms(v, args[0]) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(isinstance(k, str) and conforms(v, args[1]) for k, v in value.items())
    if origin in (Union, types.UnionType):
        return any(conforms(value, a) for a in args)
    raise TypeError(f"parameter type {tp!r} is not supported")


def read_params(cls: type, raw: Mapping[str, Any], where: RuleError) -> Any:
    """An instance of the parameter dataclass `cls` from the rule's TOML table (only its keys are
    read); `where` is a RuleError naming the pack and rule, copied with the key and message."""
    hints = _hints(cls)
    values: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if item.name not in raw:
            if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
                raise where.at(item.name, f"'{item.name}' is required ({_type_of(item, hints)})")
            continue
        value = raw[item.name]
        expected = hints[item.name]
        if not conforms(value, expected):
            raise where.at(item.name, f"'{item.name}' must be {_type_of(item, hints)}, not {value!r}")
        empty = not value.strip() if isinstance(value, str) else not value
        if item.metadata.get("nonempty") and isinstance(value, (list, dict, str)) and empty:
            raise where.at(item.name, f"'{item.name}' must not be empty")
        minimum = item.metadata.get("minimum")
        if minimum is not None and isinstance(value, (int, float)) and value < minimum:
            raise where.at(item.name, f"'{item.name}' must be at least {minimum:g}, not {value!r}")
        if expected is float and isinstance(value, int):
            value = float(value)
        values[item.name] = value
    return cls(**values)


def _type_of(item: dataclasses.Field, hints: dict[str, Any]) -> str:
    return item.metadata.get("type_doc") or type_text(hints[item.name])


def param_names(cls: type) -> frozenset[str]:
    return frozenset(item.name for item in dataclasses.fields(cls))


def describe(cls: type) -> list[tuple[str, str, str, str]]:
    """(name, type, default, documentation) of every parameter, for the docs tables."""
    hints = _hints(cls)
    rows = []
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            default = _toml(item.default)
        elif item.default_factory is not dataclasses.MISSING:
            default = _toml(item.default_factory())
        else:
            default = "required"
        rows.append((item.name, _type_of(item, hints), default, item.metadata.get("doc", "")))
    return rows


def _toml(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


__all__ = ["NoParams", "conforms", "describe", "param", "param_names", "read_params", "type_text"]
