"""A file's identity beyond its bytes: owner, group, every mode bit, extended attributes.

A tick that writes a new file and renames it over the old one must give the new file all of
that, or the user finds a setgid bit gone, an ACL dropped (`setfacl` entries live in the
`system.posix_acl_access` attribute) or a label lost. When any of it cannot be copied (not
root, a protected attribute), the caller patches the old file in place instead, which keeps
everything.

This module is core: it must not import Textual.
"""

from __future__ import annotations

import os
import stat


def _xattrs(fd: int) -> dict[str, bytes] | None:
    """Every extended attribute of the open file; None when the system has none to list."""
    listxattr = getattr(os, "listxattr", None)
    if listxattr is None:
        return None
    try:
        names = listxattr(fd)
    except OSError:
        return None
    out: dict[str, bytes] = {}
    for name in names:
        try:
            out[name] = os.getxattr(fd, name)
        except OSError:
            continue  # gone meanwhile
    return out


def copy_identity(src_fd: int, src: os.stat_result, dst_fd: int) -> str | None:
    """Give the file open as `dst_fd` the owner, group, mode and extended attributes of the
    file open as `src_fd` (whose `fstat` is `src`). Returns None when all of it holds
    afterwards, else what could not be kept (the caller then does not use the copy)."""
    now = os.fstat(dst_fd)
    if (now.st_uid, now.st_gid) != (src.st_uid, src.st_gid):
        try:
            os.fchown(dst_fd, src.st_uid, src.st_gid)
        except OSError:
            return "its owner and group"
    attrs = _xattrs(src_fd)
    if attrs is not None:
        # The copy may have been given attributes of its own (a folder's default ACL).
        for name in set(_xattrs(dst_fd) or ()) - set(attrs):
            try:
                os.removexattr(dst_fd, name)
            except OSError:
                return f"its extended attributes (the copy got {name})"
        for name, value in attrs.items():
            try:
                os.setxattr(dst_fd, name, value)
            except OSError:
                return f"its extended attribute {name}"
    # Last: a change of owner clears the setuid and setgid bits, and an ACL sets the group
    # bits; the mode written now is the one that stays.
    mode = stat.S_IMODE(src.st_mode)
    try:
        os.fchmod(dst_fd, mode)
    except OSError:
        return "its mode"
    after = os.fstat(dst_fd)
    if (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) != (src.st_uid, src.st_gid, mode):
        return "its owner, group and mode"
    if attrs is not None and _xattrs(dst_fd) != attrs:
        return "its extended attributes"
    return None
