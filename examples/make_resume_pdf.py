"""Render ``examples/resume.txt`` as ``examples/resume.pdf``.

Run from anywhere with::

    python examples/make_resume_pdf.py

The PDF is a committed test fixture with exactly the same text as the plain-text
résumé, so the PDF and text inputs of skillgap can be compared. The text stays
selectable (ordinary text drawing, Helvetica), long lines are wrapped at spaces and
every section heading sits alone on its own line.

reportlab is a development/test dependency only; skillgap itself never imports it.
Install it with ``pip install reportlab`` before regenerating the PDF.

Layout rules derived from the text file:

* line 1 is the name, line 2 the contact line;
* a line written entirely in capitals (e.g. ``EXPERIENCE``) is a section heading;
* a line starting with ``- `` is a bullet point;
* in SKILLS, the label before the first colon is set in bold;
* in EXPERIENCE and EDUCATION, a line with an em dash (role or degree line) is bold.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "resume.txt"
TARGET = HERE / "resume.pdf"

NAME = ParagraphStyle("name", fontName="Helvetica-Bold", fontSize=18, leading=22)
CONTACT = ParagraphStyle("contact", fontName="Helvetica", fontSize=9.5, leading=13, spaceAfter=6)
HEADING = ParagraphStyle(
    "heading",
    fontName="Helvetica-Bold",
    fontSize=11.5,
    leading=14,
    spaceBefore=9,
    spaceAfter=3,
    keepWithNext=1,
)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=2)
ROLE = ParagraphStyle("role", parent=BODY, fontName="Helvetica-Bold", spaceBefore=5, keepWithNext=1)
# Bullets are written inline ("• text") instead of as a hanging indent: pdfminer only joins
# a wrapped line to the line above it when their left edges line up, so this keeps every
# bullet point in one text block. The bullet glyph is taken from the Symbol font because
# reportlab encodes Helvetica's bullet at a code pdfminer cannot map back to "•".
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=8)
BULLET_MARK = '<font name="Symbol">\u2022</font> '


def is_heading(line: str) -> bool:
    """A heading is a short line with letters, all of them capitals."""
    return any(c.isalpha() for c in line) and line == line.upper() and len(line) < 40


def build_story(lines: list[str]) -> list:
    """Turn the résumé lines into reportlab flowables."""
    story: list = [Paragraph(escape(lines[0]), NAME), Paragraph(escape(lines[1]), CONTACT)]
    section = ""
    for raw in lines[2:]:
        line = raw.strip()
        if not line:
            continue
        if is_heading(line):
            section = line
            story.append(Paragraph(escape(line), HEADING))
        elif line.startswith("- "):
            story.append(Paragraph(BULLET_MARK + escape(line[2:]), BULLET))
        elif section == "SKILLS" and ":" in line:
            label, rest = line.split(":", 1)
            story.append(Paragraph(f"<b>{escape(label)}:</b>{escape(rest)}", BODY))
        elif section in {"EXPERIENCE", "EDUCATION"} and " \u2014 " in line:
            story.append(Paragraph(escape(line), ROLE))
        else:
            story.append(Paragraph(escape(line), BODY))
    story.append(Spacer(1, 0.2 * cm))
    return story


def main() -> None:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    doc = SimpleDocTemplate(
        str(TARGET),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title=f"{lines[0].title()} - Résumé",
        author=lines[0].title(),
        subject="Example résumé for skillgap (fictional person)",
        creator="examples/make_resume_pdf.py",
        invariant=1,
    )
    doc.build(build_story(lines))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
