"""Jobs left RUNNING by a dead worker go back to the queue; others' stay."""

from __future__ import annotations

import os
import subprocess

from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.web.cli.jobs import slow_note
from theodoi.cli.serve import host_prefix, reclaim_orphaned_jobs, worker_id


def running_job(claimed_by: str) -> str:
    job_id = slow_note.enqueue("/nonexistent", 0).id
    DBTaskResult.objects.filter(pk=job_id).update(
        status=TaskResultStatus.RUNNING, worker_ids=[claimed_by]
    )
    return str(job_id)


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_only_jobs_of_dead_workers_on_this_machine_are_requeued() -> None:
    killed_supervisor = running_job(worker_id(dead_pid(), 1))
    seen_dying = running_job(f"{host_prefix()}:{os.getpid()}:3")
    still_working = running_job(f"{host_prefix()}:{os.getpid()}:4")
    other_machine = running_job(f"app-2:{dead_pid()}:1")
    other_tool = running_job("a3f9c0e1b2d4")  # an id db_worker made up itself

    requeued = reclaim_orphaned_jobs({f"{host_prefix()}:{os.getpid()}:3"})

    assert sorted(requeued) == sorted([killed_supervisor, seen_dying])
    states = dict(DBTaskResult.objects.values_list("id", "status"))
    assert {str(k): v for k, v in states.items()} == {
        killed_supervisor: TaskResultStatus.READY,
        seen_dying: TaskResultStatus.READY,
        still_working: TaskResultStatus.RUNNING,
        other_machine: TaskResultStatus.RUNNING,
        other_tool: TaskResultStatus.RUNNING,
    }
    assert DBTaskResult.objects.ready().count() == 2  # the worker's own query finds them
