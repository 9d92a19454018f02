"""`python -m pipelines.evaluation` / `presswatch eval`: run the extractor on the gold and dev
sets, print one table, save the same rows for the dashboard's Quality page."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from pipelines.evaluation.extractor import Extractor, ExtractorUnavailable
from pipelines.evaluation.gold import MISSING_HINT, EvalDataMissing
from pipelines.evaluation.sets import evaluate_html, evaluate_plover, evaluate_seed
from pipelines.evaluation.table import Row, format_table, payload, write_results
from pipelines.settings import PROJECT_ROOT, get_settings

SETS = ("seed", "dev", "plover", "html")
# Hand-annotated public-domain stories kept in the repository (eval/dev/README.md): rules
# are checked on news other than the seed before they meet annotated news we do not have.
DEV_DIR = PROJECT_ROOT / "eval" / "dev"
SET_ALIASES = {"gold": "seed", "html_dev": "html", "plover_dev": "plover"}
RESULTS_ENV = "PRESSWATCH_EVAL_RESULTS"


def results_path() -> Path:
    raw = os.environ.get(RESULTS_ENV) or "data/eval/latest.json"
    path = Path(raw).expanduser()
    return (path if path.is_absolute() else PROJECT_ROOT / path).resolve()


def parse_sets(text: str) -> list[str]:
    chosen = []
    for name in (part.strip().lower() for part in text.split(",") if part.strip()):
        name = SET_ALIASES.get(name, name)
        if name not in SETS:
            raise argparse.ArgumentTypeError(f"unknown set {name!r}; choose from {', '.join(SETS)}")
        if name not in chosen:
            chosen.append(name)
    return chosen


def run(sets: list[str], eval_dir: Path, extractor: Extractor) -> tuple[list[Row], dict]:
    """Rows of every set; a set whose extractor cannot run is reported in details[set]["error"]
    and the others still run. Missing annotated data stops everything (EvalDataMissing)."""
    if not eval_dir.is_dir():
        raise EvalDataMissing(f"eval dir {eval_dir} does not exist: {MISSING_HINT}")
    rows: list[Row] = []
    details: dict = {}
    for name in sets:
        started = time.monotonic()
        try:
            if name == "seed":
                set_rows, set_details = evaluate_seed(eval_dir, extractor)
            elif name == "dev":
                set_rows, set_details = evaluate_seed(DEV_DIR, extractor, set_name="dev")
            elif name == "plover":
                set_rows, set_details = evaluate_plover(eval_dir, extractor)
            else:
                set_rows, set_details = evaluate_html(eval_dir)
        except ExtractorUnavailable as exc:
            set_rows, set_details = [], {"error": str(exc)}
        rows += set_rows
        details[name] = set_details | {"seconds": round(time.monotonic() - started, 2)}
    return rows, details


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presswatch eval", description=__doc__)
    parser.add_argument("--sets", type=parse_sets, default=list(SETS),
                        help=f"comma-separated, from {','.join(SETS)} (default: all)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"results file (default: ${RESULTS_ENV} or data/eval/latest.json)")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a goal is missed")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--"]:   # `presswatch eval -- --sets html` passes the separator through
        argv = argv[1:]
    args = build_parser().parse_args(argv)
    settings = get_settings()
    extractor = Extractor(settings.spacy_model, batch_size=settings.batch_size, n_process=settings.n_process)
    try:
        rows, details = run(args.sets, settings.eval_dir, extractor)
    except EvalDataMissing as exc:
        print(f"presswatch eval: {exc}", file=sys.stderr)
        return 2
    errors = {name: d["error"] for name, d in details.items() if "error" in d}
    for name, error in errors.items():
        print(f"presswatch eval: set {name} not measured: {error}", file=sys.stderr)
    try:
        version = extractor.version
    except Exception as exc:  # the version is a label; its absence must not lose the results
        print(f"presswatch eval: no extractor version ({exc})", file=sys.stderr)
        version = None
    data = payload(rows, version, {"eval_dir": str(settings.eval_dir), "details": details})
    output = args.output or results_path()
    write_results(output, data)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_table(rows))
        print(f"\nextractor {version or 'unknown'}; saved to {output}")
    if errors:
        return 2
    failed = [r for r in rows if r.passed is False]
    return 1 if args.strict and failed else 0
