"""A plan file's bytes to JSON data, with every refusal in the user's words.

- UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 are read as they are;
  8-bit text that is not UTF-8 (Latin-1 / Windows-1252, as old editors save) is read as
  Windows-1252 and said so, so it is saved as UTF-8 next time;
- JSON mistakes are told in plain words with the line and column, never the parser's own;
- ``NaN`` and ``Infinity`` (not JSON, but Python writes them) and numbers too large for a
  number (``1e400``) are refused;
- a lone surrogate (``"\\udc00"``, valid JSON but not a character) becomes U+FFFD, so the
  text can always be written back.
"""

from __future__ import annotations

import json
import re
from typing import Any

UTF8_BOM = b"\xef\xbb\xbf"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
REPLACEMENT = "\ufffd"

# the json module's messages, as a person would say them
PLAIN_JSON_ERRORS = {
    "Expecting value": "a value is missing, or a text is not in double quotes",
    "Expecting ',' delimiter": "a comma is missing between two items",
    "Expecting ':' delimiter": "a colon is missing after a name",
    "Expecting property name enclosed in double quotes": "a name is not in double quotes, or a comma is one too many",
    # Python 3.13 says what 3.11 called a missing name
    "Illegal trailing comma before end of object": "a name is not in double quotes, or a comma is one too many",
    "Illegal trailing comma before end of array": "a value is missing, or a comma is one too many",
    "Unterminated string starting at": "a text is not closed with a double quote",
    "Invalid control character at": "a text holds a line break or a tab that is not written as \\n or \\t",
    "Extra data": "there is more after the end of the plan",
    "Invalid \\escape": "a backslash in a text is not followed by a valid escape",
    "Invalid \\uXXXX escape": "a backslash in a text is not followed by a valid escape",
}


class TextError(ValueError):
    """A file that is not a plan's text; ``str()`` is the message for people."""


def decode_text(raw: bytes, name: str) -> tuple[str, str | None]:
    """The file's text and the encoding it was read from when that was not UTF-8 (else None)."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    encoding = json.detect_encoding(raw) if raw else "utf-8"
    if encoding != "utf-8":
        try:
            return raw.decode(encoding), encoding.upper().replace("-LE", "").replace("-BE", "")
        except UnicodeDecodeError:
            raise TextError(f"“{name}” is not a Lead Planner plan: it is not a text file.") from None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw or _mostly_control(raw):
        raise TextError(f"“{name}” is not a Lead Planner plan: it is not a text file.")
    try:
        return raw.decode("cp1252"), "Windows-1252 (Latin-1)"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def _mostly_control(raw: bytes) -> bool:
    head = raw[:4096]
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return control > len(head) // 20


def _refuse_constant(name: str) -> float:
    raise TextError(f"it holds {name}, which is not a number (write a number, or null)")


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise TextError(f"it holds the number {text[:20]}, too large for any figure of a plan")
    return value


def parse_json(text: str, name: str) -> Any:
    damaged = f"“{name}” is damaged or not a plan: it is not valid JSON"
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_parse_float)
    except json.JSONDecodeError as error:
        plain = next((said for msg, said in PLAIN_JSON_ERRORS.items() if error.msg.startswith(msg)), "")
        where = f"line {error.lineno}, column {error.colno}"
        raise TextError(f"{damaged} ({plain}; {where})." if plain else f"{damaged} ({where}).") from None
    except TextError as error:
        raise TextError(f"“{name}” is not a valid plan: {error}.") from None
    except RecursionError:
        raise TextError(f"{damaged} (it is nested too deeply).") from None
    except ValueError:  # an integer of thousands of digits
        raise TextError(f"{damaged} (it holds a number with too many digits).") from None


def without_lone_surrogates(data: Any) -> Any:
    """``data`` with every lone surrogate in its texts and names replaced by U+FFFD."""
    if isinstance(data, str):
        return replace_lone_surrogates(data)
    if isinstance(data, dict):
        return {replace_lone_surrogates(k): without_lone_surrogates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [without_lone_surrogates(v) for v in data]
    return data


def replace_lone_surrogates(text: str) -> str:
    return _LONE_SURROGATE.sub(REPLACEMENT, text) if _LONE_SURROGATE.search(text) else text


def has_escaped_surrogate(text: str) -> bool:
    return _ESCAPED_SURROGATE.search(text) is not None
