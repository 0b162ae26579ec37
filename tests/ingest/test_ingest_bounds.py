"""Every input is read within its size, time and inflation budgets (issue 14), in-process.

The command-line versions, measured for time and memory, are in tests/cli/test_cli_hostile.py;
these check each mechanism on small inputs: the bounded reader (files, FIFOs, devices), the
stream-inflation check of PDFs, the watchdog deadline and the child-process sandbox.
"""

from __future__ import annotations

import io
import os
import random
import struct
import threading
import time
import zlib
from pathlib import Path

import pytest
from conftest import PDF_BACKENDS, make_pdf
from hostile_files import flate_bomb_pdf, pdf_bytes, small_docx, zip_bomb_docx

from skillgap.errors import DocumentError
from skillgap.ingest import read_document
from skillgap.ingest.guard import deadline, in_child
from skillgap.ingest.pdf import pdf_text
from skillgap.ingest.pdf_streams import check_streams
from skillgap.options import Limits, Options

MB = 1 << 20
SMALL = Limits(max_bytes=MB, max_seconds=2.0)  # unpacking budget: 5 MB


def _page_with_content(
    content: bytes, filters: bytes = b"/FlateDecode", extra: bytes = b""
) -> bytes:
    """A one-page PDF whose content stream is ``content``, compressed by ``filters``."""
    data = content
    for name in reversed(filters.split()):
        if name == b"/FlateDecode":
            data = zlib.compress(data, 9)
    dictionary = b"/Filter [" + filters + b"]" if b" " in filters else b"/Filter " + filters
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< " + dictionary + extra + b" /Length %d >>\nstream\n" % len(data)
            + data + b"\nendstream",
        ]
    )  # fmt: skip


# --- the stream-inflation check -----------------------------------------------------------------


BOMB = _page_with_content(b" " * (8 * MB))  # 8 MB of spaces in 8 kB


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("flate", BOMB),
        ("flate-twice", _page_with_content(b" " * (8 * MB), b"/FlateDecode /FlateDecode")),
        ("escaped-filter-name", BOMB.replace(b"/Filter", b"/Fil#74er")),
        ("indirect-filter", BOMB.replace(b"/Filter /FlateDecode", b"/Filter 9 0 R")),
        ("disguised-as-image", _page_with_content(b" " * (8 * MB), extra=b" /Subtype /Image")),
    ],
)
def test_streams_inflating_past_the_budget_are_refused(label: str, data: bytes) -> None:
    start = time.monotonic()
    with pytest.raises(DocumentError, match=r"bomb\.pdf: .*inflate to over 5 MB \(max_unpacked"):
        check_streams(data, "bomb.pdf", SMALL)
    assert time.monotonic() - start < 2


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("small-content", _page_with_content(b"BT /F1 12 Tf (Python) Tj ET\n" * 1000)),
        ("under-budget", _page_with_content(b" " * (4 * MB))),
        ("ordinary-pdf", make_pdf(3)),
    ],
)
def test_streams_within_the_budget_pass(label: str, data: bytes) -> None:
    assert check_streams(data, "fine.pdf", SMALL) is True


def test_a_bomb_at_the_end_of_a_large_stream_is_refused() -> None:
    """A stream is inflated in part only while its raw bytes left could not make it too big:
    deflated random bytes first, then a burst of spaces that inflates a thousandfold."""
    noise = random.Random(15).randbytes(MB)
    compressor = zlib.compressobj(9)
    stream = compressor.compress(noise) + compressor.compress(b" " * (8 * MB)) + compressor.flush()
    data = (
        _page_with_content(b"")
        .replace(zlib.compress(b"", 9) + b"\nendstream", stream + b"\nendstream")
        .replace(b"/Length %d" % len(zlib.compress(b"", 9)), b"/Length %d" % len(stream))
    )
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "tail.pdf", SMALL)
    honest = zlib.compress(noise, 9)
    fine = data.replace(stream, honest).replace(
        b"/Length %d" % len(stream), b"/Length %d" % len(honest)
    )
    assert check_streams(fine, "noise.pdf", SMALL) is True


