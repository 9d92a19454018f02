"""Freed memory goes back to the system once a process has grown past its last size."""

import sys

import pytest

from pipelines import heap

linux_glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or heap._libc() is None,
                                 reason="malloc_trim is glibc's")


@linux_glibc
def test_a_freed_burst_is_returned_only_when_the_process_grew_past_the_slack():
    heap.trim()
    floor = heap.resident_bytes()
    assert heap.trim_if_grown(growth_mb=64) is False  # nothing new: no trim
    # many small objects land in the heap (not in mmap'd blocks that free returns by itself)
    burst = [bytearray(1000) for _ in range(200_000)]
    grown = heap.resident_bytes()
    assert grown > floor + 150 * 2**20
    del burst
    assert heap.trim_if_grown(growth_mb=64) is True
    assert heap.resident_bytes() < grown - 100 * 2**20


def test_without_glibc_nothing_is_trimmed(monkeypatch):
    monkeypatch.setattr(heap, "_libc", lambda: None)
    assert heap.trim_if_grown() is False
    heap.trim()  # harmless
