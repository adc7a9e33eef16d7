"""Per-repository settings: `[tool.goaldash]` in pyproject.toml, or `.goaldash.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def load_config(root: Path) -> Config:
    """Read the repository's settings. Raises ConfigError with a one-line message."""
    dotfile = root / ".goaldash.toml"
    if dotfile.is_file():
        try:
            data = tomllib.loads(dotfile.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f".goaldash.toml: not valid TOML ({exc})") from None
        except OSError as exc:
            raise ConfigError(f".goaldash.toml: cannot be read ({exc.strerror})") from None
        return _from_table(data, ".goaldash.toml", "")
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
            return Config()  # someone else's file: not ours to judge unless it has our table
        table = data.get("tool", {}).get("goaldash") if isinstance(data.get("tool"), dict) else None
        if table is not None:
            return _from_table(table, "pyproject.toml", "tool.goaldash.")
    return Config()
