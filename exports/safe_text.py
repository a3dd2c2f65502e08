"""User text made safe to write into a workbook (and a report).

XML 1.0 cannot hold most control characters (``\\x00``, ``\\x07``, ...), lone surrogates or
U+FFFE/U+FFFF: one of them in the company name, a title or the currency made a workbook
that Excel and openpyxl refuse to open (``docProps/core.xml``, number formats). Every text
of the plan is cleaned once, before anything is written, so cell values, document
properties, chart titles and number formats all get clean text. A workbook cell holds at
most 32,767 characters: longer texts are cut there, with an ellipsis, in the workbook only.
The same text always cleans to the same text, so names that refer to each other (a
channel's owner, a scenario's ``channels.<name>.<field>``) still match.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from planner.plan.model import Plan

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CELL_LIMIT = 32_767  # the most characters an Excel cell holds


def clean(text: str, limit: int | None = None) -> str:
    if XML_ILLEGAL.search(text):
        text = XML_ILLEGAL.sub("", text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def clean_plan(plan: Plan, limit: int | None = None) -> Plan:
    """The plan with every text cleaned (see the module); the same plan object when nothing changes."""
    return _clean(plan, limit)


def _clean(value: Any, limit: int | None) -> Any:
    if isinstance(value, str):
        return clean(value, limit)
    if isinstance(value, tuple):
        items = tuple(_clean(v, limit) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        cleaned = {_clean_key(k, limit): v if not isinstance(v, str) else clean(v, limit) for k, v in value.items()}
        return value if cleaned == value else cleaned
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.name == "extra":
                continue  # (unknown keys are never exported)
            old = getattr(value, f.name)
            new = _clean(old, limit)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _clean_key(key: Any, limit: int | None) -> Any:
    """An override's name: its channel or resource part cleaned as the channel's own name is."""
    if not isinstance(key, str):
        return key
    section, dot, rest = key.partition(".")
    name, dot2, field = rest.rpartition(".")
    if dot and dot2 and section in ("labor", "channels"):
        return f"{section}.{clean(name, limit)}.{field}"
    return clean(key, limit)
