"""Frontmatter, read tolerantly: invalid YAML gives a warning and a best-effort key/value read."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

_HANDLER = YAMLHandler()
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def load(text: str) -> tuple[dict[str, Any], str | None]:
    """Parse a frontmatter block. Returns the fields and a problem description, if any."""
    try:
        data = _HANDLER.load(text)
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid YAML"
        return _fallback(text), f"frontmatter is not valid YAML ({first}); read line by line"
    except Exception as exc:  # PyYAML raises plain errors on some pathological input
        return _fallback(text), f"frontmatter could not be read ({type(exc).__name__})"
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, "frontmatter is not a mapping of keys to values"
    return {str(k): v for k, v in data.items()}, None


def _fallback(text: str) -> dict[str, Any]:
    """Top-level `key: value` lines, quotes removed: enough for title, status and dates."""
    out: dict[str, Any] = {}
    for line in text.splitlines():
        m = _KEY_VALUE.match(line)
        if m and m.group(2):
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            out[m.group(1)] = value
    return out


def as_text(value: Any) -> str | None:
    """A scalar field as text; lists are joined; None stays None."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v is not None) or None
    if isinstance(value, dict):
        return None
    text = str(value).strip()
    return text or None


def as_date(value: Any) -> date | None:
    """A date field: YAML dates, datetimes and ISO strings (with or without a time)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None
