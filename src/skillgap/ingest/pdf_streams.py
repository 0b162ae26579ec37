"""How far a PDF's compressed streams inflate, checked before either backend parses it.

Both backends inflate a whole stream before they look at it: pdfium in C with no limit (a
2 MB file whose content stream inflates to 2 GB takes 3 GB and aborts the process), pdfminer
with one ``zlib.decompress``. So the raw bytes are scanned first, and the file is refused when
its streams inflate past ``max_unpacked`` in all.

The scan is cheap because it rarely inflates anything: each stream gets an upper bound from
its raw length and its filters (deflate inflates at most 1032-fold, LZW about 4096-fold, run
length 64-fold; image codecs are never decoded to extract text), and only when the bounds of a
file add up to more than the budget are streams really inflated, in bounded steps, until the
rest fits. A typical résumé PDF (under 100 kB of deflated data) inflates nothing here.

Framing is read the way a lenient parser reads it: a stream runs to the farther of its
``/Length`` and the next ``endstream`` keyword, and an unknown length or filter gets the largest
bound, so what is unclear is inflated rather than trusted. Encrypted streams cannot be
inflated without the key: :func:`check_streams` then says so, and the caller reads the file
in a child process under a memory limit instead.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from dataclasses import dataclass

from skillgap.errors import DocumentError
from skillgap.options import Limits

# The most one raw byte can become through each filter (pdfium and pdfminer names).
_RATIO = {
    b"FlateDecode": 1032,
    b"Fl": 1032,
    b"LZWDecode": 4096,
    b"LZW": 4096,
    b"RunLengthDecode": 64,
    b"RL": 64,
    b"ASCIIHexDecode": 1,
    b"AHx": 1,
    b"ASCII85Decode": 1,
    b"A85": 1,
    b"Crypt": 1,
}
# Image codecs end a filter chain when text is extracted: neither backend decodes images.
_IMAGE = {b"DCTDecode", b"DCT", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode", b"CCF"}
_UNKNOWN_RATIO = 1032**3  # an unknown filter chain: inflate it rather than trust it

# "/Filter" as a whole name, and its value if written as writers do (a name, an array or a
# reference; the group is empty otherwise).
_FILTER = re.compile(
    rb"/Filter(?![^\x00\t\n\x0b\x0c\r ()<>\[\]{}/%])"
    rb"(?:[\t\n\x0c\r ]*(\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R))?"
)
# "/Length" as a whole name, and its value if written as writers do: an integer or a
# reference (both groups empty otherwise; the second one empty for an integer).
_LENGTH = re.compile(
    rb"/Length(?![^\x00\t\n\x0b\x0c\r ()<>\[\]{}/%])"
    rb"(?:[\t\n\x0c\r ]+(\d+)(?:[\t\n\x0c\r ]+(\d+)[\t\n\x0c\r ]+R)?(?![\d.+-]))?"
)
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_DICT_WINDOW = 65536  # bytes before a stream keyword searched for its object header
_STEP = 1 << 16  # raw bytes fed to a decoder per step
_PROBE = 1 << 10  # the fewest raw bytes fed per step while the rest of a stream may be bounded
# Output zlib may owe for input it has already taken (bits held, the rest of a copy): far less.
_HELD = 64 * 1024


@dataclass
class _Stream:
    number: int | None  # the object number, when its header was found
    start: int  # first byte after the stream keyword (and its end of line)
    length: int  # raw bytes a parser may take: an upper bound
    filters: tuple[bytes, ...] | None  # None: not known (indirect, or no dictionary found)
    kind: bytes = b""  # b"image", b"objstm" or b"" (anything a parser may inflate)

    @property
    def bound(self) -> int:
        if self.filters is None:
            return self.length * _UNKNOWN_RATIO
        ratio = 1
        for name in self.filters:
            if name in _IMAGE:
                break
            ratio *= _RATIO.get(name, _UNKNOWN_RATIO)
        return self.length * ratio


def check_streams(data: bytes, name: str, limits: Limits) -> bool:
    """Raise :class:`DocumentError` if the streams inflate past ``max_unpacked``.

    Returns True when that is settled, False when it cannot be (encrypted streams whose bounds
    exceed the budget): the caller must then read the file under a memory limit.
    """
    budget = limits.max_unpacked
    streams = list(_streams(data))
    if sum(stream.bound for stream in streams) <= budget:
        return True
    if b"/Encrypt" in data:
        return False
    # An image is never inflated to extract text, unless a page names it as its /Contents.
    if any(stream.kind == b"image" for stream in streams):
        contents = _content_objects(data, streams, budget)
        if contents is not None:
            streams = [s for s in streams if s.kind != b"image" or s.number in contents]
    # Inflate streams until what they really gave plus the bounds of the rest fits: each time
    # the smallest stream whose bound alone covers the excess (one font rather than the
    # largest one), or the largest when none does. Any order is sound; this one
    # inflates fewer bytes.
    pending = sorted(streams, key=lambda stream: stream.bound)
    bounds = [stream.bound for stream in pending]
    bounded = sum(bounds)
    inflated = 0  # what the streams inflated so far really gave
    while inflated + bounded > budget:
        at = min(bisect_left(bounds, inflated + bounded - budget), len(bounds) - 1)
        stream = pending.pop(at)
        bounded -= bounds.pop(at)
        room = budget - inflated - bounded  # what this stream may give with the rest bounded
        inflated += _inflated_bound(data, stream, budget + 1 - inflated, room)
        if inflated > budget:
            raise DocumentError(
                f"{name}: the PDF's compressed streams inflate to over "
                f"{budget // 1_048_576} MB (max_unpacked, 5 × max_bytes); it is a "
                "decompression bomb or damaged; re-export it as PDF"
            )
    return True


def _streams(data: bytes):  # noqa: ANN202 - a generator of _Stream
    """Every ``stream`` keyword of the file, with its raw length bound and its filters.

    One pass finds every ``stream``, the keywords and the ``endstream`` markers alike. Each
    keyword is examined, even one inside another stream's data: the cross-reference table
    may point into it. A stream ends at the first ``endstream`` after it with whitespace on
    both sides: pdfium searches for that one when ``/Length`` is wrong, and takes no earlier
    one ("xendstreamx" inside the data is not the end), so nothing it inflates is left out.
    """
    keywords: list[int] = []
    ends: list[int] = []  # where each endstream that can end a stream starts
    for match in _STREAM.finditer(data):  # twice as fast as a loop of bytes.find here
        found = match.start()
        if data[found - 3 : found] != b"end":
            keywords.append(found)
        elif data[found - 4 : found - 3] in _SPACE and data[found + 6 : found + 7] in _SPACE:
            ends.append(found - 3)
    for keyword in keywords:
        start = keyword + 6
        if data[start : start + 2] == b"\r\n":
            start += 2
        elif data[start : start + 1] in (b"\n", b"\r"):
            start += 1
        at = bisect_left(ends, start)
        length = (ends[at] if at < len(ends) else len(data)) - start
        number, dictionary = _dictionary(data, keyword)
        if dictionary is None:
            yield _Stream(None, start, len(data) - start, None)
            continue
        if b"#" in dictionary:
            dictionary = _unescape(dictionary)
        declared = _declared_length(dictionary)
        if declared is None:  # a length we cannot be sure of: up to the end of file
            length = len(data) - start
        else:
            length = max(length, min(declared, len(data) - start))
        if b"ObjStm" in dictionary:  # however it is spelled: the objects in it are read
            kind = b"objstm"
        elif b"Image" in dictionary and _SUBTYPE_IMAGE.search(dictionary):
            kind = b"image"
        else:
            kind = b""
        yield _Stream(number, start, length, _filters(dictionary), kind)


_STREAM = re.compile(rb"stream")
# Whitespace around an endstream that ends a stream (the end of the file counts as one).
_SPACE = (b"\t", b"\n", b"\x0c", b"\r", b" ", b"")
_SUBTYPE_IMAGE = re.compile(rb"/Subtype[\t\n\x0c\r ]*/Image(?![^\x00\t\n\x0b\x0c\r ()<>\[\]{}/%])")


def _dictionary(data: bytes, keyword: int) -> tuple[int | None, bytes | None]:
    """The object number and the bytes between its header ("12 0 obj") and stream keyword."""
    low = max(0, keyword - _DICT_WINDOW)
    end = keyword
    while (at := data.rfind(b"obj", low, end)) >= 0:
        number = _object_number(data[max(0, at - 24) : at])
        if number is not None:
            return number, data[at + 3 : keyword]
        end = at
    return None, None


def _object_number(before: bytes) -> int | None:
    """N of "N G " ending ``before`` (the bytes before an "obj" keyword), or None.

    A split, not a pattern searched from each of the 24 bytes: a third faster, the same
    answer (the digits of N found are those just before the whitespace, G must be digits)."""
    words = before.split()
    if len(words) < 2 or not words[-1].isdigit():
        return None
    number = words[-2]
    digits = len(number) - len(number.rstrip(b"0123456789"))
    return int(number[-digits:]) if digits else None


def _filters(dictionary: bytes) -> tuple[bytes, ...] | None:
    """The stream's filter names, or None when they are not certain: a reference, a value
    written other than plainly (a NUL or a comment first is whitespace to pdfium), or a second
    /Filter in a nested dictionary (a decoy /DCTDecode first would pass for an image)."""
    values = _FILTER.findall(dictionary)
    if not values:
        return ()
    if len(values) > 1 or not values[0] or values[0].endswith(b"R"):
        return None
    return tuple(_NAME.findall(values[0]))


def _declared_length(dictionary: bytes) -> int | None:
    """``/Length``: 0 when absent, None when it is not certain (an indirect object, or written
    other than as a plain integer).

    Every /Length counts, a nested dictionary's too (the largest is kept): the first one
    found may be a decoy inside /DecodeParms while pdfium reads the stream's own. A NUL or a
    comment between the key and its value is whitespace to pdfium, not to a pattern, so such
    a value is not trusted. Nor is an indirect length: pdfium finds its object through the
    cross-reference table, and a decoy "12 0 obj" elsewhere would make the bound too short.
    """
    declared = 0
    for number, generation in _LENGTH.findall(dictionary):
        if not number or generation:
            return None
        declared = max(declared, int(number))
    return declared


# "/Contents" as a whole name, plain or with "#xx" escapes ("/Cont#65nts"). A name ends at
# whitespace or a delimiter of either backend: pdfium counts NUL as whitespace, pdfminer VT.
_CONTENTS_KEY = re.compile(
    rb"/(?:C|#43)(?:o|#6[Ff])(?:n|#6[Ee])(?:t|#74)(?:e|#65)(?:n|#6[Ee])(?:t|#74)(?:s|#73)"
    rb"(?![^\x00\t\n\x0b\x0c\r ()<>\[\]{}/%])"
)
# Its value as writers put it: a reference, an array of references, or a string (the text of
# an annotation). Spaces, tabs, line ends and form feeds are whitespace to both backends.
_SPACES = rb"[\t\n\x0c\r ]"
_REFERENCE = re.compile(rb"(\d+)" + _SPACES + rb"+\d+" + _SPACES + rb"+R")
_ANY_REFERENCE = _SPACES + rb"*\d+" + _SPACES + rb"+\d+" + _SPACES + rb"+R"
_CONTENTS_VALUE = re.compile(
    _SPACES + rb"*(?:" + _REFERENCE.pattern
    + rb"|\[((?:" + _ANY_REFERENCE + rb")*)" + _SPACES + rb"*\]"
    + rb"|[(<](?!<))"
)  # fmt: skip
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _unescape(name: bytes) -> bytes:
    """A PDF name with its ``#xx`` escapes decoded: ``/Fl#61teDecode`` is ``/FlateDecode``."""
    return _ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), name)