@pytest.mark.parametrize("marker", [b"xendstreamx", b"1endstream", b"endstream(", b"%endstream"])
def test_a_bomb_behind_an_endstream_that_is_not_the_keyword_is_refused(marker: bytes) -> None:
    """With a wrong /Length, pdfium looks for the endstream keyword, with whitespace on both
    sides, and inflates all the data before it (checked: 256 MB of spaces, 555 MB of memory).
    The same letters inside the data, stored uncompressed, do not end the stream."""
    head = b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET\n% " + marker + b"\n"
    bomb = b" " * (8 * MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = compressor.compress(bomb) + compressor.flush()
    stored = b"\x00" + struct.pack("<HH", len(head), len(head) ^ 0xFFFF) + head
    stream = b"\x78\x01" + stored + body + struct.pack(">I", zlib.adler32(head + bomb))
    data = (
        _page_with_content(b"")
        .replace(zlib.compress(b"", 9) + b"\nendstream", stream + b"\nendstream")
        .replace(b"/Length %d" % len(zlib.compress(b"", 9)), b"/Length 3")
    )
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "framed.pdf", SMALL)


@pytest.mark.parametrize("type_", [b"/Type /ObjStm", b"/Type\x00/ObjStm", b"/Type%c\n/ObjStm"])
def test_a_page_inside_an_object_stream_is_seen_however_its_type_is_written(type_: bytes) -> None:
    """The page that draws the image as content is inside an object stream; the stream is
    inflated to find it whatever whitespace its /Type uses (NUL, a comment: pdfium's)."""
    image = zlib.compress(b" " * (8 * MB))
    objects = zlib.compress(b"3 0 << /Type /Page /Parent 2 0 R /Contents 5 0 R >>")
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"null",
            b"<< " + type_ + b" /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(objects) + objects + b"\nendstream",
            b"<< /Subtype /Image /Filter /FlateDecode /Length %d >>\nstream\n" % len(image)
            + image + b"\nendstream",
        ]
    )  # fmt: skip
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "objstm.pdf", SMALL)


@pytest.mark.parametrize(
    "filters",
    [
        b"/Filter\x00/FlateDecode",  # NUL is whitespace to pdfium
        b"/Filter %a comment\n/FlateDecode",  # so is a comment
        b"/DecodeParms << /Filter /DCTDecode >> /Filter /FlateDecode",  # a decoy image codec
    ],
)
def test_a_bomb_whose_filter_is_written_unusually_is_refused(filters: bytes) -> None:
    """pdfium inflates each of these (checked: 128 MB), which read as unfiltered or as an
    image to a pattern."""
    data = _page_with_content(b" " * (8 * MB)).replace(b"/Filter /FlateDecode", filters)
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "filter.pdf", SMALL)


def _bomb_behind_a_stored_endstream() -> bytes:
    """A zlib stream whose first block is stored as written ("% endstream" in plain text),
    then 8 MB of spaces: a check that ends the stream at that endstream never sees them."""
    head = b"BT /F1 24 Tf 72 700 Td (Hello) Tj ET\n% endstream\n"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = compressor.compress(b" " * (8 * MB)) + compressor.flush()
    stored = b"\x00" + struct.pack("<HH", len(head), len(head) ^ 0xFFFF) + head
    return b"\x78\x01" + stored + body + struct.pack(">I", zlib.adler32(head + b" " * (8 * MB)))


@pytest.mark.parametrize(
    "dictionary",
    [
        b"/DecodeParms << /Length 1 >> /Length %d /Filter /FlateDecode",  # a decoy comes first
        b"/Length\x00%d /Filter /FlateDecode",  # NUL is whitespace to pdfium
        b"/Length %%a comment\n%d /Filter /FlateDecode",  # so is a comment
    ],
)
def test_a_bomb_whose_length_is_written_unusually_is_refused(dictionary: bytes) -> None:
    """pdfium takes the stream's /Length bytes when endstream follows them (checked: 128 MB
    inflated in each case), past an endstream stored inside the data."""
    stream = _bomb_behind_a_stored_endstream()
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< " + dictionary % len(stream) + b" >>\nstream\n" + stream + b"\nendstream",
        ]
    )
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "length.pdf", SMALL)


