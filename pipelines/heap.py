"""Handing freed memory back to the operating system.

CPython and the C libraries free memory into glibc's heap, which keeps the pages for reuse;
after a batch of large objects (a long article's Doc, a batch of result rows) the process
stays as big as its largest batch, and two workers that each once held a long article keep
the run near its peak. malloc_trim returns the free pages. Trimming after every batch costs
~5% of the run (the next batch faults the pages back in), so `trim_if_grown` trims only once
the process has grown well past its size after the last trim. A no-op off glibc/Linux.
"""

from __future__ import annotations

import ctypes
import os
from functools import lru_cache

GROWTH_MB = 48  # a typical batch stays within this; a long article goes well past it
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_floor: int | None = None  # resident bytes right after the last trim


@lru_cache(maxsize=1)
def _libc():
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None  # not glibc (macOS, musl): the allocator keeps its pages
    return libc if hasattr(libc, "malloc_trim") else None


def resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def trim() -> None:
    """Returns every free page of the C heap to the system."""
    global _floor
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
    _floor = resident_bytes()


def trim_if_grown(growth_mb: int = GROWTH_MB) -> bool:
    """trim() when the process is more than growth_mb above its size after the last trim."""
    rss = resident_bytes()
    if rss is None or _libc() is None:
        return False
    if _floor is None or rss > _floor + growth_mb * 2**20:
        trim()
        return True
    return False
