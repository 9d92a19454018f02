"""Ingest's CPU-bound work (decoding, boilerplate, language, MinHash) on every core.

    with worker_pool(settings.n_process):
        ...                                   # anywhere below, in this process:
        results = parallel_map(build_one, items)  # in order, like [build_one(x) for x in items]

The pool is forked on the first call with enough items to pay for it (a run with nothing
new starts none) and closed when the block ends. A forked worker that calls parallel_map
itself (a file read inside the pool) works sequentially: pools do not nest. Functions and
items must pickle (module-level functions, functools.partial of them, plain data).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from pipelines.processes import watch_parent

T = TypeVar("T")
# Fewer items than this run in the calling process: forking and pickling cost more.
MIN_PARALLEL_ITEMS = 24
_CHUNK = 8

_wanted = 1
_owner: int | None = None  # the process that may use the pool
_pool: Any = None


@contextmanager
def worker_pool(processes: int) -> Iterator[None]:
    """Lets parallel_map use `processes` forked workers inside the block."""
    global _wanted, _owner, _pool
    if processes == -1:
        processes = os.cpu_count() or 1
    if _owner is not None or processes <= 1 or "fork" not in mp.get_all_start_methods():
        yield  # already inside a pool's block, one core, or no fork on this platform
        return
    _wanted, _owner = processes, os.getpid()
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        pool, _pool, _owner, _wanted = _pool, None, None, 1
        if pool is not None:
            if failed:
                pool.terminate()
            else:
                pool.close()  # workers take their sentinels and exit
            pool.join()


def parallel_map(function: Callable[[Any], T], items: Sequence[Any]) -> list[T]:
    """[function(x) for x in items], on the pool's workers when there is one and enough items."""
    global _pool
    if _owner != os.getpid() or len(items) < MIN_PARALLEL_ITEMS:
        return [function(item) for item in items]
    if _pool is None:
        from pipelines.ingest.language import warm_detector

        warm_detector()  # loaded once here and shared, not once per worker
        _pool = mp.get_context("fork").Pool(_wanted, initializer=watch_parent, initargs=(os.getpid(),))
    return _pool.map(function, items, chunksize=_CHUNK)
