"""Helpers for the forked worker pools of ingest and extraction."""

from __future__ import annotations

import os
import threading
import time


def watch_parent(parent: int) -> None:
    """Pool initializer: exit when the process that hands out work dies (kill -9) instead
    of finishing a long task first and lingering."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass  # alive, owned by someone else

    threading.Thread(target=watch, daemon=True).start()
