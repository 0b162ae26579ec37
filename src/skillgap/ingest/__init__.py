"""Ingest: read a file (PDF, DOCX, HTML, text, Markdown) or text into a clean :class:`Document`.

Modules: ``readers`` (the registry of document types), ``read`` (paths, standard input,
bytes), ``pdf`` and ``pdf_layout`` (two PDF backends, one column handling), ``office``
(DOCX), ``html``, ``normalize`` (repairs every reader's text needs), ``quality`` (how far the
text can be trusted). It imports only the base modules (errors, models, options); the text
it returns is what every later offset indexes.
"""

from skillgap.ingest.read import document_from_bytes, document_from_text, read_document
from skillgap.ingest.readers import SUFFIXES, SUPPORTED

__all__ = ["SUFFIXES", "SUPPORTED", "document_from_bytes", "document_from_text", "read_document"]
