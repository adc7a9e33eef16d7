"""A tick keeps the file's identity: owner, group, every mode bit, extended attributes, ACLs."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from goaldash.edit import set_item_state

PLAN = b"# Plan\n\n- [ ] first\n- [x] second\n"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def _xattrs_work(path: Path) -> bool:
    try:
        os.setxattr(path, "user.goaldash_probe", b"1")
        os.removexattr(path, "user.goaldash_probe")
    except (OSError, AttributeError):
        return False
    return True


def _acl(*entries: tuple[int, int, int]) -> bytes:
    """A POSIX ACL as the kernel stores it in `system.posix_acl_access` (version 2)."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


USER_OBJ, USER, GROUP_OBJ, MASK, OTHER = 0x01, 0x02, 0x04, 0x10, 0x20
UNDEFINED = 0xFFFFFFFF


@pytest.mark.parametrize("mode", [0o6755, 0o2775, 0o4700, 0o1644])
def test_every_mode_bit_is_kept(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    os.chmod(path, mode)
    set_item_state(path, 3, None)
    assert path.read_bytes() == PLAN.replace(b"- [ ] first", b"- [x] first")
    assert os.stat(path).st_mode & 0o7777 == mode


def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    if not _xattrs_work(path):
        pytest.skip("no user extended attributes on this file system")
    os.setxattr(path, "user.goaldash_test", b"keep me")
    os.setxattr(path, "user.other", b"\x00\xff binary")
    set_item_state(path, 3, None)
    assert os.getxattr(path, "user.goaldash_test") == b"keep me"
    assert os.getxattr(path, "user.other") == b"\x00\xff binary"
    assert sorted(os.listxattr(path)) == ["user.goaldash_test", "user.other"]


def test_an_acl_is_kept_with_the_mode_it_implies(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    os.chmod(path, 0o644)
    acl = _acl(
        (USER_OBJ, 6, UNDEFINED),
        (USER, 6, NOBODY),
        (GROUP_OBJ, 4, UNDEFINED),
        (MASK, 6, UNDEFINED),
        (OTHER, 4, UNDEFINED),
    )
    try:
        os.setxattr(path, "system.posix_acl_access", acl)
    except OSError:
        pytest.skip("no POSIX ACLs on this file system")
    before = os.stat(path).st_mode & 0o7777  # the mask shows as the group bits: 0o664
    set_item_state(path, 3, None)
    assert os.getxattr(path, "system.posix_acl_access") == acl
    assert os.stat(path).st_mode & 0o7777 == before


def test_a_folders_default_acl_is_not_given_to_the_file(tmp_path: Path) -> None:
    """The copy is made in the folder, whose default ACL it inherits: the file had none."""
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    os.chmod(path, 0o600)
    default = _acl(
        (USER_OBJ, 7, UNDEFINED),
        (USER, 7, NOBODY),
        (GROUP_OBJ, 5, UNDEFINED),
        (MASK, 7, UNDEFINED),
        (OTHER, 5, UNDEFINED),
    )
    try:
        os.setxattr(tmp_path, "system.posix_acl_default", default)
    except OSError:
        pytest.skip("no POSIX ACLs on this file system")
    set_item_state(path, 3, None)
    assert "system.posix_acl_access" not in os.listxattr(path)
    assert os.stat(path).st_mode & 0o7777 == 0o600


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
@pytest.mark.parametrize("mode", [0o6775, 0o640])
def test_another_users_file_ticked_by_root_keeps_owner_and_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    os.chown(path, NOBODY, NOBODY)
    os.chmod(path, mode)
    set_item_state(path, 3, None)
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (NOBODY, NOBODY, mode)
    assert path.read_bytes() == PLAN.replace(b"- [ ] first", b"- [x] first")


@pytest.mark.skipif(not ROOT, reason="needs a group other than the folder's")
def test_a_setgid_folder_does_not_change_the_files_group(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chown(folder, 0, NOBODY)
    os.chmod(folder, 0o2775)
    path = folder / "plan.md"
    path.write_bytes(PLAN)
    os.chown(path, 0, 0)
    set_item_state(path, 3, None)
    assert os.stat(path).st_gid == 0


def test_a_copy_that_cannot_keep_the_identity_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When something cannot be copied (here: an attribute refused), the file is patched in
    place instead, which keeps everything, inode included."""
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN)
    inode = os.stat(path).st_ino
    import goaldash.edit.commit as commit

    monkeypatch.setattr(commit, "copy_identity", lambda *args: "its extended attribute x")
    set_item_state(path, 3, None)
    assert os.stat(path).st_ino == inode
    assert path.read_bytes() == PLAN.replace(b"- [ ] first", b"- [x] first")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]