def test_a_bomb_whose_indirect_length_has_a_decoy_is_refused() -> None:
    """pdfium finds the /Length object through the cross-reference table; a decoy "5 0 obj"
    written just after the stream must not shorten the bound to the endstream kept inside
    the data."""
    stream = _bomb_behind_a_stored_endstream()
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n" + stream
            + b"\nendstream\n% 5 0 obj 10 endobj",
            b"%d" % len(stream),
        ]
    )  # fmt: skip
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "indirect.pdf", SMALL)


def test_a_bomb_hidden_inside_another_streams_data_is_refused() -> None:
    """The cross-reference table may point into another stream's data, and pdfium then reads
    the object there (checked: 256 MB inflated from it). Its stream keyword counts, even
    where an endstream inside its own data ends the stream around it first."""
    stream = _bomb_behind_a_stored_endstream()
    hidden = b"5 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream)
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
            b"<< /Length 2 >>\nstream\nq\n" + hidden + stream + b"\nendstream\nendobj\nendstream",
            b"null",
        ]
    )
    entry = data.rindex(b"\nxref\n") + len(b"\nxref\n0 6\n") + 20 * 5  # object 5's offset
    data = data[:entry] + b"%010d" % data.index(hidden) + data[entry + 10 :]
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "hidden.pdf", SMALL)


def test_an_image_is_not_inflated_unless_a_page_draws_it_as_content() -> None:
    """Extracting text never decodes an image, so a large blank scan costs nothing."""
    image = zlib.compress(b"\xff" * (8 * MB))
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            b"<< /Length 26 >>\nstream\nq 612 0 0 792 0 0 cm /Im1 Do Q\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width 2048 /Height 1366 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(image)
            + image + b"\nendstream",
        ]
    )  # fmt: skip
    assert check_streams(data, "scan.pdf", SMALL) is True
    drawn_as_content = data.replace(b"/Contents 4 0 R", b"/Contents [4 0 R 5 0 R]")
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(drawn_as_content, "scan.pdf", SMALL)
    annotated = data.replace(b"/Resources", b"/Annots [<< /Contents (a note) >>] /Resources")
    assert check_streams(annotated, "scan.pdf", SMALL) is True  # an annotation's text


@pytest.mark.parametrize(
    "contents",
    [
        b"/Contents [4 0 R 5\x000 R]",  # NUL is whitespace to pdfium
        b"/Contents\x005 0 R",
        b"/Contents %a comment\n5 0 R",  # so is a comment
        b"/Contents [4 0 R 5 %a comment\n0 R]",
        b"/Cont#65nts [4 0 R 5 0 R]",
        b"/Contents\x0b5 0 R",  # and VT to pdfminer
    ],
)
def test_an_image_drawn_as_content_is_inflated_however_the_page_writes_it(contents: bytes) -> None:
    """pdfium reads these as the page's content (checked: it extracts text drawn in them), so
    the image they name gets no exemption; a pattern reading only plain spaces gave it one."""
    image = zlib.compress(b" " * (8 * MB))
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + contents + b" >>",
            b"<< /Length 2 >>\nstream\nq\nendstream",
            b"<< /Subtype /Image /Filter /FlateDecode /Length %d >>\nstream\n" % len(image)
            + image + b"\nendstream",
        ]
    )  # fmt: skip
    with pytest.raises(DocumentError, match="inflate to over"):
        check_streams(data, "drawn.pdf", SMALL)


def test_encrypted_streams_that_cannot_be_checked_are_read_in_a_child() -> None:
    data = BOMB.replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 9 0 R")
    assert check_streams(data, "locked.pdf", SMALL) is False


@pytest.mark.parametrize("backend", PDF_BACKENDS)
def test_a_flate_bomb_is_refused_by_both_backends(tmp_path: Path, backend: str) -> None:
    path = flate_bomb_pdf(tmp_path / "bomb.pdf", inflated=64 * MB)
    with pytest.raises(DocumentError, match="bomb.pdf: .*decompression bomb"):
        pdf_text(path.read_bytes(), "bomb.pdf", SMALL, backend=backend)


