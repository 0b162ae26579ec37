"""Imported by the fork server that starts rank's workers: spaCy and the default Analyzer load
there once, and every worker forked from it starts with them (a replacement worker too).

A worker's task arrives pickled, and its Analyzer unpickles through the per-process cache
that this fills, so a worker forked from here is ready in milliseconds, not seconds.
"""

from skillgap.analyzer import _restore
from skillgap.options import Options

_restore(None, Options())
