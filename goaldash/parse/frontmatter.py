"""Frontmatter, read tolerantly and at a bounded cost.

Invalid YAML gives a warning and a best-effort key/value read. YAML that would cost more than
its size suggests is not read at all (a warning says why): a block over `MAX_BYTES`, values
nested deeper than `MAX_DEPTH`, or aliases that expand to more than `budget` values and
characters (a "billion laughs": nine anchors of nine aliases each are a few hundred bytes and
expand to 387 million strings). The check runs on the composed node graph, where an alias is
one shared node, before any Python value is built; only the safe loader's tags are ever built,
so `!!python/object` and kin stay errors.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when installed
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")

MAX_BYTES = 256 * 1024
"""Frontmatter larger than this (in characters) is not read."""
MAX_DEPTH = 64
"""Values nested deeper than this are not read."""
BASE_BUDGET = 100_000
"""What any frontmatter may expand to, in values plus characters of its scalars; a longer one
may expand to twice its length (without aliases, a text's expansion is about its length)."""


class _Refused(Exception):
    """The frontmatter would cost too much to read; the message says why."""


def budget(text: str) -> int:
    """How far the frontmatter `text` may expand, in values plus scalar characters."""
    return max(BASE_BUDGET, 2 * len(text))


def load(text: str) -> tuple[dict[str, Any], str | None]:
    """Parse a frontmatter block. Returns the fields and a problem description, if any."""
    if len(text) > MAX_BYTES:
        size = f"{len(text) / 1024:.0f} KB"
        return {}, f"frontmatter not read: {size}, over the {MAX_BYTES // 1024} KB limit"
    try:
        data = _load(text)
    except _Refused as exc:
        return {}, f"frontmatter not read: {exc}"
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


def _load(text: str) -> Any:
    """`yaml.safe_load`, with the node graph measured before anything is constructed."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node, budget(text))
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _measure(root: Node, limit: int) -> int:
    """The expanded size of `root` (values plus scalar characters, aliases counted at each
    use), without expanding anything: each distinct node is weighed once. Raises `_Refused`
    past `limit`, past `MAX_DEPTH`, or on a value that contains itself."""
    weight: dict[int, int] = {}
    # An explicit stack (node, depth, children pushed?) instead of recursion.
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, expanded = stack.pop()
        key = id(node)
        if isinstance(node, ScalarNode):
            weight[key] = 1 + len(node.value)
            continue
        children = _children(node)
        if expanded:
            open_nodes.discard(key)
            total = 1 + sum(weight[id(c)] for c in children)
            if total > limit:
                raise _Refused(f"its aliases expand to more than {limit:,} values")
            weight[key] = total
            continue
        if key in weight:
            continue
        if key in open_nodes:
            raise _Refused("an alias refers to a value that contains it")
        if depth > MAX_DEPTH:
            raise _Refused(f"nested deeper than {MAX_DEPTH} levels")
        open_nodes.add(key)
        stack.append((node, depth, True))
        for child in children:
            if id(child) in open_nodes:
                raise _Refused("an alias refers to a value that contains it")
            if id(child) not in weight:
                stack.append((child, depth + 1, False))
    return weight[id(root)]


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


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
