"""python -m pipelines.evaluation [--sets seed,plover,html] [--json] [--strict]"""

import sys

from pipelines.evaluation.runner import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
