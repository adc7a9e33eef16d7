"""Running git on a repository goaldash does not trust: the one door every git call goes through.

goaldash only ever reads a repository, but the repository's own configuration (`.git/config`,
which another local user may have written, or which came with a copied folder) can name
commands that even a reading git runs:

- `core.fsmonitor`: run by `ls-files`, `diff` and `status` to learn what changed;
- `filter.<name>.clean` (chosen by `.gitattributes`): run whenever git hashes a work-tree file,
  as `diff` against the work tree does;
- `diff.external`, `diff.<driver>.command` and `.textconv`: run by `diff` and `log -p`;
- `log.showSignature` with `gpg.program`: run by `log` and `show`;
- a pager, hooks, and for a partial clone a lazy fetch over ssh (`core.sshCommand`).

So every git process goaldash starts goes through `run`, which sets each of these to a
harmless value on the command line (`-c` wins over every configuration file, and git passes it
on to the git processes it starts itself, in submodules too), switches off the network, the
pager and prompts, and bounds the time it waits and the bytes it reads. Filters cannot be
switched off by name (any name can be chosen), so callers never let git read a work-tree file's
content: `diff --cached` compares commits with the index, and goaldash compares the work tree
itself (see `goaldash.standup.worktree`). The `diff` and `log -p` callers pass `--no-ext-diff` and
`--no-textconv`.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from pathlib import Path

GIT_TIMEOUT = 60.0
"""Seconds a git command may take."""
MAX_OUTPUT = 256 * 1024 * 1024
"""Bytes of output read from one git command, at most; more is an error, not a memory blow-up."""
_STDERR_KEPT = 64 * 1024

# Settings a repository's configuration could use to make a reading git run a command,
# each overridden with a value that runs nothing.
SAFE_CONFIG: tuple[str, ...] = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "log.showSignature=false",
    "submodule.recurse=false",
    "protocol.allow=never",
    "gc.auto=0",
    "maintenance.auto=false",
    "color.ui=false",
)


class GitError(Exception):
    """A git command could not run or failed; the message is one line."""


def argv(*args: str) -> list[str]:
    """The command line of `git ARGS`, hardened."""
    out = ["git", "--no-pager"]
    for setting in SAFE_CONFIG:
        out += ["-c", setting]
    return [*out, *args]


def env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for git: C messages, no pager, no prompt, no lazy fetch, no lock taken
    just to refresh the index, and no external diff the environment may name."""
    out = dict(os.environ if base is None else base)
    for name in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER"):
        out.pop(name, None)
    out.update(
        LC_ALL="C",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_OPTIONAL_LOCKS="0",
        GIT_TERMINAL_PROMPT="0",
        GIT_NO_LAZY_FETCH="1",
    )
    return out


def run(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    timeout: float = GIT_TIMEOUT,
    limit: int = MAX_OUTPUT,
) -> subprocess.CompletedProcess[bytes]:
    """Run the hardened `git ARGS` in `cwd`: its exit code, stdout and (the start of) stderr.

    Raises GitError when git cannot be started, takes longer than `timeout` seconds, or
    writes more than `limit` bytes (it is killed then); a non-zero exit is the caller's to
    judge.
    """
    what = args[0] if args else "git"
    try:
        proc = subprocess.Popen(
            argv(*args),
            cwd=cwd,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(),
        )
    except FileNotFoundError as exc:
        if not Path(cwd).is_dir():
            raise GitError(f"cannot run git in {cwd}: {exc.strerror}") from None
        raise GitError("git is not installed") from None
    except OSError as exc:
        raise GitError(f"git {what} failed: {exc.strerror or exc}") from None
    assert proc.stdout is not None and proc.stderr is not None
    err = bytearray()
    why: list[str] = []

    def kill(reason: str) -> None:
        why.append(reason)
        with contextlib.suppress(OSError):
            proc.kill()

    def feed() -> None:
        assert proc.stdin is not None
        with contextlib.suppress(OSError):  # BrokenPipe: git stopped reading, it says why
            proc.stdin.write(stdin or b"")
        with contextlib.suppress(OSError):
            proc.stdin.close()

    def drain() -> None:
        assert proc.stderr is not None
        while chunk := proc.stderr.read(65536):
            if len(err) < _STDERR_KEPT:
                err.extend(chunk[: _STDERR_KEPT - len(err)])

    helpers = [threading.Thread(target=drain, daemon=True)]
    if stdin is not None:
        helpers.append(threading.Thread(target=feed, daemon=True))
    for t in helpers:
        t.start()
    timer = threading.Timer(timeout, kill, (f"took more than {timeout:g} s",))
    timer.daemon = True
    timer.start()
    out = bytearray()
    try:
        while chunk := os.read(proc.stdout.fileno(), 1 << 20):
            out.extend(chunk)
            if len(out) > limit:
                kill(f"wrote more than {limit // (1024 * 1024)} MB")
                break
    finally:
        timer.cancel()
        with contextlib.suppress(OSError):
            proc.stdout.close()
        code = proc.wait()
        for t in helpers:
            t.join(timeout=5)
        with contextlib.suppress(OSError):
            proc.stderr.close()
    if why:
        raise GitError(f"git {what} {why[0]}: stopped")
    return subprocess.CompletedProcess(proc.args, code, bytes(out), bytes(err))


def first_line(stderr: bytes, fallback: str) -> str:
    """The first line git wrote on stderr (for a one-line message), or `fallback`."""
    said = stderr.decode("utf-8", "replace").strip().splitlines()
    return said[0] if said else fallback


GITLINK = b"160000"
"""The mode of a submodule's entry in the index."""


def parse_stage(out: bytes) -> tuple[list[str], list[str]]:
    """`ls-files -z --stage` output: (the files' paths, the submodules' paths), each once.

    Paths are kept as goaldash keeps every path: undecodable bytes as surrogates
    (`surrogateescape`), so `os.fsencode` gives back the exact name."""
    files: dict[str, None] = {}
    links: dict[str, None] = {}
    for rec in out.split(b"\0"):
        meta, tab, raw = rec.partition(b"\t")
        if not tab or not raw:
            continue
        path = raw.decode("utf-8", "surrogateescape")
        (links if meta[:6] == GITLINK else files)[path] = None
    return list(files), list(links)
