"""PDF text extraction with two backends that share one column handling.

pypdfium2 (``pip install 'skillgap[fast]'``) is 20-40x faster than pdfminer.six and is used
whenever it is installed; pdfminer.six is the pure-Python fallback and the reading-order
reference. ``SKILLGAP_PDF_BACKEND=pdfminer`` (or ``pdfium``) forces one. Both feed the boxes
of their text runs to :mod:`skillgap.ingest.pdf_layout`, then read each region on its own, so a
two-column page comes out column by column whichever backend runs.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass
from importlib.util import find_spec

from skillgap.errors import DocumentError
from skillgap.ingest.pdf_layout import Box, reading_regions
from skillgap.options import Limits, PdfBackend

BACKEND_VARIABLE = "SKILLGAP_PDF_BACKEND"


@dataclass(frozen=True)
class PdfText:
    """The raw text of a PDF, page by page, with what the quality signal needs."""

    text: str
    pages: int
    columns: int  # the most columns found on any page
    backend: PdfBackend


def default_backend() -> PdfBackend:
    """pdfium when installed, unless the environment variable asks for the other one."""
    chosen = os.environ.get(BACKEND_VARIABLE, "").strip().lower()
    if chosen in ("pdfium", "pdfminer"):
        return chosen  # type: ignore[return-value]
    return "pdfium" if find_spec("pypdfium2") else "pdfminer"


def pdf_text(
    data: bytes,
    name: str,
    limits: Limits,
    password: str | None = None,
    backend: PdfBackend | None = None,
) -> PdfText:
    """Extract the text of a PDF in reading order, or raise one clear :class:`DocumentError`."""
    chosen = backend or default_backend()
    reader = _pdfium_pages if chosen == "pdfium" else _pdfminer_pages
    deadline = time.monotonic() + limits.max_seconds
    pages: list[str] = []
    columns = 1
    for text, page_columns in reader(data, name, limits, password, deadline):
        pages.append(text)
        columns = max(columns, page_columns)
        _check_deadline(deadline, name, limits)
    return PdfText("\n\n".join(pages), len(pages), columns, chosen)


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


def _pdfium_pages(data: bytes, name: str, limits: Limits, password: str | None, deadline: float):
    """Yield (text, columns) per page; pdfium reads each region with ``get_text_bounded``."""
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
            _check_deadline(deadline, name, limits)
            try:
                yield _pdfium_page(document[index])
            except pypdfium2.PdfiumError as error:
                raise _unreadable(name, error) from None
    finally:
        document.close()


def _pdfium_page(page) -> tuple[str, int]:  # noqa: ANN001 - pypdfium2 is optional
    textpage = page.get_textpage()
    try:
        left, bottom, right, top = page.get_bbox()
        boxes = [Box(*textpage.get_rect(i)) for i in range(textpage.count_rects())]
        regions, columns = reading_regions(boxes, Box(left, bottom, right, top))
        if columns == 1:
            return textpage.get_text_range(), 1
        parts = [textpage.get_text_bounded(r.x0, r.y0, r.x1, r.y1) for r in regions]
        return "\n".join(part for part in parts if part.strip()), columns
    finally:
        textpage.close()
        page.close()


# pdfminer.six ---------------------------------------------------------------------------------


def _pdfminer_pages(data: bytes, name: str, limits: Limits, password: str | None, deadline: float):
    """Yield (text, columns) per page; pdfminer's own layout analysis runs on each region."""
    from pdfminer.layout import LAParams, LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

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

    laparams = LAParams()
    resources = PDFResourceManager()
    device = _CharCollector(resources, deadline, name, limits)
    interpreter = PDFPageInterpreter(resources, device)
    for page in pages:
        try:
            interpreter.process_page(page)
        except DocumentError:
            raise
        except Exception as error:
            raise _unreadable(name, error) from None
        chars, bbox = device.take()
        boxes = [Box(char.x0, char.y0, char.x1, char.y1) for char in chars]
        regions, columns = reading_regions(boxes, Box(*bbox))
        texts = []
        for region in regions:
            container = LTPage(0, (region.x0, region.y0, region.x1, region.y1))
            for char in chars:
                if _inside(char, region):
                    container.add(char)
            container.analyze(laparams)
            texts.append("".join(_texts(container)))
        yield "\n".join(text for text in texts if text.strip()), columns


def _first_pages(pages, limit: int):  # noqa: ANN001, ANN202 - a pdfminer generator
    for index, page in enumerate(pages):
        if index >= limit:
            return
        yield page


class _CharCollector:
    """A pdfminer device that keeps the characters of a page and enforces the time limit.

    Built lazily on PDFPageAggregator so the module imports without pdfminer loaded.
    """

    def __new__(cls, resources, deadline: float, name: str, limits: Limits):  # noqa: ANN001
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LTChar, LTContainer

        class Collector(PDFPageAggregator):
            def __init__(self) -> None:
                super().__init__(resources, laparams=None)

            def render_string(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                _check_deadline(deadline, name, limits)
                return super().render_string(*args, **kwargs)

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
                return chars, page.bbox

        return Collector()


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
