"""File names and output files: one safe writer for every report, ranking and journal.

A pipeline points ``--output`` at whatever it has: a new file, an old report, a symlink, a
FIFO another process reads, ``/dev/stdout``. So the writer

- replaces a regular file atomically (a reader never sees half a report), through a symlink
  without replacing the link, with the mode the umask gives (or the old file's mode);
- writes straight through a FIFO or a character device instead of renaming a file over it,
  and refuses folders, disks and sockets with a message that says what to give instead;
- removes its temporary file on every failure, a full disk or Ctrl-C included;
- encodes any text it is given (lone surrogates too) as valid UTF-8.

File names that are not UTF-8 reach Python as lone surrogates; :func:`display_name` is how
such a name is shown in a report or message, while the original ``str`` stays the one used
for I/O.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import time
from pathlib import Path
from typing import BinaryIO

from skillgap.errors import SkillgapError
from skillgap.patterns import strip_bidi

FIFO_WAIT_SECONDS = 10.0  # how long a FIFO output may wait for a process to read it


def display_name(name: str | os.PathLike[str]) -> str:
    """A file name as reports show it: valid UTF-8, undecodable bytes as ``\\xe9``, no bidi
    controls (which could make ``cv\u202etxt.exe`` read as ``cvexe.txt``)."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return strip_bidi(shown)


def encode(content: str) -> bytes:
    """UTF-8 bytes of any text: a stray lone surrogate becomes ``\\udcXX`` rather than an error."""
    return content.encode("utf-8", "backslashreplace")


def write_output(path: str | os.PathLike[str], content: str) -> None:
    """Write ``content`` to ``path`` as the module docstring describes, or raise one
    :class:`SkillgapError` that names the output."""
    target = Path(path)
    data = encode(content)
    try:
        existing = os.stat(target)  # follows symlinks: the kind of file that is written
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise _cannot_write(target, error) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(target, existing.st_mode, data)
        return
    _replace_atomically(target, data, existing)


def write_atomic(path: Path, content: str) -> None:
    """Kept for callers of the old name; see :func:`write_output`."""
    write_output(path, content)


def open_append(path: str | os.PathLike[str]) -> BinaryIO:
    """An existing journal opened for appending rows; errors name the file."""
    try:
        return open(path, "ab", buffering=0)  # noqa: SIM115 - the caller closes it
    except OSError as error:
        raise _cannot_write(Path(path), error) from None


def append(stream: BinaryIO, path: str | os.PathLike[str], content: str) -> None:
    """Append to a journal opened by :func:`open_append`; a full disk is one clear error."""
    try:
        _write_all(stream.fileno(), encode(content))  # a short write (a full disk) goes on
    except OSError as error:
        raise _cannot_write(Path(path), error) from None


def is_regular_or_new(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (links followed) is a regular file or does not exist yet."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _cannot_write(path: Path, error: OSError) -> SkillgapError:
    reason = error.strerror or type(error).__name__
    return SkillgapError(f"{display_name(path)}: cannot write output ({reason})")


def _refuse(path: Path, mode: int) -> SkillgapError:
    if stat.S_ISDIR(mode):
        what = "is a folder; give a file name for the output"
    elif stat.S_ISBLK(mode):
        what = "is a disk device; give a file name for the output"
    else:
        what = "is a socket or other special file; give a file name for the output"
    return SkillgapError(f"{display_name(path)}: {what}")


def _write_through(path: Path, mode: int, data: bytes) -> None:
    """Write into a FIFO or character device (``/dev/stdout``, a terminal, a named pipe)."""
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise _refuse(path, mode)
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fifo = stat.S_ISFIFO(mode)
        fd = _open_fifo_for_writing(path, flags) if fifo else os.open(path, flags)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _open_fifo_for_writing(path: Path, flags: int) -> int:
    """Open a FIFO without blocking forever: wait up to FIFO_WAIT_SECONDS for a reader."""
    deadline = time.monotonic() + FIFO_WAIT_SECONDS
    while True:
        try:
            fd = os.open(path, flags | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: no process has it open for reading yet
                raise
            if time.monotonic() > deadline:
                raise SkillgapError(
                    f"{display_name(path)}: no process is reading this FIFO "
                    f"(waited {FIFO_WAIT_SECONDS:g} s); start the reader first"
                ) from None
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)
        return fd


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _replace_atomically(path: Path, data: bytes, existing: os.stat_result | None) -> None:
    """Write a temporary file beside the target (a symlink's target), then rename it over."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    directory = target.parent if str(target.parent) else Path(".")
    temp = None
    fd = -1
    try:
        fd, temp = _create_temp(directory, target.name)
        if existing is not None:  # keep the mode of the report being replaced
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))
        _write_all(fd, data)
        os.close(fd)
        fd = -1
        os.replace(temp, target)
        temp = None
    except OSError as error:
        raise _cannot_write(path, error) from None
    finally:  # any failure, KeyboardInterrupt included: leave nothing behind
        if fd >= 0:
            os.close(fd)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _create_temp(directory: Path, name: str) -> tuple[int, Path]:
    """A new file beside the output, mode 0666 minus the umask (unlike mkstemp's 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = directory / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {directory / name}")


def check_output(path: str | os.PathLike[str]) -> None:
    """Refuse, before any work, an output that :func:`write_output` would refuse."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # new, or unreachable: writing says what is wrong
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise _refuse(Path(path), mode)
