"""Imported by the first of rank's workers (or the fork server they come from where a fork
is not safe): spaCy and the default Analyzer load there once, and every worker forked from
it starts with them.

A worker's task arrives pickled, and its Analyzer unpickles through the per-process cache
that this fills, so a worker forked from here is ready in milliseconds, not seconds, and
shares the stream tokenizer built here. What loads here is frozen out of the cyclic garbage
collector's sight: a full collection would walk all of it in every worker (and copy the pages
it touches, which forking had shared).
"""

import gc

gc.disable()  # loading makes no garbage, and collections over it were most of its time
try:
    from skillgap.analyzer import _restore
    from skillgap.options import Options

    # A batch is a stream of texts: the tokenizer for one is built once, here (as rank's
    # Analyzer asks for it), not in each worker.
    _restore(None, Options()).extractor.nlp.tokenizer.stream()
finally:
    gc.freeze()
    gc.enable()
