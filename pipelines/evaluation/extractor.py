"""The real extractor, producing the CLI records that get scored."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Iterable

from pipelines.nlp.api import ArticleInput

PROGRESS_FROM = 20  # inputs: below this a progress bar is noise


class ExtractorUnavailable(RuntimeError):
    pass


def progress(items: Iterable, total: int, desc: str) -> Iterable:
    """A tqdm bar on stderr for longer sets (hidden when stderr is not a terminal)."""
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", file=sys.stderr,
                disable=True if total < PROGRESS_FROM else None, leave=False)


@dataclass
class Extractor:
    model: str
    batch_size: int = 16
    n_process: int = 1
    _nlp: Any = field(default=None, repr=False)

    def _load(self):
        try:
            from pipelines.nlp.pipeline import load_nlp
        except ImportError as exc:
            raise ExtractorUnavailable(f"the extractor cannot be imported ({exc}); is pipelines/nlp complete?") from exc
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    @property
    def version(self) -> str | None:
        """The extractor version the warehouse would record (None if it cannot be told)."""
        for module in ("pipelines.nlp.extract", "pipelines.nlp.pipeline"):
            try:
                function = getattr(__import__(module, fromlist=["extractor_version"]), "extractor_version")
            except (ImportError, AttributeError):
                continue
            return str(function(self.model))
        return None

    def records(self, inputs: list[ArticleInput], desc: str) -> dict[str, dict[str, Any]]:
        """CLI record per article id, exactly as `presswatch extract` writes them."""
        try:
            from pipelines.nlp.extract import extract_articles, to_cli_record
        except ImportError as exc:
            raise ExtractorUnavailable(f"the extractor cannot be imported ({exc}); is pipelines/nlp complete?") from exc
        nlp = self._load()
        stream = extract_articles(nlp, iter(inputs), batch_size=self.batch_size, n_process=self.n_process)
        out = {}
        for result in progress(stream, len(inputs), desc):
            out[result.article_id] = to_cli_record(result, result.article_id)
        missing = [a.article_id for a in inputs if a.article_id not in out]
        if missing:
            raise ExtractorUnavailable(f"the extractor returned no result for {len(missing)} inputs, e.g. {missing[0]}")
        return out
