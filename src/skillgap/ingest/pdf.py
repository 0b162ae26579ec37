"""PDF text extraction with two backends that share one column handling.

pypdfium2 (``pip install 'skillgap[fast]'``) is 20-40x faster than pdfminer.six and is used
whenever it is installed; pdfminer.six is the pure-Python fallback and the reading-order
reference. ``SKILLGAP_PDF_BACKEND=pdfminer`` (or ``pdfium``) forces one. Both feed the boxes
of their text runs to :mod:`skillgap.ingest.pdf_layout`, then read each region on its own, so a
two-column page comes out column by column whichever backend runs.

Hostile or damaged files are bounded before and while they are parsed: the compressed streams
must inflate within ``max_unpacked`` (:mod:`skillgap.ingest.pdf_streams`; a file whose
encrypted streams cannot be checked is read in a child process under a memory limit); a page
may hold at most ``MAX_CHARS_PER_PAGE`` characters; characters off the page or larger than a
quarter of it are dropped and every layout region lies inside a page of sane size, so
pdfminer's spatial index stays small; and pdfminer runs under a watchdog that stops it at
``max_seconds`` wherever it is (:mod:`skillgap.ingest.guard`).

PDFium is not thread-safe (two documents read at once in two threads crash it), so one lock
lets one thread of a process into it at a time; a server's other threads wait for it, and a
forked child starts with the lock free.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import os
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import repeat

from skillgap.errors import DocumentError
from skillgap.ingest.guard import deadline, in_child
from skillgap.ingest.pdf_layout import Box, reading_regions
from skillgap.ingest.pdf_streams import check_streams
from skillgap.options import Limits, PdfBackend

BACKEND_VARIABLE = "SKILLGAP_PDF_BACKEND"
MAX_CHARS_PER_PAGE = 20_000  # a dense résumé page holds about 5,000
MAX_PAGE_SIDE = 14_400.0  # points (200 inches): the largest page the PDF format allows
MAX_NESTING = 1_000  # graphics states saved (q) at once; real files nest a few deep
MAX_OPERANDS = 10_000  # operands waiting for an operator; real operators take at most a few
CHILD_MEMORY_EXTRA = 64 * 1024 * 1024  # bytes a sandboxed reader may use beyond max_unpacked
_SAMPLE = 16  # characters per page whose Unicode mapping pdfium is asked about first
_PDFIUM = threading.Lock()  # held by the one thread inside PDFium


def _free_pdfium() -> None:
    global _PDFIUM
    _PDFIUM = threading.Lock()  # a child forked while another thread held it must not wait


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_free_pdfium)


@dataclass(frozen=True)
class PdfText:
    """The raw text of a PDF, page by page, with what the quality signal needs."""

    text: str
    pages: int
    columns: int  # the most columns found on any page
    backend: PdfBackend
    unmapped: int = 0  # characters the backend knows have no Unicode mapping (pdfium)
    characters: int = 0  # characters the backend reported, the base of ``unmapped``


def default_backend() -> PdfBackend:
    """pdfium when installed, unless the environment variable asks for the other one."""
    chosen = os.environ.get(BACKEND_VARIABLE, "").strip().lower()
    if chosen in ("pdfium", "pdfminer"):
        return chosen  # type: ignore[return-value]
    return "pdfium" if _pdfium_installed() else "pdfminer"


@cache
def _pdfium_installed() -> bool:
    """Whether pypdfium2 can be imported: ``find_spec`` walks sys.path, 40 us a file."""
    return find_spec("pypdfium2") is not None


def pdf_text(
    data: bytes,
    name: str,
    limits: Limits,
    password: str | None = None,
    backend: PdfBackend | None = None,
) -> PdfText:
    """Extract the text of a PDF in reading order, or raise one clear :class:`DocumentError`."""
    chosen = backend or default_backend()
    if check_streams(data, name, limits):
        return _extract(data, name, limits, password, chosen)
    return in_child(  # encrypted streams the check cannot inflate: bound the reader instead
        _extract,
        (data, name, limits, password, chosen),
        seconds=limits.max_seconds,
        memory=2 * limits.max_unpacked + CHILD_MEMORY_EXTRA,
        failed=lambda reason: _exhausted(name, limits, reason),
    )


def _extract(
    data: bytes, name: str, limits: Limits, password: str | None, backend: PdfBackend
) -> PdfText:
    reader = _pdfium_pages if backend == "pdfium" else _pdfminer_pages
    pages: list[str] = []
    columns = unmapped = characters = 0
    # the wait for PDFium is not the file's reading time: the lock comes before the deadline
    with _PDFIUM if backend == "pdfium" else contextlib.nullcontext():
        until = time.monotonic() + limits.max_seconds
        with deadline(limits.max_seconds, lambda: _exhausted(name, limits, "time")):
            read = reader(data, name, limits, password, until)
            try:
                for page in read:
                    pages.append(page.text)
                    columns = max(columns, page.columns)
                    unmapped += page.unmapped
                    characters += page.characters
                    _check_deadline(until, name, limits)
            finally:
                read.close()  # the document is closed while the lock is still held
    return PdfText("\n\n".join(pages), len(pages), max(columns, 1), backend, unmapped, characters)


@dataclass(frozen=True)
class _Page:
    text: str
    columns: int
    unmapped: int = 0
    characters: int = 0


def _exhausted(name: str, limits: Limits, reason: str) -> DocumentError:
    if reason == "time":
        return DocumentError(
            f"{name}: reading the PDF took over {limits.max_seconds:g} s (max_seconds); "
            "the file is damaged or hostile; re-export it as PDF"
        )
    return DocumentError(
        f"{name}: reading the PDF needed over "
        f"{(2 * limits.max_unpacked + CHILD_MEMORY_EXTRA) // 1_048_576} MB of memory; "
        "the file is damaged or hostile; re-export it as PDF"
    )


def _too_many_chars(name: str, number: int) -> DocumentError:
    return DocumentError(
        f"{name}: page {number} holds over {MAX_CHARS_PER_PAGE:,} characters "
        "(a résumé page holds a few thousand); the file is damaged or is not a résumé or job ad"
    )


def _check_deadline(deadline: float, name: str, limits: Limits) -> None:
    if time.monotonic() > deadline:
        raise DocumentError(
            f"{name}: reading the PDF took over {limits.max_seconds:g} s (max_seconds); "
            "the file is damaged or hostile; re-export it as PDF"
        )


def _too_many_pages(name: str, count: int | None, limits: Limits) -> DocumentError:
    pages = f"{count} pages" if count else f"more than {limits.max_pages} pages"
    return DocumentError(
        f"{name}: the PDF has {pages}, over the limit of {limits.max_pages} (max_pages); "
        "give the résumé or job ad alone"
    )


def _encrypted(name: str, password: str | None) -> DocumentError:
    if password:
        return DocumentError(f"{name}: the password is wrong; check --password")
    return DocumentError(
        f"{name}: the PDF is encrypted; pass --password, or remove the password "
        "(e.g. qpdf --decrypt) and retry"
    )


def _unreadable(name: str, error: BaseException) -> DocumentError:
    reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    reason = reason or type(error).__name__
    return DocumentError(
        f"{name}: not a readable PDF ({reason}); the file is corrupt or truncated, "
        "re-export or re-save it as PDF"
    )


# pypdfium2 ------------------------------------------------------------------------------------


def _pdfium_pages(data: bytes, name: str, limits: Limits, password: str | None, until: float):
    """Yield a :class:`_Page` per page; pdfium reads each region with ``get_text_bounded``."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise _encrypted(name, password) from None
        raise _unreadable(name, error) from None
    try:
        count = len(document)
        if count > limits.max_pages:
            raise _too_many_pages(name, count, limits)
        for index in range(count):
            _check_deadline(until, name, limits)
            try:
                yield _pdfium_page(document, index, name)
            except pypdfium2.PdfiumError as error:
                raise _unreadable(name, error) from None
    finally:
        document.close()


