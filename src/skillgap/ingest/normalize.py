"""Clean up what PDF and CSV extraction leave in text, before anything is matched.

The cleaned text is the text every report shows, so mention offsets index it directly.
"""

from __future__ import annotations

import re
import unicodedata

from skillgap.patterns import BIDI_CONTROLS

# Each rule fixes one artefact seen in real résumés (see shared/corpus/SOURCES.md).
CID_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer: a glyph without a Unicode mapping
_BROKEN_BULLET = re.compile("\ufffd\\?\ufffd")  # U+2022 with its middle byte lost (Kaggle CSV)
_SOFT_HYPHEN_LINE_END = re.compile("\u00ad[ \t]*\r?\n[ \t]*")
_SOFT_HYPHEN_IN_WORD = re.compile("(?<=\\w)\u00ad(?=\\w)")  # awesome-cv: real hyphens
_HYPHENATED_LINE_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])")  # "Jenk-\nins"
_TAB_CR_RUN = re.compile(r"[\t\r\f\v]+")
# pdfium marks a word hyphenated at a line end with U+0002 or U+FFFE ("Jenk\ufffeins").
_PDFIUM_HYPHEN = re.compile("[\u0002\ufffe][ \t]*\r?\n?[ \t]*")
# Icon fonts (Font Awesome and the like) map glyphs to the Private Use Area.
_CONTROL_OR_ICON = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f\ue000-\uf8ff]")
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W_] ){2,}[^\W_](?!\S)")  # "J O H N"
_SPACE_RUN = re.compile(r"[ \u00a0]{2,}")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")  # "**Must have**"
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")  # "2 \+ years"
# A table typed as text: cells apart by a tab or a wide gap ("PostgreSQL      8       2025").
_COLUMN_GAP = re.compile(r"(?<=\S)(?:[ \u00a0]*\t[ \t\u00a0]*|[ \u00a0]{3,})(?=\S)")
TABLE_ROWS = 3  # header and rows: fewer aligned lines are a layout accident, not a table
MAX_CELL_WORDS = 4

_CHAR_MAP = str.maketrans(
    {
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen ("problem‑solving")
        "\u2012": "-",
        "\u2212": "-",  # minus sign
        "\u2018": "'",  # curly quotes: "What you’ll bring" is a heading like "What you'll bring"
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # byte-order mark
        "\u00ad": None,  # any soft hyphen left after the word-internal rules
        # Bidi controls: invisible, they split "\u202ePython\u202c" from its word and can
        # disguise what a report shows; matching and every report see the text without them.
        **dict.fromkeys(BIDI_CONTROLS),
    }
)


def normalize(text: str) -> str:
    """Return text with ligatures, hyphenation, glyph codes and spacing repaired."""
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    text = _BROKEN_BULLET.sub("•", text).replace("\ufffd", " ")
    text = unicodedata.normalize("NFKC", text)  # ligatures ﬁ ﬂ ﬀ, full-width forms
    text = CID_GLYPH.sub(" ", _PDFIUM_HYPHEN.sub("", text))
    text = _CONTROL_OR_ICON.sub(" ", text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", _MARKDOWN_EMPHASIS.sub("", text))
    text = _SOFT_HYPHEN_LINE_END.sub("", text)
    text = _SOFT_HYPHEN_IN_WORD.sub("-", text)
    text = text.translate(_CHAR_MAP)
    text = _HYPHENATED_LINE_BREAK.sub("", text)
    text = _column_tables(text)
    text = _TAB_CR_RUN.sub(" ", text)
    text = _LETTER_SPACED.sub(lambda match: match.group(0).replace(" ", ""), text)
    text = _SPACE_RUN.sub(" ", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def _column_tables(text: str) -> str:
    """Write the column gaps of a table typed as text as " | ", as a Markdown table has them.

    Collapsing the gaps to one space would merge "Skill  Years" / "Python  6" into prose and
    lose which figure belongs to which skill. A table is at least three lines in a row with
    the same number of short cells.
    """
    if "\t" not in text and "   " not in text:
        return text
    lines = text.split("\n")
    cells = [_row_cells(line) for line in lines]
    index = 0
    while index < len(lines):
        count = cells[index]
        end = index
        while count and end < len(lines) and cells[end] == count:
            end += 1
        if end - index >= TABLE_ROWS:
            for row in range(index, end):
                lines[row] = _COLUMN_GAP.sub(" | ", lines[row])
        index = max(end, index + 1)
    return "\n".join(lines)


def _row_cells(line: str) -> int:
    """How many short cells a table row has: 0 when it is no table row."""
    parts = _COLUMN_GAP.split(line.strip())
    if len(parts) < 2 or "|" in line:
        return 0
    if any(len(part.split()) > MAX_CELL_WORDS for part in parts):
        return 0
    return len(parts)


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, replacing invalid sequences instead of refusing the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def letter_spaced_runs(text: str) -> int:
    """How many letter-spaced runs ("J O H N") :func:`normalize` would join."""
    return len(_LETTER_SPACED.findall(text))