# --- DOCX -------------------------------------------------------------------------------------


def test_a_docx_whose_header_lies_is_read_as_what_it_declares(tmp_path: Path) -> None:
    path = zip_bomb_docx(tmp_path / "lying.docx", inflated=64 * MB)
    start = time.monotonic()
    document = read_document(path, Options(limits=SMALL))
    assert "Python, PostgreSQL" in document.text
    assert time.monotonic() - start < 5


def test_an_honest_docx_reads_the_same_through_the_bounded_copy(tmp_path: Path) -> None:
    path = small_docx(tmp_path / "cv.docx", ["Backend engineer", "Skills: Go, Kafka"])
    assert read_document(path).text == "Backend engineer\nSkills: Go, Kafka"


# --- the bounded reader -----------------------------------------------------------------------


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(DocumentError, match="/dev/zero: is a device"):
        read_document(Path("/dev/zero"))


def test_a_fifo_with_no_writer_is_refused_at_the_time_limit(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cv.txt")
    start = time.monotonic()
    with pytest.raises(DocumentError, match=r"cv\.txt: no data arrived within 0\.5 s"):
        read_document(tmp_path / "cv.txt", Options(limits=Limits(max_seconds=0.5)))
    assert time.monotonic() - start < 3


def test_a_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text("Skills: Python\n", encoding="utf-8"))
    writer.start()
    assert read_document(fifo).text == "Skills: Python"
    writer.join(5)


def test_a_fifo_that_sends_too_much_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)

    def flood() -> None:
        try:
            with fifo.open("wb") as out:
                out.write(b"x" * (3 * MB))
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=flood)
    writer.start()
    with pytest.raises(DocumentError, match=r"over the 1 MB limit \(max_bytes\)"):
        read_document(fifo, Options(limits=SMALL))
    writer.join(5)


@pytest.mark.parametrize("name", ["no-such.txt", "no-such", "a-file.txt/inside"])
def test_a_path_that_names_no_file_says_so(tmp_path: Path, name: str) -> None:
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / name)


def test_standard_input_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = type("Stdin", (), {"buffer": io.BytesIO(b"x" * (MB + 10))})()
    monkeypatch.setattr("sys.stdin", stdin)
    with pytest.raises(DocumentError, match=r"<stdin>: input is over the 1 MB limit"):
        read_document("-", Options(limits=SMALL))


# --- the watchdog and the child sandbox ------------------------------------------------------


def _spin() -> None:
    while True:
        pass


def test_the_deadline_stops_a_pure_python_loop() -> None:
    start = time.monotonic()
    with pytest.raises(TimeoutError), deadline(0.3, lambda: TimeoutError("late")):
        _spin()
    assert time.monotonic() - start < 2


def test_a_block_that_ends_in_time_is_not_interrupted_later() -> None:
    with deadline(0.2, lambda: TimeoutError("late")):
        pass
    time.sleep(0.4)  # an Expired left pending would be raised here


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
@pytest.mark.parametrize(
    ("function", "reason"),
    [(lambda: bytearray(512 * MB), "memory"), (_spin, "time")],
    ids=["memory", "time"],
)
def test_the_child_sandbox_bounds_memory_and_time(function, reason: str) -> None:  # noqa: ANN001
    def failed(why: str) -> RuntimeError:
        return RuntimeError(why)

    with pytest.raises(RuntimeError, match=reason):
        in_child(function, (), seconds=1.0, memory=64 * MB, failed=failed)


def test_the_child_sandbox_returns_the_result_and_raises_the_error() -> None:
    def failed(why: str) -> RuntimeError:
        return RuntimeError(why)

    assert in_child(struct.pack, (">I", 7), seconds=5, memory=64 * MB, failed=failed) == b"\0\0\0\7"
    with pytest.raises(DocumentError, match="from the child"):
        in_child(_raise, (), seconds=5, memory=64 * MB, failed=failed)


def _raise() -> None:
    raise DocumentError("from the child")
