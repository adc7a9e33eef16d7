"""Per-repository settings: `[tool.goaldash]` in pyproject.toml, or `.goaldash.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goaldash.safefile import read_regular


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Config:
    """What a repository asks of goaldash."""

    include: tuple[str, ...] = ()
    """Globs of extra files to read as plans even where discovery would not pick them."""
    exclude: tuple[str, ...] = ()
    """Globs of files and folders never to read."""
    source: str | None = None
    """The file the settings came from, if any."""
    _include_re: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)
    _exclude_re: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)

    def included(self, rel: str) -> bool:
        """True when `rel` (POSIX, relative to the root) matches an include glob."""
        return any(p.match(rel) for p in self._include_re)

    def excluded(self, rel: str) -> bool:
        """True when `rel` or one of its folders matches an exclude glob."""
        if not self._exclude_re:
            return False
        parts = rel.split("/")
        candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(p.match(c) for p in self._exclude_re for c in candidates)


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: `*` within a name, `**` across folders, `?` one character.

    A pattern without a slash matches a name at any depth (`*.bak`, `drafts`).
    """
    pat = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    return re.compile(("" if anchored else "(?:.*/)?") + body + "$")


def _globs(value: Any, source: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{source}: '{key}' must be a list of glob strings")
    return tuple(value)


def _from_table(table: Any, source: str, prefix: str) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: '{prefix or 'goaldash'}' must be a table")
    known = {"include", "exclude"}
    for key in table:
        if key not in known:
            raise ConfigError(f"{source}: unknown key '{prefix}{key}' (known: include, exclude)")
    include = _globs(table.get("include", []), source, prefix + "include")
    exclude = _globs(table.get("exclude", []), source, prefix + "exclude")
    return Config(
        include=include,
        exclude=exclude,
        source=source,
        _include_re=[glob_to_regex(g) for g in include],
        _exclude_re=[glob_to_regex(g) for g in exclude],
    )


CONFIG_BYTES = 1024 * 1024
"""A configuration file larger than this is not read (a dozen globs take a few hundred bytes)."""


def _read_toml(path: Path) -> dict[str, Any] | None:
    """The TOML table in `path`; None when there is no such file. Read through `safefile`:
    a regular file only (never a FIFO or a device, which could block or never end), and
    never more than `CONFIG_BYTES`. Raises OSError (`strerror` says why) or ValueError (not
    UTF-8, not TOML, nested too deep)."""
    try:
        data = read_regular(path, CONFIG_BYTES)
    except FileNotFoundError:
        return None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deeply") from None


def load_config(root: Path) -> Config:
    """Read the repository's settings. Raises ConfigError with a one-line message."""
    try:
        data = _read_toml(root / ".goaldash.toml")
    except ValueError as exc:  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        raise ConfigError(f".goaldash.toml: not valid TOML ({_one_line(exc)})") from None
    except OSError as exc:
        raise ConfigError(f".goaldash.toml: cannot be read ({exc.strerror or exc})") from None
    if data is not None:
        return _from_table(data, ".goaldash.toml", "")
    try:
        data = _read_toml(root / "pyproject.toml")
    except (ValueError, OSError):
        return Config()  # someone else's file: not ours to judge unless it has our table
    tool = data.get("tool") if data is not None else None
    table = tool.get("goaldash") if isinstance(tool, dict) else None
    if table is not None:
        return _from_table(table, "pyproject.toml", "tool.goaldash.")
    return Config()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
