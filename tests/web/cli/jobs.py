"""A background job for the supervision tests: slow enough to be killed
in the middle, and leaving a trace when it finally completes."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def slow_note(path: str, seconds: float) -> str:
    time.sleep(seconds)
    Path(path).write_text("done", encoding="utf-8")
    return "done"
