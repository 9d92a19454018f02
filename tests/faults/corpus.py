"""The fault tests' input: ~40 small files of VOA stories (public domain, bundled in
data/sample) in every supported shape, with exact and near duplicates across files, so a
resumed run has to reproduce the reference run's dedup links as well as its rows."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from tests.conftest import PROJECT_ROOT

VOA = PROJECT_ROOT / "data" / "sample" / "voa_stories.jsonl"
N_FILES = 40


def _short(text: str, max_chars: int = 900) -> str:
    """The story's opening sentences: enough for actors, quotes and events, cheap to extract."""
    sentences = re.split(r"(?<=[.!?”\"])\s+", text.strip())
    out = ""
    for sentence in sentences:
        if len(out) + len(sentence) > max_chars and out:
            break
        out += sentence + " "
    return out.strip()


def stories() -> list[dict]:
    with open(VOA, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [{"id": r["id"], "title": r["title"], "url": r["url"], "author": r["author"],
             "published": r["published"], "text": _short(r["text"])} for r in rows]


def build_landing(landing: Path, n_files: int = N_FILES) -> dict:
    """Writes the input files; returns what was written (file count, story count)."""
    landing.mkdir(parents=True, exist_ok=True)
    pool = stories()
    used = 0
    for index in range(n_files):
        shape = index % 5
        if shape == 0:  # two stories in one JSONL file
            records, used = pool[used:used + 2], used + 2
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (landing / f"{index:02d}_batch.jsonl").write_text(body, encoding="utf-8")
        elif shape == 1:
            story, used = pool[used], used + 1
            (landing / f"{index:02d}_story.json").write_text(json.dumps(story, ensure_ascii=False), encoding="utf-8")
        elif shape == 2:
            story, used = pool[used], used + 1
            (landing / f"{index:02d}_story.txt").write_text(story["title"] + "\n\n" + story["text"], encoding="utf-8")
        elif shape == 3:
            story, used = pool[used], used + 1
            data = gzip.compress(json.dumps(story, ensure_ascii=False).encode("utf-8"), mtime=0)
            (landing / f"{index:02d}_story.json.gz").write_bytes(data)
        else:  # a story already seen in another file: exact or near duplicate
            original = pool[index - 4]  # first story of an earlier JSONL file
            if index % 10 == 4:
                copy = dict(original, id=f"{original['id']}-copy", url=None)
            else:
                copy = dict(original, id=f"{original['id']}-update",
                            text=original["text"] + " The report was updated with new details.")
            (landing / f"{index:02d}_dup.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return {"files": n_files, "stories": used}
