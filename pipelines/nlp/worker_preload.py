"""Imported once by multiprocessing's fork server (see extract._extract_in_fork_server).

Loads and warms the model named in PRESSWATCH_WORKER_MODEL, so that extraction workers fork
from a process holding only the pipeline: they share its pages and start at once.
"""

import os

from pipelines.nlp.extract import WORKER_MODEL_ENV, warm_up
from pipelines.nlp.pipeline import load_nlp

if os.environ.get(WORKER_MODEL_ENV):
    warm_up(load_nlp(os.environ[WORKER_MODEL_ENV]))
