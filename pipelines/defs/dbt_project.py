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

# Under `dagster dev` the manifest is rebuilt on load; elsewhere (tests, `make pipeline`,
# a fresh clone) build it once when missing so importing the code location never fails.
dbt_project.prepare_if_dev()
if not dbt_project.manifest_path.exists():
    dbt_project.preparer.prepare(dbt_project)
