"""Configuration files: ``[tool.mtaudit]`` in ``pyproject.toml`` or the top level of ``.mtaudit.toml``.

Each file to lint takes the nearest configuration file up the tree from its own folder (as ruff
does) unless ``--config`` names one. Paths in a configuration file are relative to that file.
Every problem is one line: ``path:line: message`` (a selector that names no rule is refused when the
rules are loaded, audit/runner.py, with the line found by `locate`).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Config, house_style_of
from .finding import SEVERITIES
from .rules.loader import builtin_pack_dir, read_pack
from .rules.packdirs import not_a_rule_dir
from .sources import InputError, SettingError, max_file_bytes, max_lines, read_regular

CONFIG_FILES = (".mtaudit.toml", "pyproject.toml")  # the first found in a folder wins

# TOML key -> Config field
KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "severity": "severity",
    "fail-on": "fail_on",
    "rule-dirs": "rule_dirs",
    "builtin-rules": "builtin_rules",
    "house-style": "house_style",
    "per-file-ignores": "per_file_ignores",
    "max-sentence-words": "max_sentence_words",
}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is ``path:line: message``."""


@functools.cache
def house_style_choices() -> dict[str, tuple[str, ...]]:
    """Topic -> the choices offered, read from the tags of the built-in house-style rules."""
    choices: dict[str, list[str]] = {}
    pack = builtin_pack_dir() / "house-style.toml"
    for raw in read_pack(pack) if pack.is_file() else []:
        for topic, choice in house_style_of(raw.get("tags", [])):
            choices.setdefault(topic, []).append(choice)
    return {topic: tuple(values) for topic, values in choices.items()}


def read_config_text(path: Path) -> str:
    """A configuration file's text (a regular file, opened without blocking); ConfigError naming it."""
    if not path.exists() and not path.is_symlink():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        data, _info = read_regular(str(path))
        return data.decode("utf-8-sig")
    except InputError as error:
        reason = str(error).removeprefix(f"{path}: ").split("; not audited")[0]
        raise ConfigError(f"{path}: cannot read the configuration file: {reason}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read the configuration file: not valid UTF-8 (byte {error.start})") from None


def check_environment() -> None:
    """ConfigError for an environment variable mtaudit cannot use (MTAUDIT_MAX_FILE_MB=inf)."""
    try:
        max_file_bytes()
        max_lines()
    except SettingError as error:
        raise ConfigError(str(error)) from None


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in `start` (a folder) or above it."""
    return _find_in(start.resolve())


@functools.lru_cache(maxsize=256)
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = folder / name
        try:
            found = candidate.is_file()
        except OSError as error:  # a folder on the way up that this user may not search
            reason = (error.strerror or str(error)).lower()
            raise ConfigError(f"{folder}: cannot look for a configuration file: {reason}") from None
        if found and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    parent = folder.parent
    return None if parent == folder else _find_in(parent)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*mtaudit\s*[.\]]", text, re.MULTILINE) is not None


def load_config(path: Path) -> Config:
    """The Config a configuration file describes (built-in defaults for what it leaves out)."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = 0  # reading it reports why
    return _load_config(path.resolve(), stamp)


@functools.lru_cache(maxsize=64)
def _load_config(path: Path, _stamp: int) -> Config:
    import tomllib  # only with a configuration file: a lint without one does not import it (start-up)

    text = read_config_text(path)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(f"{path}:1: invalid TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", message)
        line = where.group(1) if where and where.group(1) else str(text.count("\n") + 1)
        reason = message[: where.start()].strip() if where else message
        raise ConfigError(f"{path}:{line}: invalid TOML: {reason}") from None
    table_header = None
    if path.name == "pyproject.toml" or isinstance(data.get("tool"), dict):  # a pyproject.toml by any name
        table = data.get("tool", {}).get("mtaudit")
        if table is None:
            raise ConfigError(f"{path}:1: no [tool.mtaudit] table")
        table_header = "tool.mtaudit"
    else:
        table = data
    return Config(root=path.parent, source=path, **_settings(table, _Locator(path, text, table_header)))


class _Locator:
    """Finds the line of a key in a configuration file's text, for error messages."""

    def __init__(self, path: Path, text: str, table_header: str | None) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.offset = 0
        if table_header:
            header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table_header.split("."))) + r"\s*[.\]]")
            self.offset = next((i for i, line in enumerate(self.lines) if header.match(line)), 0)

    def line_of(self, *keys: str) -> int:
        """The line of the last key found (the innermost one given: a table, then its key)."""
        for key in reversed(keys):
            quoted = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
            pattern = re.compile(rf"^\s*(?:{quoted}\s*=|\[[^\]]*\b{re.escape(key)}\s*\])|[{{,]\s*{quoted}\s*=")
            for index in range(self.offset, len(self.lines)):
                if pattern.search(self.lines[index]):
                    return index + 1
        return self.offset + 1

    def error(self, message: str, *keys: str) -> ConfigError:
        return ConfigError(f"{self.path}:{self.line_of(*keys)}: {message}")


