"""Resources: where the warehouse lives and how extraction runs, from pipelines.settings."""

import dagster as dg
from dagster_dbt import DbtCliResource

from pipelines.defs.dbt_project import dbt_project
from pipelines.settings import Settings, get_settings

SETTINGS = get_settings()  # also exports PRESSWATCH_WAREHOUSE for dbt's profile


class PresswatchResource(dg.ConfigurableResource):
    """Paths and extraction settings; each defaults to its environment variable (see settings.py)."""

    warehouse_path: str = str(SETTINGS.warehouse_path)
    published_path: str = str(SETTINGS.published_path)
    spacy_model: str = SETTINGS.spacy_model
    batch_size: int = SETTINGS.batch_size
    n_process: int = SETTINGS.n_process

    def settings(self) -> Settings:
        from dataclasses import replace
        from pathlib import Path

        return replace(
            get_settings(),
            warehouse_path=Path(self.warehouse_path),
            published_path=Path(self.published_path),
            spacy_model=self.spacy_model,
            batch_size=self.batch_size,
            n_process=self.n_process,
        )


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "presswatch": PresswatchResource(
                warehouse_path=dg.EnvVar("PRESSWATCH_WAREHOUSE"),
                published_path=dg.EnvVar("PRESSWATCH_PUBLISHED"),
            ),
            "dbt": DbtCliResource(
                project_dir=dbt_project,
                profiles_dir=str(dbt_project.profiles_dir),
            ),
        }
    )
