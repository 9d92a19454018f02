"""The dbt project, in its own module: dagster-dbt needs its manifest at import time."""

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from pipelines.settings import PROJECT_ROOT, get_settings

get_settings()  # exports PRESSWATCH_WAREHOUSE, which profiles.yml reads

# dbt is installed next to this interpreter; make it findable without an activated venv
# (dagster-dbt looks for `dbt` on PATH, also when it prepares the manifest).
_BIN = str(Path(sys.executable).parent)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _manifest_stale() -> bool:
    """Missing, or older than a model, macro or project file (a model added since the last
    parse would be unknown to the assets)."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [DBT_PROJECT_DIR / "dbt_project.yml"]
    for folder in ("models", "macros", "tests", "analyses"):
        sources.extend((DBT_PROJECT_DIR / folder).rglob("*.*"))
    return any(path.stat().st_mtime > built for path in sources if path.is_file())


# Under `dagster dev` the manifest is rebuilt on load; elsewhere (tests, `make pipeline`,
# a fresh clone, a model edited since) build it when missing or stale so that importing the
# code location never fails and never runs an outdated graph.
dbt_project.prepare_if_dev()
if _manifest_stale():
    dbt_project.preparer.prepare(dbt_project)
