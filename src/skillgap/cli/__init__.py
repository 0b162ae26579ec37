"""The ``skillgap`` command line: ``app`` parses arguments, calls the library and renders.

It sits at the top of the flow and may import every other package; nothing imports it.
"""

from skillgap.cli.app import app, main

__all__ = ["app", "main"]
