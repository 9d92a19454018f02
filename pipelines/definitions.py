"""The Dagster code location: everything under pipelines/defs/."""

import dagster as dg

import pipelines.defs

defs = dg.load_defs(defs_root=pipelines.defs)
