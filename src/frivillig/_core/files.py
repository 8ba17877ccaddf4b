"""Writing files whole or not at all, and never over the input being read.

Every file frivillig writes goes through ``replacing_text`` or ``replacing_binary``:
the content is written to a temporary file in the destination's folder, flushed to the
disk (``fsync``) and then moved over the destination with ``os.replace``, which is
atomic. A failure, an interrupt (``KeyboardInterrupt``) or a killed process therefore
leaves either the old file or the new one, never a part of either, and the temporary
file is removed on any failure.

On Linux the temporary file is anonymous (``O_TMPFILE``): it has no name until it is
complete, so not even ``kill -9`` leaves one behind. Elsewhere, or on a file system
without ``O_TMPFILE``, it is a hidden file named ``.NAME.RANDOM.tmp`` beside the
destination (ending in ``.tmp``, so that a reader of ``*.json`` never takes it for a
document).

A new file gets the mode ``open()`` would give it (``0o666`` less the umask, applied by
the system, so the umask is never read or changed); a file replaced keeps its permission
bits, and its owner and group where the system allows (as root, or a group one is in).
A symbolic link is written through, like ``open()`` does: its target is replaced and the
link stays. A destination that is not a regular file (a FIFO, ``/dev/stdout``,
``/dev/null``) cannot be replaced, so it is written to directly.
"""

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

__all__ = ["overwrites", "replacing_binary", "replacing_text"]

PathLike = str | os.PathLike[str]

_NEW_FILE_MODE = 0o666
_NAME_LENGTH = 200  # of the destination's name kept in a temporary file's name
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_TMPFILE = getattr(os, "O_TMPFILE", 0)

_ANONYMOUS = bool(_TMPFILE) and os.path.isdir("/proc/self/fd")
"""Whether to try an anonymous temporary file (Linux): linked into the folder once written."""


def _same(first: PathLike, second: PathLike) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()


def overwrites(output: PathLike, source: PathLike | None, pattern: str = "*.json") -> bool:
    """Whether writing ``output`` would replace the input ``source`` while it is read.

    True when ``output`` is ``source`` itself (under any name: a symbolic or hard link,
    another spelling of the path), or a document of the folder ``source`` that its
    reader reads: an existing entry of the folder whose name matches ``pattern``.
    """
    if source is None or not os.path.lexists(output):
        return False
    if _same(output, source):
        return True
    if not os.path.isdir(source):
        return False
    for written in (Path(os.path.abspath(output)), Path(os.path.realpath(output))):
        if written.match(pattern) and _same(written.parent, source):
            return True
    return False


_SYSTEM_FOLDERS = ("/dev/", "/proc/")
"""Where a file that exists is written in place: ``/dev/stdout`` and ``/dev/fd/1`` name
whatever the standard output is (a terminal, a pipe, a file the shell opened)."""


def _destination(path: PathLike) -> tuple[str, os.stat_result | None, bool]:
    """Where to write ``path``, and how.

    Returns:
        The file to replace (a link's target), its status (``None`` when it is new),
        and whether it must be written in place instead.
    """
    target = os.fspath(path)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is None:
        return os.path.realpath(target) if os.path.islink(target) else target, None, False
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", target)
    if not stat.S_ISREG(info.st_mode) or os.path.abspath(target).startswith(_SYSTEM_FOLDERS):
        # A FIFO, a device or the standard output cannot be replaced: written in place,
        # by the name given, as open() would.
        return target, info, True
    if os.path.islink(target):
        target = os.path.realpath(target)
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
    return target, info, False


def _open_folder(folder: str) -> int | None:
    try:
        return os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError:  # a system that cannot open folders (Windows), or no such folder
        return None


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    """Give the new file the permission bits of the one it replaces, and its owner if allowed."""
    if os.chmod in os.supports_fd:
        os.chmod(fd, stat.S_IMODE(info.st_mode) & 0o777)
    if hasattr(os, "fchown"):
        for owner in ((info.st_uid, info.st_gid), (-1, info.st_gid)):
            try:
                os.fchown(fd, *owner)
            except OSError:  # only root may give a file away; a group, its members
                continue
            break


