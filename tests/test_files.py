"""skillgap.files: the one writer of every output, and how file names are shown."""

from __future__ import annotations

import os
import resource
import signal
import stat
import threading
from pathlib import Path

import pytest

from skillgap.errors import SkillgapError
from skillgap.files import display_name, write_output


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("cv.pdf", "cv.pdf"),
        ("résumé.pdf", "résumé.pdf"),
        (os.fsdecode(b"r\xe9sum\xe9.txt"), "r\\xe9sum\\xe9.txt"),  # Latin-1 bytes on disk
        ("cv\u202etxt.exe", "cvtxt.exe"),  # a right-to-left override would show "cvexe.txt"
        ("\u2067report\u2069.pdf", "report.pdf"),
    ],
)
def test_display_name_is_valid_utf8_without_bidi_controls(name: str, shown: str) -> None:
    assert display_name(name) == shown
    display_name(name).encode("utf-8")  # never raises


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_output(tmp_path / "out.json", "{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o666 & ~umask


def test_a_replaced_output_keeps_its_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_output(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["report.md"]


def test_a_symlinked_output_keeps_its_link(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    write_output(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_fifo_output_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "through the pipe\n")
    reader.join(5)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "is a folder"),
        (lambda path: None, "cannot write output"),  # its folder does not exist
    ],
    ids=["folder", "missing-folder"],
)
def test_an_output_that_cannot_be_written_is_one_clear_error(
    tmp_path: Path, make: object, message: str
) -> None:
    target = tmp_path / "out" if message == "is a folder" else tmp_path / "no" / "out"
    make(target)  # type: ignore[operator]
    with pytest.raises(SkillgapError, match=message) as caught:
        write_output(target, "x")
    assert "out" in str(caught.value)
    assert not [path for path in tmp_path.rglob("*.tmp")]


def test_a_full_disk_leaves_the_old_output_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, old_limit[1]))
    try:
        with pytest.raises(SkillgapError, match="cannot write output"):
            write_output(target, "x" * 1000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_text_with_a_lone_surrogate_is_written_as_valid_utf8(tmp_path: Path) -> None:
    write_output(tmp_path / "out.txt", "file r\udce9sum\udce9.txt\n")
    (tmp_path / "out.txt").read_bytes().decode("utf-8")
