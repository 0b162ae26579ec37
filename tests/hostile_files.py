"""Generators of hostile inputs for tests/test_hostile_pipeline.py (issue 14).

Every file is built inside the test's tmp_path at run time; nothing large is kept in git and
nothing large is held in memory: the bombs are written as repeated compressed blocks, so a
2 GB payload costs a few megabytes and milliseconds to make.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from conftest import CORPUS, pdf_bytes

GIB = 1 << 30

# --- PDF objects --------------------------------------------------------------------------------


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


# --- item 1: bit-flipped corpus PDFs that pdfminer's layout analysis cannot survive ------------


@dataclass(frozen=True)
class Flipped:
    """A corpus PDF with a few bytes changed: found by a seeded search, reduced by hand."""

    source: str  # under shared/corpus
    sha256: str  # of the untouched source, so a changed corpus skips instead of lying
    flips: tuple[tuple[int, int], ...]  # (byte offset, new byte value)
    effect: str


# Found offline by seeded random flips (1-64 random bytes, as tests/test_fuzz.py mutates) of the
# corpus PDFs, pdfminer backend, under a 1 GB address-space cap; then reduced one flip at a time
# to the flips that still do it. Stock pdfminer (extract_text) reads both in under a second.
FLIPPED = {
    # Seed 39. Two flips inside the Flate content stream of object 3: it fails its checksum,
    # pdfminer inflates it "as corrupted", and text runs land at coordinates in the hundreds of
    # millions. skillgap hands pdfminer a layout container as large as those runs, and its
    # spatial index (a dict of 50 x 50 pt cells) grows without bound: 1 GB in 6 s.
    "memory": Flipped(
        "resumes/pdf/best-resume-ever_side-bar.pdf",
        "f259ecbdcb99f42eae67e01c9b2e1bde69c1aa385c44313cb5edea183f5ed8b7",
        ((81105, 195), (81222, 246)),
        "layout analysis grows to gigabytes",
    ),
    # Seed 18. One flip inside a content stream; pdfminer's text-box grouping over the
    # resulting region then runs for minutes at 60 MB, and no deadline check is reached.
    "time": Flipped(
        "resumes/pdf/awesome-cv_cv.pdf",
        "9864b4b9afbb3f5e6e87dadff68383abca9909352c53912d0de51967fcf0f9a4",
        ((16097, 229),),
        "layout analysis runs far past max_seconds",
    ),
}


def bitflipped_pdf(folder: Path, case: str) -> Path | None:
    """The corpus PDF of ``FLIPPED[case]`` with its flips, or None if that file is absent/other."""
    flipped = FLIPPED[case]
    source = CORPUS / flipped.source
    if not source.is_file():
        return None
    data = bytearray(source.read_bytes())
    if hashlib.sha256(data).hexdigest() != flipped.sha256:
        return None
    for offset, value in flipped.flips:
        data[offset] = value
    path = folder / f"bit-flipped-{case}.pdf"
    path.write_bytes(bytes(data))
    return path


# --- item 4: decompression bombs ---------------------------------------------------------------

_BLOCK_INPUT = 1 << 24  # 16 MiB of one byte value per repeated deflate block


def _deflate_blocks(prefix: bytes, fill: int, size: int) -> tuple[bytes, bytes, int, bytes]:
    """Raw deflate pieces for ``prefix`` then ``fill`` repeated up to ``size`` bytes in all.

    Returns (head, block, count, tail): head + block * count + tail is one raw deflate stream.
    After a full flush the compressor has no history, so compressing the same 16 MiB again
    gives the same bytes: the block is made once and written ``count`` times.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    chunk = bytes([fill]) * _BLOCK_INPUT
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    count = max(1, (size - len(prefix)) // _BLOCK_INPUT)
    return head, block, count, tail


def _adler32_of_run(adler: int, fill: int, count: int) -> int:
    """zlib's Adler-32 continued over ``count`` bytes that all equal ``fill`` (closed form)."""
    modulus = 65521
    a, b = adler & 0xFFFF, adler >> 16
    b = (b + count * a + fill * (count * (count + 1) // 2)) % modulus
    a = (a + count * fill) % modulus
    return (b << 16) | a


def _write_deflate(out, head: bytes, block: bytes, count: int, tail: bytes) -> int:  # noqa: ANN001
    written = out.write(head)
    for _ in range(count):
        written += out.write(block)
    return written + out.write(tail)


def flate_bomb_pdf(path: Path, inflated: int = 2 * GIB) -> Path:
    """A one-page PDF (about 2 MB) whose Flate content stream inflates to ``inflated`` bytes.

    The content is spaces (PDF white space), so a reader has to inflate and scan all of it to
    find that the page says nothing; the zlib checksum is right, the stream is well formed.
    """
    head, block, count, tail = _deflate_blocks(b"", ord(" "), inflated)
    adler = _adler32_of_run(1, ord(" "), count * _BLOCK_INPUT)
    length = 2 + len(head) + len(block) * count + len(tail) + 4
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    ]
    prefix = pdf_bytes([*objects, b"PLACEHOLDER"]).split(b"4 0 obj\n")[0]
    with path.open("wb") as out:
        out.write(prefix)
        offset = out.tell()
        out.write(b"4 0 obj\n<< /Filter /FlateDecode /Length %d >>\nstream\n" % length)
        out.write(b"\x78\xda")  # zlib header: deflate, 32 KiB window, best compression
        _write_deflate(out, head, block, count, tail)
        out.write(struct.pack(">I", adler))
        out.write(b"\nendstream\nendobj\n")
        xref = out.tell()
        offsets = [prefix.index(b"%d 0 obj" % n) for n in (1, 2, 3)] + [offset]
        out.write(b"xref\n0 5\n0000000000 65535 f \n")
        out.write(b"".join(b"%010d 00000 n \n" % at for at in offsets))
        out.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return path


_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_document_xml(paragraphs: list[str]) -> bytes:
    """A minimal ``word/document.xml`` with one paragraph per string."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def zip_bomb_docx(path: Path, inflated: int = 2 * GIB, declared: int = 1000) -> Path:
    """A DOCX whose ``word/document.xml`` declares ``declared`` bytes but inflates to ``inflated``.

    The first ``declared`` bytes are a complete, valid document (CRC-32 over them is right), so
    a reader that trusts the header sees a small good résumé; the rest is spaces, which XML
    allows after the root element. Both the local header and the central directory lie.
    """
    document = docx_document_xml(["Backend engineer", "Skills: Python, PostgreSQL, Docker"])
    document = document.ljust(declared, b" ")[:declared]
    head, block, count, tail = _deflate_blocks(document, ord(" "), inflated)
    members: list[tuple[bytes, bytes | None, int, int]] = [
        (b"[Content_Types].xml", _DOCX_TYPES, 0, 0),
        (b"_rels/.rels", _DOCX_RELS, 0, 0),
        (b"word/document.xml", None, zlib.crc32(document), declared),
    ]
    central = io.BytesIO()
    with path.open("wb") as out:
        for name, data, crc, size in members:
            offset = out.tell()
            if data is not None:
                packed = zlib.compressobj(9, zlib.DEFLATED, -15)
                raw = packed.compress(data) + packed.flush()
                crc, size, compressed = zlib.crc32(data), len(data), len(raw)
            else:
                raw = None
                compressed = len(head) + len(block) * count + len(tail)
            header = struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, compressed, size, len(name), 0
            )
            out.write(header + name)
            if raw is not None:
                out.write(raw)
            else:
                _write_deflate(out, head, block, count, tail)
            central.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    crc,
                    compressed,
                    size,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )  # fmt: skip
                + name
            )
        start = out.tell()
        out.write(central.getvalue())
        out.write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                len(members),
                len(members),
                len(central.getvalue()),
                start,
                0,
            )  # fmt: skip
        )
    return path


def small_docx(path: Path, paragraphs: list[str]) -> Path:
    """An honest DOCX with the same parts as :func:`zip_bomb_docx` (the control case)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", docx_document_xml(paragraphs))
    return path


# --- item 8: a PDF whose glyphs have no Unicode meaning ------------------------------------------


def _subset_codes(text: str) -> dict[str, int]:
    """Codes as a subsetting tool hands them out: in order of first use, from '!' (33) up."""
    codes: dict[str, int] = {" ": 32}
    for char in text:
        if char not in codes:
            codes[char] = 33 + len(codes) - 1
    return codes


def unmapped_glyph_pdf(path: Path, lines: list[str]) -> Path:
    """A résumé page drawn with a Type3 font whose glyph names mean nothing and no ToUnicode.

    This is what a font subset with a custom encoding looks like to a text extractor: the
    page shows ``lines`` to a reader, but the only thing in the file is glyph codes handed out
    in order of first use, so pdfium reads them back as ``!"#$ %&'...`` and pdfminer as
    ``(cid:N)``. No extractor can recover the words without OCR.
    """
    codes = _subset_codes("".join(lines))
    names = {code: (b"/space" if char == " " else b"/g%d" % code) for char, code in codes.items()}
    first, last = min(codes.values()), max(codes.values())
    differences = b" ".join(b"%d %s" % (code, names[code]) for code in sorted(names))
    procs = b" ".join(b"%s 6 0 R" % name for name in sorted(set(names.values())))
    widths = b" ".join(b"600" for _ in range(first, last + 1))
    content = io.BytesIO()
    content.write(b"BT /F1 11 Tf 14 TL 56 780 Td\n")
    for line in lines:
        encoded = bytes(codes[char] for char in line)
        escaped = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content.write(b"(" + escaped + b") Tj T*\n")
    content.write(b"ET\n")
    glyph = b"600 0 50 0 550 700 d1 50 0 500 700 re f"  # every glyph is a filled box
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(b"", content.getvalue()),
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] "
        b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs + b" >> "
        b"/Encoding << /Type /Encoding /Differences [" + differences + b"] >> "
        b"/FirstChar %d /LastChar %d /Widths [" % (first, last) + widths + b"] "
        b"/Resources << >> >>",
        _stream(b"", glyph),
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


# --- item 2: a file that kills the worker process reading it -------------------------------------

_KILLER_HOOK = '''\
"""Test-only (tests/hostile_files.py): SIGKILL a multiprocessing worker that opens {name!r}.

Stands in for the kernel's OOM killer ending one worker of a batch mid-file.
"""
import os
import signal
import sys


def _kill_on_open(event, args):
    if event != "open" or not args or isinstance(args[0], int):
        return
    if not os.fsdecode(args[0]).endswith({name!r}):
        return
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)


sys.addaudithook(_kill_on_open)
'''


def worker_killer(folder: Path, name: str = "kills-its-worker.txt") -> tuple[Path, dict[str, str]]:
    """A résumé file, and the environment under which any worker that opens it is SIGKILLed.

    The environment puts a ``sitecustomize`` on PYTHONPATH; spawned workers import it at
    start-up and install an audit hook that kills the worker when it opens this file. The
    main process is never killed, so a serial run reads the file as the ordinary résumé it is.
    """
    hook = folder / "worker-killer-hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(_KILLER_HOOK.format(name=name), encoding="utf-8")
    resume = folder / name
    resume.write_text(resume_text(99), encoding="utf-8")
    return resume, {"PYTHONPATH": str(hook)}


# --- ordinary small documents --------------------------------------------------------------------

SKILL_POOL = [
    "Python", "PostgreSQL", "Docker", "Kubernetes", "Go", "Redis", "Kafka", "Terraform",
    "AWS", "gRPC", "Django", "FastAPI", "Java", "Rust", "Ansible", "Prometheus",
]  # fmt: skip


def resume_text(number: int) -> str:
    """A short résumé; the skill list depends on ``number`` so that scores differ."""
    skills = [skill for index, skill in enumerate(SKILL_POOL) if (number >> (index % 5)) & 1]
    skills = skills or ["Python"]
    return (
        f"Candidate {number}\nBackend engineer\n\nSKILLS\n{', '.join(skills)}\n\n"
        f"EXPERIENCE\nBuilt services in {skills[0]} at Example Corp (2019 - 2024).\n"
    )


JOB_TEXT = (
    "Backend Engineer\n\nRequirements\n- Python\n- PostgreSQL\n- Kubernetes\n- Kafka\n\n"
    "Nice to have\n- Terraform\n- Redis\n"
)


def text_resumes(folder: Path, count: int, stem: str = "resume") -> list[Path]:
    """``count`` small distinct text résumés in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{stem}-{number:02d}.txt"
        path.write_text(resume_text(number + 1), encoding="utf-8")
        paths.append(path)
    return paths


def job_file(folder: Path, name: str = "job.txt") -> Path:
    path = folder / name
    path.write_text(JOB_TEXT, encoding="utf-8")
    return path