def _content_objects(data: bytes, streams: list[_Stream], budget: int) -> set[int] | None:
    """The object numbers pages name as their /Contents, or None when that is not certain.

    Page dictionaries sit in the file or in object streams, which are inflated to read them.
    The answer is uncertain, and then no image is exempt, when /Contents is spelled with
    escapes, when its value is written other than as plain references (a NUL or a comment
    between them is whitespace to pdfium, not to a pattern), when it names an array object,
    or when an object stream does not inflate.
    """
    texts = [data]
    for stream in streams:
        if stream.kind == b"objstm":
            size, text = _flate(memoryview(data)[stream.start :], budget, keep=True)
            if stream.filters not in ((b"FlateDecode",), (b"Fl",)) or size >= budget:
                return None
            texts.append(text)
    found: set[int] = set()
    for text in texts:
        for key in _CONTENTS_KEY.finditer(text):
            value = _CONTENTS_VALUE.match(text, key.end())
            if value is None or b"#" in key.group():
                return None
            if value.group(1):
                found.add(int(value.group(1)))
            elif value.group(2):
                found.update(int(number) for number in _REFERENCE.findall(value.group(2)))
    numbers = {stream.number for stream in streams}
    return found if found <= numbers else None  # an array object, or a stream we missed


def _inflated_bound(data: bytes, stream: _Stream, cap: int, room: int) -> int:
    """What the stream inflates to, as :func:`_inflated_size` gives it, or an upper bound on it
    as soon as that bound fits in ``room``.

    A single deflate layer is inflated in steps; after each, what came out plus what the raw
    bytes not yet taken can still give (1032-fold, the most deflate allows) bounds the whole
    stream, so a font that must be inflated only in part for the file to fit is inflated only
    that far. Each step takes the raw bytes that bound needs to fit if they gave nothing more
    (no fewer can do): a first step takes nearly all that is needed, the next ones what the
    output so far added.
    """
    if stream.filters not in ((b"FlateDecode",), (b"Fl",)):
        return _inflated_size(data, stream, cap)
    raw = memoryview(data)[stream.start :]
    decompressor = zlib.decompressobj()
    ratio = _RATIO[b"FlateDecode"]
    size = position = 0
    try:
        while position < len(raw) and size < cap and not decompressor.eof:
            spare = room - _HELD - size  # what the raw bytes not yet taken may still give
            needed = stream.length - spare // ratio if spare >= 0 else len(raw)
            pending = raw[position : position + min(max(needed - position, _PROBE), _STEP)]
            position += len(pending)
            while pending and size < cap:
                size += len(decompressor.decompress(pending, min(cap - size, 1 << 22)))
                pending = decompressor.unconsumed_tail
                if decompressor.eof:
                    break
            taken = position - len(pending)
            bound = size + max(0, stream.length - taken) * ratio + _HELD
            if size < cap and bound <= room:
                return bound
    except zlib.error:
        pass
    if size == 0:  # not a zlib stream (raw deflate, say): the full treatment
        return _inflated_size(data, stream, cap)
    return min(size, cap)


