"""Web addresses, e-mail addresses, phone numbers and bidi controls, as one set of patterns.

Extraction skips what a link or a contact line names ("github.com/x" is a site, not a skill);
redaction masks every web address, bare domains too ("janedoe.dev"). A bare domain is not a
link for extraction: "Socket.IO" and "xUnit.net" are products.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*")
_TLDS = "com|org|io|dev|me|co|ai|app|info|edu|gov|us|uk|de|in|fr|ca|eu|xyz|tech|page|ly|ch|nl"
WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s|)\]>]+"
    rf"|\b(?:[A-Za-z0-9-]+\.)+(?:(?i:{_TLDS})|net)\b(?:/[^\s|)\]>,;]*)?"  # "ASP.NET" is no URL
)
LINK = re.compile(rf"(?:https?://|www\.)\S+|\b(?:[\w-]+\.)+(?:{_TLDS}|net)/\S*", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w/])\+?\s?\(?\+?\d[\d ().-]{6,}\d(?![\w/])")
PHONE_DIGITS = range(9, 16)  # digits in a real phone number; fewer is a date or a range

# Bidirectional controls: invisible, they reorder what a reader sees ("cv\u202etxt.exe" shows
# as "cvexe.txt") and split words for the tokenizer, so text and file names drop them.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional control characters."""
    return text.translate(_NO_BIDI)