@cache
def _pypdfium2():  # noqa: ANN202 - the optional module
    """pypdfium2, with its raw binding, imported once: a ``from pypdfium2 import raw`` in the
    functions run for each page cost an import lookup (a Python-level call) every time."""
    import pypdfium2
    import pypdfium2.raw

    return pypdfium2


def _pdfium_page(document, index: int, name: str) -> _Page:  # noqa: ANN001 - pypdfium2 is optional
    """One page through PDFium's own handles: pypdfium2's page and text-page objects (their
    finalizers, their parent links) cost about 0.07 ms a page, 3 % of reading it."""
    pypdfium2 = _pypdfium2()
    pdfium = pypdfium2.raw
    page = pdfium.FPDF_LoadPage(document.raw, index)
    if not page:
        raise pypdfium2.PdfiumError("Failed to load page.")
    try:
        textpage = pdfium.FPDFText_LoadPage(page)
        if not textpage:
            raise pypdfium2.PdfiumError("Failed to load text page.")
        try:
            return _pdfium_textpage(page, textpage, name, index + 1)
        finally:
            pdfium.FPDFText_ClosePage(textpage)
    finally:
        pdfium.FPDF_ClosePage(page)


def _pdfium_textpage(page, textpage, name: str, number: int) -> _Page:  # noqa: ANN001
    pypdfium2 = _pypdfium2()
    pdfium, PdfiumError = pypdfium2.raw, pypdfium2.PdfiumError  # noqa: N806 - a class

    characters = pdfium.FPDFText_CountChars(textpage)
    if characters < 0:
        raise PdfiumError("Failed to get character count.")
    if characters > MAX_CHARS_PER_PAGE:
        raise _too_many_chars(name, number)
    unmapped = _pdfium_unmapped(textpage, characters)
    bbox = pdfium.FS_RECTF()
    if not pdfium.FPDF_GetPageBoundingBox(page, bbox):
        raise PdfiumError("Failed to get page bounding box.")
    boxes = _pdfium_rects(textpage)
    regions, columns = reading_regions(boxes, Box(bbox.left, bbox.bottom, bbox.right, bbox.top))
    if columns == 1:
        return _Page(_pdfium_text(textpage, characters), 1, unmapped, characters)
    parts = _pdfium_bounded(textpage, regions, characters)
    text = "\n".join(part for part in parts if part.strip())
    return _Page(text, columns, unmapped, characters)


