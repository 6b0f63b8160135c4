"""Text that cannot attack whoever reads the report: control characters, bidi overrides and the
surrogate escapes of non-UTF-8 file names made visible (terminal, GitHub), escaped (JSON) or
percent-encoded (URIs), so that no report can clear a screen, plant a link, forge a line or fail
to encode.

A file name that is not valid UTF-8 reaches Python as a str with surrogate escapes (PEP 383: the
byte 0xE9 becomes U+DCE9); os.fsencode gives the bytes back.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote_from_bytes

from .text.lazy import lazy_compile

# C0 controls (tab and newline included: a report line is one line), DEL, C1 controls, the bidi
# embeddings, overrides and isolates (the "Trojan Source" set), the line and paragraph separators,
# and lone surrogates (the escapes of undecodable bytes in file names).
_TERMINAL_UNSAFE = lazy_compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What json.dumps(ensure_ascii=False) leaves raw although a terminal or an encoder would trip on it
# (it escapes C0 itself): DEL and C1, the bidi controls, the separators and lone surrogates.
_JSON_UNSAFE = lazy_compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character, bidi override and undecodable byte written as a visible
    escape (ESC -> \\x1b, RLO -> \\u202e, newline -> \\n, the byte 0xE9 of a name -> \\xe9)."""
    if text.isprintable():  # the common case: nothing to escape (isprintable is False for all of them)
        return text
    return _TERMINAL_UNSAFE.sub(_visible, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


_SURROGATE = lazy_compile("[\ud800-\udfff]")


def surrogates_visible(text: str) -> str:
    """`text` with the undecodable bytes of file names (lone surrogates) written as \\xNN, for
    formats that show names to people (HTML): the text then encodes to UTF-8."""
    return _SURROGATE.sub(_visible, text) if _SURROGATE.search(text) else text


def json_safe(encoded: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with the characters above written as
    \\uXXXX escapes: the same JSON value, which now encodes to UTF-8 and shows nothing raw on a
    terminal. A non-UTF-8 file name keeps its surrogate escapes ("\\udce9"), which a reader turns
    back into its bytes with os.fsencode."""
    return _JSON_UNSAFE.sub(_json_escape, encoded)


def uri_path(path: str) -> str:
    """A path as the path part of a URI: its bytes (surrogate escapes back to the original bytes)
    percent-encoded, '/' kept."""
    return quote_from_bytes(os.fsencode(path), safe="/")


def encode_report(text: str) -> bytes:
    """The UTF-8 bytes of a report; a character that cannot be encoded (a lone surrogate that escaped
    the reporters) is written as a backslash escape rather than failing the run."""
    return text.encode("utf-8", "backslashreplace")


__all__ = ["terminal_safe", "json_safe", "surrogates_visible", "uri_path", "encode_report"]