def _inflated_size(data: bytes, stream: _Stream, cap: int) -> int:
    """What the stream inflates to, or ``cap`` once it reaches that; never more memory."""
    raw = memoryview(data)[stream.start :]
    filters = stream.filters
    if filters is None:  # unknown chain: inflate deflate layers as long as they look like one
        return _sniffed_size(raw, cap)
    layers = [name for name in filters if _RATIO.get(name, _UNKNOWN_RATIO) > 1]
    if any(name in _IMAGE for name in filters):
        cut = next(i for i, name in enumerate(filters) if name in _IMAGE)
        layers = [name for name in filters[:cut] if _RATIO.get(name, _UNKNOWN_RATIO) > 1]
    if any(name not in _RATIO for name in layers):
        return _sniffed_size(raw, cap)
    if not layers:
        return min(len(raw), cap)
    current: bytes | memoryview = raw
    for number, name in enumerate(layers):
        last = number == len(layers) - 1
        size, output = _DECODERS[name](current, cap, not last)
        if last or size >= cap:
            return min(size, cap)
        current = output
    return 0


def _sniffed_size(raw: memoryview, cap: int) -> int:
    """Inflate deflate layers while the data starts like a zlib stream (at most three)."""
    size, output = _flate(raw, cap, keep=True)
    for _ in range(2):
        if size >= cap or not _looks_like_zlib(output):
            break
        size, output = _flate(memoryview(output), cap, keep=True)
    return min(size, cap)