def _pdfium_text(textpage, characters: int) -> str:  # noqa: ANN001
    """The page's whole text, as pypdfium2's ``get_text_range()`` gives it: pdfium is asked
    for the characters from the first to the last that appear in its text (some do not)."""
    pdfium = _pypdfium2().raw
    position = pdfium.FPDFText_GetTextIndexFromCharIndex
    first, last = 0, characters - 1
    while first <= last and position(textpage, first) == -1:
        first += 1
    while first <= last and position(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    size = position(textpage, last) + 2 - position(textpage, first)  # with the NUL
    buffer = (ctypes.c_ushort * size)()
    written = pdfium.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    return ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", "ignore")


def _pdfium_bounded(textpage, regions: list[Box], characters: int) -> list[str]:  # noqa: ANN001
    """The text of each region, as pypdfium2's ``get_text_bounded`` gives it, in one C call.

    The binding asks pdfium for the length first and then for the text, and pdfium walks every
    character of the page both times; one buffer as large as any region's text can be (each
    character gives at most a line break and a surrogate pair) takes it in one walk.
    """
    pdfium = _pypdfium2().raw

    size = 4 * characters + 8
    buffer = (ctypes.c_ushort * size)()
    texts = []
    for region in regions:
        box = (region.x0, region.y1, region.x1, region.y0)  # left, top, right, bottom
        written = pdfium.FPDFText_GetBoundedText(textpage, *box, buffer, size)
        while written >= size:  # more than the bound above: a larger buffer, as a safeguard
            size *= 2
            buffer = (ctypes.c_ushort * size)()
            written = pdfium.FPDFText_GetBoundedText(textpage, *box, buffer, size)
        if written and buffer[written - 1] == 0:  # the terminating NUL, copied when it fits
            written -= 1
        texts.append(ctypes.string_at(buffer, 2 * written).decode("utf-16-le", "ignore"))
    return texts


def _pdfium_rects(textpage) -> list[tuple[float, float, float, float]]:  # noqa: ANN001
    """The boxes ``(x0, y0, x1, y1)`` of a page's text runs, as ``textpage.get_rect`` gives them.

    A page has hundreds of runs (a thousand where each glyph is its own, as Canva writes
    them) and pypdfium2's binding converts four ``c_double`` pointers per call, which cost a
    third of reading the page. Here the same C function, with no prototype to convert its
    arguments through, is called by ``map`` (no Python code runs between two calls) with
    pointers made once into one array, rectangle after rectangle; the array is then read in
    one ``unpack``. PDFium writes left, top, right, bottom through the pointers; they point
    in the order the layout reads, x0 (left), y0 (bottom), x1 (right), y1 (top). The array is
    shared: the caller holds the PDFium lock.
    """
    pypdfium2 = _pypdfium2()
    get_rect = _raw_function("FPDFText_GetRect")
    count = _raw_function("FPDFText_CountRects")(textpage, 0, -1)
    if count < 0:
        raise pypdfium2.PdfiumError("Failed to count rectangles.")
    values, lefts, bottoms, rights, tops = _rect_pointers()
    boxes: list[tuple[float, float, float, float]] = []
    for first in range(0, count, _RECTS_AT_ONCE):
        size = min(_RECTS_AT_ONCE, count - first)
        indexes = range(first, first + size)
        pointers = (lefts[:size], tops[:size], rights[:size], bottoms[:size])
        if not all(map(get_rect, repeat(textpage, size), indexes, *pointers)):
            raise pypdfium2.PdfiumError("Failed to get rectangle.")
        flat = iter(struct.unpack_from(f"{4 * size}d", values))
        boxes.extend(zip(flat, flat, flat, flat))  # noqa: B905 - one iterator, in fours
    return boxes


_RECTS_AT_ONCE = 1024  # rectangles read per pass through the shared array


@cache
def _rect_pointers() -> tuple[ctypes.Array, list, list, list, list]:
    """An array of ``_RECTS_AT_ONCE`` rectangles, and a pointer to each of their four values."""
    values = (ctypes.c_double * (4 * _RECTS_AT_ONCE))()
    size = ctypes.sizeof(ctypes.c_double)
    pointers = [
        [ctypes.byref(values, (4 * index + side) * size) for index in range(_RECTS_AT_ONCE)]
        for side in range(4)
    ]
    return values, *pointers


@cache
def _raw_function(name: str) -> Callable[..., int]:
    """A PDFium function returning ``int``, with no argument prototype: callers pass C objects
    (``c_void_p``, ``byref``) or Python ints for C ``int`` parameters, which ctypes passes as
    they are instead of converting each through a prototype."""
    function = getattr(_pypdfium2().raw, name)
    address = ctypes.cast(function, ctypes.c_void_p).value
    stdcall = function._flags_ & getattr(ctypes, "_FUNCFLAG_STDCALL", 0)
    factory = ctypes.WINFUNCTYPE if stdcall else ctypes.CFUNCTYPE  # type: ignore[attr-defined]
    bare = factory(ctypes.c_int)(address)
    bare.argtypes = None
    return bare


def _pdfium_unmapped(textpage, characters: int) -> int:  # noqa: ANN001
    """How many characters pdfium could not map to Unicode (a subset font without ToUnicode
    reads as "!\"#$"); a sample first, every character only when the sample finds some."""
    unmapped = _raw_function("FPDFText_HasUnicodeMapError")
    sample = range(0, characters, max(1, characters // _SAMPLE))
    if not any(map(unmapped, repeat(textpage, len(sample)), sample)):
        return 0
    return sum(map(unmapped, repeat(textpage, characters), range(characters)))


# pdfminer.six ---------------------------------------------------------------------------------


def _pdfminer_pages(data: bytes, name: str, limits: Limits, password: str | None, until: float):
    """Yield a :class:`_Page` per page; pdfminer's own layout analysis runs on each region."""
    from pdfminer.layout import LAParams, LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    _quiet_pdfminer()
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
        pages = list(_first_pages(PDFPage.create_pages(document), limits.max_pages + 1))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise _encrypted(name, password) from None
    except DocumentError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on corrupt input
        raise _unreadable(name, error) from None
    if len(pages) > limits.max_pages:
        raise _too_many_pages(name, None, limits)

    # boxes_flow=None: no hierarchical grouping of text boxes, which is quadratic in them and
    # unused here (_texts orders lines itself); the lines and boxes found are the same.
    laparams = LAParams(boxes_flow=None)
    device, interpreter = _pdfminer_reader(name, until, limits)
    for number, page in enumerate(pages, start=1):
        device.number = number
        try:
            interpreter.process_page(page)
        except DocumentError:
            raise
        except Exception as error:
            raise _unreadable(name, error) from None
        chars, bbox = device.take()
        page_box = _sane_page(Box(*bbox))
        chars = [char for char in chars if _on_page(char, page_box)]
        boxes = [Box(char.x0, char.y0, char.x1, char.y1) for char in chars]
        regions, columns = reading_regions(boxes, page_box)
        texts = []
        for region in regions:
            region = _clip(region, page_box)
            container = LTPage(0, (region.x0, region.y0, region.x1, region.y1))
            for char in chars:
                if _inside(char, region):
                    container.add(char)
            container.analyze(laparams)
            texts.append("".join(_texts(container)))
        yield _Page("\n".join(text for text in texts if text.strip()), columns)


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning per damaged operator (hundreds per page) and, with no logging
    configured, Python prints them on stderr; a handler that drops them stops that, and an
    application that configures logging still receives them."""
    logger = logging.getLogger("pdfminer")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _first_pages(pages, limit: int):  # noqa: ANN001, ANN202 - a pdfminer generator
    for index, page in enumerate(pages):
        if index >= limit:
            return
        yield page


def _pdfminer_reader(name: str, until: float, limits: Limits):  # noqa: ANN202
    """A device that keeps each page's characters, and an interpreter with bounded stacks.

    Built lazily so the module imports without pdfminer. The device drops curves and images
    (text needs neither; a drawing of a million segments costs memory) and counts characters;
    the interpreter refuses runaway ``q`` nesting and keeps only the last operands of a run
    that no operator consumes.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    class Collector(PDFPageAggregator):
        number = 0  # the page being read, for messages

        def begin_page(self, page, ctm) -> None:  # noqa: ANN001
            self.characters = 0
            super().begin_page(page, ctm)

        def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # noqa: ANN001
            _check_deadline(until, name, limits)
            self.characters += sum(len(item) for item in seq if isinstance(item, bytes))
            if self.characters > 2 * MAX_CHARS_PER_PAGE:  # bytes: two per character at most
                raise _too_many_chars(name, self.number)
            super().render_string(textstate, seq, ncs, graphicstate)

        def paint_path(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            _check_deadline(until, name, limits)

        def render_image(self, name, stream) -> None:  # noqa: ANN001
            pass

        def take(self) -> tuple[list, tuple[float, float, float, float]]:
            page = self.get_result()
            chars: list = []
            stack = [page]
            while stack:
                item = stack.pop()
                if isinstance(item, LTChar):
                    chars.append(item)
                elif isinstance(item, LTContainer):
                    stack.extend(reversed(list(item)))
            if len(chars) > MAX_CHARS_PER_PAGE:
                raise _too_many_chars(name, self.number)
            return chars, page.bbox

    class Interpreter(PDFPageInterpreter):
        def push(self, obj) -> None:  # noqa: ANN001
            stack = self.argstack
            stack.append(obj)
            if len(stack) > MAX_OPERANDS:
                del stack[: MAX_OPERANDS // 2]

        def do_q(self) -> None:
            if len(self.gstack) >= MAX_NESTING:
                raise DocumentError(
                    f"{name}: a page nests over {MAX_NESTING} graphics states; "
                    "the file is damaged or hostile; re-export it as PDF"
                )
            super().do_q()

    resources = PDFResourceManager()
    device = Collector(resources, laparams=None)
    return device, Interpreter(resources, device)


def _sane_page(page: Box) -> Box:
    """The page box, at most MAX_PAGE_SIDE a side: a damaged MediaBox can be 10^9 points."""
    x0 = page.x0 if abs(page.x0) < MAX_PAGE_SIDE else 0.0
    y0 = page.y0 if abs(page.y0) < MAX_PAGE_SIDE else 0.0
    x1 = min(max(page.x1, x0 + 1.0), x0 + MAX_PAGE_SIDE)
    y1 = min(max(page.y1, y0 + 1.0), y0 + MAX_PAGE_SIDE)
    return Box(x0, y0, x1, y1)


def _on_page(char, page: Box) -> bool:  # noqa: ANN001 - an LTChar
    """Whether a character sits on the page at a plausible size (NaN and infinity fail).

    Text off the page is invisible, and a glyph larger than a quarter of the page comes from
    a damaged matrix; either would stretch a layout region far beyond the page.
    """
    width, height = char.x1 - char.x0, char.y1 - char.y0
    if not (0 <= width <= (page.x1 - page.x0) / 4 and 0 <= height <= (page.y1 - page.y0) / 4):
        return False
    return _inside(char, page)


def _clip(region: Box, page: Box) -> Box:
    return Box(
        max(region.x0, page.x0),
        max(region.y0, page.y0),
        min(region.x1, page.x1),
        min(region.y1, page.y1),
    )


def _inside(char, region: Box) -> bool:  # noqa: ANN001 - an LTChar
    x = (char.x0 + char.x1) / 2
    y = (char.y0 + char.y1) / 2
    return region.x0 <= x <= region.x1 and region.y0 <= y <= region.y1


def _texts(container) -> list[str]:  # noqa: ANN001 - an analysed LTPage
    """The region's text lines top to bottom, lines on one baseline joined left to right.

    pdfminer orders whole text boxes, which moves a right-aligned date away from its job
    title; within one column, rows in page order are the reading order.
    """
    from pdfminer.layout import LTTextBox

    lines = [line for box in container if isinstance(box, LTTextBox) for line in box]
    lines.sort(key=lambda line: (-line.y1, line.x0))
    rows: list[list] = []
    for line in lines:
        middle = (line.y0 + line.y1) / 2
        if rows and rows[-1][0].y0 <= middle <= rows[-1][0].y1:
            rows[-1].append(line)
        else:
            rows.append([line])
    texts = []
    for number, row in enumerate(rows):
        row.sort(key=lambda line: line.x0)
        gap = rows[number - 1][0].y0 - row[0].y1 if number else 0.0
        texts.append(
            ("\n" if gap > row[0].height else "")
            + "  ".join(line.get_text().strip() for line in row)
            + "\n"
        )
    return texts
