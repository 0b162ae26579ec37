"""The web page: an upload form, and the HTML report it leads to.

The form needs no script and loads nothing from elsewhere (its Content-Security-Policy says
so). What a submission gets back is the ``--format html`` report itself, with one link back
to the form before it; a bad input gets the form again, with the CLI's message above it.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Template

from skillgap.gap.compare import skillgap_version
from skillgap.ingest import SUFFIXES, SUPPORTED
from skillgap.models import GapReport
from skillgap.report import render
from skillgap.report.html import load_template

PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
BACK = (
    '<nav style="margin-bottom:1rem"><a href="/" id="again">Compare another résumé '
    "or job ad</a></nav>\n"
)


def upload_page(*, error: str | None = None, token: bool = False, redact: bool = False) -> str:
    """The form; ``error`` is shown above it; ``token`` adds the access-token field."""
    return _template().render(
        csp=PAGE_CSP,
        error=error,
        token=token,
        redact=redact,
        supported=SUPPORTED,
        accept=",".join(sorted(SUFFIXES)),
        version=skillgap_version(),
    )


def report_page(report: GapReport) -> str:
    """The report exactly as ``compare --format html`` writes it, with the way back."""
    page = render(report, "html")
    head, body, rest = page.partition("<body>\n")
    return head + body + BACK + rest if body else page


@lru_cache(maxsize=1)
def _template() -> Template:
    return load_template("skillgap.serve", "page.html.j2")