def _looks_like_zlib(data: bytes) -> bool:
    return len(data) > 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def _flate(raw: bytes | memoryview, cap: int, keep: bool) -> tuple[int, bytes]:
    """Inflate a zlib stream up to ``cap`` bytes; a corrupt stream counts what came out first.

    Data without a zlib header is also tried as raw deflate, so no framing trick hides a bomb.
    """
    best, kept = 0, b""
    for window in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
        size, output = _inflate(raw, cap, keep, window)
        if size > best:
            best, kept = size, output
        if best >= cap or size > 0:
            break
    return best, kept


def _inflate(raw: bytes | memoryview, cap: int, keep: bool, window: int) -> tuple[int, bytes]:
    decompressor = zlib.decompressobj(window)
    size = 0
    parts: list[bytes] = []
    position = 0
    try:
        while position < len(raw) and size < cap and not decompressor.eof:
            pending = raw[position : position + _STEP]
            position += _STEP
            while pending and size < cap:
                out = decompressor.decompress(pending, min(cap - size, 1 << 22))
                size += len(out)
                if keep:
                    parts.append(out)
                pending = decompressor.unconsumed_tail
                if decompressor.eof:
                    break
    except zlib.error:
        pass
    return size, b"".join(parts)


def _lzw(raw: bytes | memoryview, cap: int, keep: bool) -> tuple[int, bytes]:
    import io

    from pdfminer.lzw import LZWDecoder

    size = 0
    parts: list[bytes] = []
    try:
        for chunk in LZWDecoder(io.BytesIO(bytes(raw))).run():
            size += len(chunk)
            if keep:
                parts.append(chunk)
            if size >= cap:
                break
    except Exception:  # noqa: BLE001 - corrupt data ends the stream, as in the backends
        pass
    return size, b"".join(parts)


def _run_length(raw: bytes | memoryview, cap: int, keep: bool) -> tuple[int, bytes]:
    size, position = 0, 0
    parts: list[bytes] = []
    data = bytes(raw)
    while position < len(data) and size < cap:
        length = data[position]
        if length == 128:
            break
        if length < 128:
            piece = data[position + 1 : position + length + 2]
            position += length + 2
        else:
            piece = data[position + 1 : position + 2] * (257 - length)
            position += 2
        size += len(piece)
        if keep:
            parts.append(piece)
    return size, b"".join(parts)


_DECODERS = {
    b"FlateDecode": _flate,
    b"Fl": _flate,
    b"LZWDecode": _lzw,
    b"LZW": _lzw,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
}
