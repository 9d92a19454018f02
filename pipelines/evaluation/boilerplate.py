"""Where the cut body ends, against the gold's `body_ends_before` marker.

Only the end is judged (a cleaner that also drops a caption at the top still ends right):
the body ends exactly when its last characters are the last characters before the marker.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.evaluation.textnorm import fold_case, normalise

_TAIL = 200  # characters compared at the end: enough to be unambiguous in prose


@dataclass(frozen=True)
class BoilerplateScore:
    exact: bool
    chars_after_marker: int   # boilerplate kept: characters of the body past the true end
    chars_lost: int           # body lost: characters of the true body missing at the end


def score_boilerplate(raw_text: str, body: str, marker: str) -> BoilerplateScore:
    """raw_text: the file as given; body: what the cleaner kept; marker: body_ends_before."""
    raw_n, body_n, marker_n = normalise(raw_text), normalise(body), normalise(marker)
    at = raw_n.find(marker_n) if marker_n else -1
    expected = raw_n[:at].rstrip() if at >= 0 else raw_n
    if not body_n:
        return BoilerplateScore(exact=not expected, chars_after_marker=0, chars_lost=len(expected))

    k = min(len(body_n), len(expected), _TAIL)
    if k and body_n[-k:] == expected[-k:]:
        return BoilerplateScore(exact=True, chars_after_marker=0, chars_lost=0)

    # Body runs on: everything past the true end (found by its tail, else by the marker).
    tail = expected[-_TAIL:]
    end = body_n.rfind(tail) if tail else -1
    if end >= 0:
        return BoilerplateScore(False, len(body_n) - (end + len(tail)), 0)
    found = fold_case(body_n).find(fold_case(marker_n)) if marker_n else -1
    if found >= 0:
        return BoilerplateScore(False, len(body_n) - found, 0)

    # Body stops early: how much of the true body is missing after its last characters.
    body_tail = body_n[-_TAIL:]
    stop = expected.rfind(body_tail)
    lost = len(expected) - (stop + len(body_tail)) if stop >= 0 else len(expected)
    return BoilerplateScore(False, 0, lost)
