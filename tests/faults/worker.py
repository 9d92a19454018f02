"""A pipeline step in its own process, so a test can kill -9 it mid-way.

    python -m tests.faults.worker ingest|extract|publish [options]

Settings come from the environment (PRESSWATCH_*), as for any run. Prints one
`progress N` line per unit of work (file read, article written) and `done {json}` at the
end, flushed, so the test can pick a kill point from the process's own progress.
Test-only fault shims live here, never in the pipeline:
  --version-suffix S   pretend the extraction rules changed (extractor_version + S)
  --stall-copy         publish: copy half of the snapshot, then hang (a crash mid-copy)
  --die-inside TABLE:N kill -9 itself right after the Nth insert into TABLE, i.e. inside an
                       open transaction (the rows of that batch are written, not committed)
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def _progress_printer():
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        print(f"progress {done}", flush=True)

    return progress


def _patch_extractor_version(suffix: str) -> None:
    import pipelines.nlp.extract as extract

    original = extract.extractor_version
    extract.extractor_version = lambda model: original(model) + suffix


def _stall_copy() -> None:
    import pipelines.warehouse.publish as publish

    def half_then_hang(src, dst, *args, **kwargs):
        with open(src, "rb") as source, open(dst, "wb") as target:
            data = source.read()
            target.write(data[: len(data) // 2])
            target.flush()
        print("progress 1", flush=True)
        time.sleep(600)

    publish.shutil.copyfile = half_then_hang  # the module's own reference to shutil


def _die_inside(spec: str) -> None:
    import os
    import signal

    import pipelines.warehouse.writer as writer

    table, _, nth = spec.partition(":")
    original, calls = writer.insert_rows, {"n": 0}

    def insert_then_die(con, qualified, rows, **kwargs):
        written = original(con, qualified, rows, **kwargs)
        if qualified == table and rows:
            calls["n"] += 1
            if calls["n"] == int(nth):
                print("dying inside a transaction", flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
        return written

    writer.insert_rows = insert_then_die


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["ingest", "extract", "publish"])
    parser.add_argument("--files-per-write", type=int, default=50)
    parser.add_argument("--version-suffix")
    parser.add_argument("--stall-copy", action="store_true")
    parser.add_argument("--die-inside")
    args = parser.parse_args(argv)

    from pipelines import steps
    from pipelines.settings import get_settings

    settings = get_settings()
    if args.version_suffix:
        _patch_extractor_version(args.version_suffix)
    if args.stall_copy:
        _stall_copy()
    if args.die_inside:
        _die_inside(args.die_inside)
    print("started", flush=True)
    if args.step == "ingest":
        result = steps.run_ingest(settings, progress=_progress_printer(), files_per_write=args.files_per_write)
    elif args.step == "extract":
        result = steps.run_extract(settings, progress=_progress_printer())
    else:
        result = steps.run_publish(settings)
    print("done " + json.dumps(result, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