def _settings(table: dict[str, Any], where: _Locator) -> dict[str, Any]:
    """Validate a [tool.mtaudit] table and turn it into Config keyword arguments."""
    if not isinstance(table, dict):
        raise where.error("the mtaudit configuration must be a table")
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise where.error(f"unknown key {key!r} (known keys: {known})", key)
        settings[KEYS[key]] = _convert(key, value, where)
    return settings


def locate(path: Path, key: str, value: str | None = None) -> int:
    """The line of a setting (`key`) in a configuration file, or of `value` written under it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    header = "tool.mtaudit" if path.name == "pyproject.toml" or "[tool." in text else None
    locator = _Locator(path, text, header)
    line = locator.line_of(key)
    if value is not None:
        quoted = re.compile(rf"""["']{re.escape(value)}["']""")
        for index in range(line - 1, len(locator.lines)):
            if quoted.search(locator.lines[index]):
                return index + 1
    return line


def _text_list(key: str, value: Any, where: _Locator) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(f"'{key}' must be a list of rule ids, id prefixes or categories", key)
    return tuple(v.strip() for v in value)


def _severity(key: str, value: Any, where: _Locator, *line_keys: str) -> str:
    if value not in SEVERITIES:
        raise where.error(f"'{key}': unknown severity {value!r} (one of {', '.join(SEVERITIES)})", *line_keys)
    return value


def _convert(key: str, value: Any, where: _Locator) -> Any:
    if key in ("select", "extend-select", "ignore"):
        return _text_list(key, value, where)
    if key == "fail-on":
        return _severity(key, value, where, key)
    if key == "builtin-rules":
        if not isinstance(value, bool):
            raise where.error("'builtin-rules' must be true or false", key)
        return value
    if key == "max-sentence-words":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise where.error("'max-sentence-words' must be a positive whole number", key)
        return value
    if key == "rule-dirs":
        folders = _text_list(key, value, where)
        resolved = []
        for folder in folders:
            path = Path(folder).expanduser()
            path = path if path.is_absolute() else where.path.parent / path
            problem = not_a_rule_dir(path)
            if problem:
                raise where.error(f"'rule-dirs': {folder!r}: {problem} (relative to {where.path.parent})", key)
            resolved.append(path)
        return tuple(resolved)
    if not isinstance(value, dict):
        raise where.error(f"'{key}' must be a table", key)
    if key == "severity":
        return tuple(
            (selector, _severity(f"severity.{selector}", level, where, key, selector))
            for selector, level in value.items()
        )
    if key == "per-file-ignores":
        return tuple((pattern, _text_list(pattern, ids, where)) for pattern, ids in value.items())
    # house-style
    choices = house_style_choices()
    chosen = []
    for topic, choice in value.items():
        if topic not in choices:
            known = ", ".join(sorted(choices))
            raise where.error(f"'house-style': unknown topic {topic!r} (one of {known})", key, topic)
        if choice not in choices[topic]:
            options = " or ".join(repr(c) for c in choices[topic])
            raise where.error(f"'house-style.{topic}': choose {options}, not {choice!r}", key, topic)
        chosen.append((topic, choice))
    return tuple(sorted(chosen))


class ConfigResolver:
    """The Config of each file: the nearest configuration file (or `explicit`), then the command
    line's `overrides` (Config fields), and `extra_ignore`, `extra_rule_dirs` and `extra_select`
    added to the file's lists."""

    def __init__(
        self,
        explicit: Path | None = None,
        overrides: dict[str, Any] | None = None,
        extra_ignore: tuple[str, ...] = (),
        extra_rule_dirs: tuple[Path, ...] = (),
        extra_select: tuple[str, ...] = (),
    ) -> None:
        self.explicit = explicit
        self.overrides = overrides or {}
        self.extra_ignore = extra_ignore
        self.extra_rule_dirs = tuple(Path(d).resolve() for d in extra_rule_dirs)
        self.extra_select = extra_select
        self._cache: dict[Path | None, Config] = {}
        self._folders: dict[str, Path | None] = {}  # folder -> its configuration file, in this run

    def config_file_for(self, path: str) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        folder = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        if folder not in self._folders:  # resolving a folder's path costs a system call per part of it
            self._folders[folder] = find_config_file(Path(folder))
        return self._folders[folder]

    def for_path(self, path: str) -> Config:
        if not self._cache:
            check_environment()
        source = self.config_file_for(path)
        if source not in self._cache:
            base = load_config(source) if source is not None else Config()
            config = replace(base, **self.overrides)
            if self.extra_ignore or self.extra_rule_dirs or self.extra_select:
                config = replace(
                    config,
                    ignore=config.ignore + self.extra_ignore,
                    rule_dirs=config.rule_dirs + self.extra_rule_dirs,
                    extend_select=config.extend_select + self.extra_select,
                )
            self._cache[source] = config
        return self._cache[source]


__all__ = [
    "CONFIG_FILES",
    "ConfigError",
    "ConfigResolver",
    "check_environment",
    "find_config_file",
    "house_style_choices",
    "load_config",
    "locate",
    "read_config_text",
]
