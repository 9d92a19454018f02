"""CAMEO code -> (PLOVER type, mode), from the CAMEO2PLOVER table plus documented corrections."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

RULES = Path(__file__).parent / "rules"
ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")


class CameoMapper:
    def __init__(self, table: dict[str, tuple[str, str | None]], corrections: dict[str, dict]):
        self.table = table
        self.corrections = corrections

    @classmethod
    def from_table(cls, path: Path) -> "CameoMapper":
        table: dict[str, tuple[str, str | None]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            match = ROW.match(line.strip())
            if match:
                code, plover, mode = match.group(1), match.group(2), (match.group(3) or "").strip() or None
                table.setdefault(code, (plover, mode))
        overrides = yaml.safe_load((RULES / "overrides.yaml").read_text(encoding="utf-8")) or {}
        return cls(table, overrides.get("cameo_codes") or {})

    def lookup(self, code: str) -> tuple[str, str | None] | None:
        """Most specific row first: 0311 -> 031 -> 03. Corrections win over the table;
        a correction of None drops the code (CAMEO 01x statements are not PLOVER events)."""
        code = code.strip()
        if not code or not code[:2].isdigit():
            return None
        for length in (len(code), 3, 2):
            prefix = code[:length]
            if prefix in self.corrections:
                fix = self.corrections[prefix]
                return None if fix is None else (fix["type"], fix.get("mode"))
            if len(prefix) > 2 and prefix in self.table:
                return self.table[prefix]
        # Two-digit rows are ambiguous for 08 (CONCEDE vs RETREAT): only trust unique ones.
        row = self.table.get(code[:2])
        return row if code[:2] != "08" else None
