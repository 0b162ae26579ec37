"""Serve: the private web page and the HTTP API of ``skillgap serve`` (the ``serve`` extra).

Modules: ``app`` (the FastAPI app, its routes and the guard in front of them), ``uploads``
(documents read in memory within the limits), ``work`` (the bounded thread pool the CPU work
runs in), ``page`` (the upload form and the report page), ``limits`` (the bounds of a
request), ``problems`` (the error codes). It sits beside the batch runner: it uses the
Analyzer, the batch rows and the report formats, and nothing below imports it.
"""

from skillgap.serve.limits import ServeLimits

__all__ = ["ServeLimits", "create_app"]


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003, ANN201 - FastAPI loads only when used
    """The ASGI app; see :func:`skillgap.serve.app.create_app`."""
    from skillgap.serve.app import create_app as create

    return create(*args, **kwargs)
