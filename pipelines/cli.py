"""presswatch's command line: parse | extract | pipeline | backfill-split | sql | eval | bench.

Every command calls the same functions as the Dagster assets.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pipelines.settings import get_settings


def _parse_date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_extract_inputs(path: Path, errors: list) -> Iterator:
    """Input lines {"id", "text", "published"?, "title"?, "url"?}; a bad line is reported, not fatal."""
    from pipelines.nlp.api import ArticleInput

    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('each line must be an object with a "text" string')
            except ValueError as exc:
                errors.append({"id": None, "line": number, "error": f"line {number}: {exc}"})
                continue
            ident = str(record.get("id", number))
            yield ArticleInput(article_id=ident, text=record["text"], published=_parse_date(record.get("published")),
                               title=record.get("title"), url=record.get("url"))


def cmd_extract(args) -> int:
    from tqdm import tqdm

    from pipelines.nlp.extract import extract_articles, to_cli_record

    settings = get_settings()
    model = args.model or settings.spacy_model
    errors: list = []
    total = sum(1 for line in open(args.input, encoding="utf-8", errors="replace") if line.strip())
    inputs = read_extract_inputs(Path(args.input), errors)
    with open(args.output, "w", encoding="utf-8") as out, tqdm(total=total, unit="article", disable=args.quiet) as bar:
        for result in extract_articles(model, inputs, batch_size=settings.batch_size, n_process=args.n_process or settings.n_process):
            out.write(json.dumps(to_cli_record(result, result.article_id), ensure_ascii=False) + "\n")
            bar.update(1)
        for error in errors:
            out.write(json.dumps(error, ensure_ascii=False) + "\n")
            bar.update(1)
    for error in errors:
        print(error["error"], file=sys.stderr)
    return 0


def cmd_parse(args) -> int:
    from pipelines.ingest import parse_paths

    for record in parse_paths([Path(p) for p in args.files]):
        print(json.dumps(record, ensure_ascii=False, default=str))
    return 0


def cmd_pipeline(args) -> int:
    """One headless run of every asset, recorded in the Dagster instance; exit 1 on failure."""
    import dagster as dg

    from pipelines.definitions import defs

    job = defs.resolve_job_def("presswatch_pipeline")
    instance = dg.DagsterInstance.get() if not args.ephemeral else dg.DagsterInstance.ephemeral()
    result = job.execute_in_process(instance=instance, raise_on_error=False)
    if not result.success:
        for event in result.all_events:
            if event.is_failure:
                print(event.message, file=sys.stderr)
        print("pipeline failed; see the messages above (or the run in the Dagster UI)", file=sys.stderr)
        return 1
    print(f"pipeline succeeded: run {result.run_id}")
    return 0


def cmd_backfill_split(args) -> int:
    from pipelines.ingest.backfill import split_by_month

    settings = get_settings()
    out = Path(args.out) if args.out else settings.backfill_dir
    for source in args.files:
        counts = split_by_month(Path(source), out, settings.field_map)
        months = sorted(k for k in counts if k[:1].isdigit())
        span = f"{months[0]} … {months[-1]}" if months else "no dated lines"
        print(f"{source}: {sum(counts.values())} lines into {len(months)} months ({span}) under {out}"
              + "".join(f"; {counts[k]} {k}" for k in ("undated", "unreadable") if counts.get(k)))
    print("Now launch a backfill of the job `backfill_by_month` over those months in the Dagster UI.")
    return 0


def cmd_sql(args) -> int:
    from pipelines.sql_shell import run_shell

    return run_shell(write=args.write, command=args.command)


def cmd_eval(args) -> int:
    from pipelines.evaluation.__main__ import main as eval_main

    return eval_main(args.rest)


def cmd_bench(args) -> int:
    from pipelines.bench import main as bench_main

    return bench_main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presswatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print what ingestion would store for FILEs, one JSON line per article")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("extract", help="extract actors, quotes and events from IN.jsonl into OUT.jsonl")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--model", help="spaCy model (default: PRESSWATCH_SPACY_MODEL)")
    p.add_argument("--n-process", type=int, default=None)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("pipeline", help="run every asset once, headless")
    p.add_argument("--ephemeral", action="store_true", help="don't record the run in DAGSTER_HOME")
    p.set_defaults(func=cmd_pipeline)

    p = sub.add_parser("backfill-split", help="file a JSONL corpus under data/backfill/YYYY-MM/ for a backfill")
    p.add_argument("files", nargs="+")
    p.add_argument("--out", help="target folder (default: PRESSWATCH_BACKFILL or data/backfill)")
    p.set_defaults(func=cmd_backfill_split)

    p = sub.add_parser("sql", help="SQL shell on the published warehouse snapshot (read-only)")
    p.add_argument("--write", action="store_true", help="open the working warehouse for writing instead")
    p.add_argument("-c", "--command", help="run one statement and exit")
    p.set_defaults(func=cmd_sql)

    for name, func in (("eval", cmd_eval), ("bench", cmd_bench)):
        p = sub.add_parser(name, help=f"{name} (see `presswatch {name} --help`)")
        p.add_argument("rest", nargs=argparse.REMAINDER)
        p.set_defaults(func=func)
    return parser


PASS_THROUGH = {"eval": cmd_eval, "bench": cmd_bench}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in PASS_THROUGH:  # their own parsers take every option after the name
        return PASS_THROUGH[argv[0]](argparse.Namespace(rest=argv[1:]))
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
