"""The HTML reader: the visible text of a page, without scripts, styles, navigation or forms.

List items become bulleted lines and block elements their own lines, so a job ad pasted from a
careers page reads like the same ad saved as text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def html_text(html: str) -> str:
    """The visible text of an HTML page, without scripts, styles, navigation or forms."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    SKIP = {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "noscript",
        "template",
        "svg",
        "form",
        "button",
        "select",
        "iframe",
        "head",
    }
    BLOCK = {
        "p",
        "div",
        "section",
        "article",
        "main",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "pre",
        "hr",
    }
    VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in self.SKIP or (hidden and tag not in self.VOID):
            self.skipping.append(tag)
        elif self.skipping:
            return
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in self.BLOCK or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACE.sub(" ", data))

    def text(self) -> str:
        lines = (line.strip(" |") for line in "".join(self.parts).splitlines())
        return "\n".join(line.strip() for line in lines)