class _Replacement:
    """A temporary file beside ``path``; ``commit`` moves it over ``path``, ``close`` ends it."""

    def __init__(self, path: PathLike) -> None:
        self.target, info, self.in_place = _destination(path)
        folder, base = os.path.split(self.target)
        self.folder = folder or os.curdir
        self.base = base[:_NAME_LENGTH]
        self.name: str | None = None  # the temporary file's name in the folder, once it has one
        self.folder_fd: int | None = None
        self.fd = -1
        try:
            if self.in_place:
                # A FIFO or a device cannot be replaced; write to it as open() would.
                self.fd = os.open(self.target, os.O_WRONLY | os.O_TRUNC | _CLOEXEC | _BINARY)
                return
            self.folder_fd = _open_folder(self.folder)
            if _ANONYMOUS and self.folder_fd is not None:
                self.fd = self._anonymous()
            if self.fd < 0:
                self.fd, self.name = self._named()
            if info is not None:
                _keep_owner_and_mode(self.fd, info)
        except BaseException:
            self.close()
            raise

    def _anonymous(self) -> int:
        try:
            return os.open(self.folder, _TMPFILE | os.O_RDWR | _CLOEXEC, _NEW_FILE_MODE)
        except OSError:  # no O_TMPFILE on this file system: a named temporary file instead
            return -1

    def _named(self) -> tuple[int, str]:
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY
        while True:
            name = f".{self.base}.{secrets.token_hex(4)}.tmp"
            try:
                fd = os.open(os.path.join(self.folder, name), flags, _NEW_FILE_MODE)
            except FileExistsError:  # pragma: no cover - 32 random bits taken already
                continue
            except OSError as error:
                # Name the file asked for, not the temporary one.
                raise OSError(error.errno, error.strerror, self.target) from None
            return fd, name

    def commit(self) -> None:
        """Make the written content durable and move it over the destination."""
        if self.in_place:
            return
        os.fsync(self.fd)
        name = self.name if self.name is not None else self._link()
        os.replace(os.path.join(self.folder, name), self.target)
        self.name = None
        if self.folder_fd is not None:
            # Make the new name durable too; a file system that cannot still has the file.
            with contextlib.suppress(OSError):
                os.fsync(self.folder_fd)

    def _link(self) -> str:
        """Give the anonymous file a name in its folder, or copy it to a named one."""
        name = f".{self.base}.{secrets.token_hex(4)}.tmp"
        try:
            os.link(
                f"/proc/self/fd/{self.fd}", name, dst_dir_fd=self.folder_fd, follow_symlinks=True
            )
        except OSError:
            # No /proc, or a system that refuses the link: copy to a named file instead.
            anonymous, self.fd = self.fd, -1
            try:
                self.fd, self.name = fd, name = self._named()
                _copy(anonymous, fd)
                os.fsync(fd)
            finally:
                os.close(anonymous)
            return name
        self.name = name
        return name

    def close(self) -> None:
        """Close the file and the folder, and remove a temporary file not moved into place."""
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1
        if self.name is not None:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(self.folder, self.name))
            self.name = None
        if self.folder_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.folder_fd)
            self.folder_fd = None


def _copy(source: int, target: int) -> None:
    os.lseek(source, 0, os.SEEK_SET)
    while chunk := os.read(source, 1 << 20):
        view = memoryview(chunk)
        while view:
            view = view[os.write(target, view) :]


@contextlib.contextmanager
def replacing_text(path: PathLike, *, newline: str | None = "\n") -> Iterator[TextIO]:
    r"""Write UTF-8 text to ``path`` whole or not at all; see the module.

    Args:
        path: The file to write; its folder must exist.
        newline: How to write line endings, as ``open()`` takes it: ``"\n"`` (the
            default) writes ``\n`` on every system, ``""`` writes what is given.

    Yields:
        A text file to write to. The destination is replaced when the ``with`` block
        ends without an exception; after one, it is left as it was.

    Raises:
        OSError: the file cannot be written (no such folder, no permission, no space),
            ``path`` is a folder, or the destination exists and is read-only.
    """
    replacement = _Replacement(path)
    try:
        with open(replacement.fd, "w", encoding="utf-8", newline=newline, closefd=False) as handle:
            yield handle
        replacement.commit()
    finally:
        replacement.close()


@contextlib.contextmanager
def replacing_binary(path: PathLike) -> Iterator[BinaryIO]:
    """Write bytes to ``path`` whole or not at all; see ``replacing_text``.

    Yields:
        A binary file to write to; the destination is replaced when the block ends well.

    Raises:
        OSError: as ``replacing_text``.
    """
    replacement = _Replacement(path)
    try:
        with open(replacement.fd, "wb", closefd=False) as handle:
            yield handle
        replacement.commit()
    finally:
        replacement.close()
