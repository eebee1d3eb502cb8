"""Parse a file in a child process under memory and CPU-time limits.

An uploaded file is hostile until read: a reader bug or a bomb no check
foresaw must not take the web process (or the worker) down with it. The
child sets ``RLIMIT_AS`` (address space) and ``RLIMIT_CPU`` on itself before
it reads anything, parses, and prints one JSON object; the parent also gives
up after a wall-clock timeout. Whatever goes wrong ends in ``InputError``
with a message naming the limit.

While it reads, the child writes one ``theodoi-progress DONE TOTAL`` line to
stderr per OCR page (theodoi.text.progress); the parent passes them to its
``on_progress`` callback, in the parent's own thread, as they come.

    python -m theodoi.text.sandbox FILE MEMORY_MB CPU_SECONDS
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from theodoi.text.progress import Progress, reporting
from theodoi.text.source import InputError

DEFAULT_MEMORY_MB = 2048
DEFAULT_CPU_SECONDS = 300
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
PROGRESS_MARK = b"theodoi-progress "


def _env_number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


def limits() -> tuple[int, int]:
    """(memory MB, CPU seconds): THEODOI_PARSE_MEMORY_MB, THEODOI_PARSE_CPU_SECONDS."""
    return (
        _env_number("THEODOI_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB),
        _env_number("THEODOI_PARSE_CPU_SECONDS", DEFAULT_CPU_SECONDS),
    )


#: Where the parent's restorer adaptation file is handed to the child.
ADAPTATION_ENV = "THEODOI_RESTORE_ADAPTATION"


def parse_isolated(
    path: str | Path,
    *,
    memory_mb: int | None = None,
    cpu_seconds: int | None = None,
    on_progress: Progress | None = None,
) -> tuple[dict[str, Any], str]:
    """The parse result (JSON contract) and plain text of the file at ``path``;
    ``on_progress(done, total)`` hears of each OCR page as the child reads it."""
    default_memory, default_cpu = limits()
    memory_mb = memory_mb or default_memory
    cpu_seconds = cpu_seconds or default_cpu
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if part
    )
    from theodoi.text.restore.model import current_adaptation

    adaptation = current_adaptation()
    if adaptation is not None:  # the installation's restorer, in the child too
        env[ADAPTATION_ENV] = str(adaptation)
    command = [sys.executable, "-m", "theodoi.text.sandbox", str(path), str(memory_mb)]
    command.append(str(cpu_seconds))
    done = _run(command, env, cpu_seconds * 2 + 30, on_progress)
    return _outcome(done, memory_mb, cpu_seconds)


def _run(
    command: list[str], env: dict[str, str], timeout: float, on_progress: Progress | None
) -> subprocess.CompletedProcess[bytes]:
    """Run the child, passing its progress lines to ``on_progress`` meanwhile."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out: list[bytes] = []
    err: list[bytes] = []
    heard: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()
    stdout, stderr = process.stdout, process.stderr
    assert stdout is not None and stderr is not None
    readers = [
        threading.Thread(target=lambda: out.append(stdout.read()), daemon=True),
        threading.Thread(target=_read_stderr, args=(stderr, err, heard), daemon=True),
    ]
    for reader in readers:
        reader.start()
    stop = time.monotonic() + timeout
    try:
        while True:
            try:
                process.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > stop:
                    raise
            finally:
                _deliver(heard, on_progress)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.wait()
        raise InputError(f"reading the document took longer than {timeout:.0f} s: stopped") from exc
    for reader in readers:
        reader.join()
    _deliver(heard, on_progress)
    return subprocess.CompletedProcess(command, process.returncode, b"".join(out), b"".join(err))


def _read_stderr(
    stream: IO[bytes], kept: list[bytes], heard: queue.SimpleQueue[tuple[int, int]]
) -> None:
    for line in stream:
        if line.startswith(PROGRESS_MARK):
            try:
                done, total = (int(part) for part in line[len(PROGRESS_MARK) :].split())
            except ValueError:
                continue
            heard.put((done, total))
        else:
            kept.append(line)


def _deliver(heard: queue.SimpleQueue[tuple[int, int]], on_progress: Progress | None) -> None:
    while not heard.empty():
        done, total = heard.get()
        if on_progress is not None:
            on_progress(done, total)


def _outcome(
    done: subprocess.CompletedProcess[bytes], memory_mb: int, cpu_seconds: int
) -> tuple[dict[str, Any], str]:
    try:
        answer = json.loads(done.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        answer = None
    if isinstance(answer, dict) and "error" in answer:
        raise InputError(str(answer["error"]))
    if isinstance(answer, dict) and done.returncode == 0:
        return answer["result"], answer["text"]
    code = done.returncode
    if code in (-signal.SIGXCPU, -signal.SIGKILL) or b"SIGXCPU" in done.stderr:
        raise InputError(
            f"reading the document used more than {cpu_seconds} s of CPU time: stopped"
        )
    if b"MemoryError" in done.stderr or code in (-signal.SIGSEGV, -signal.SIGABRT):
        raise InputError(f"reading the document needed more than {memory_mb} MB of memory: stopped")
    tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
    raise InputError(f"reading the document failed (exit {code}): {tail[0][:300]}")


def _limit_self(memory_mb: int, cpu_seconds: int) -> None:
    import resource

    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))


def _child(argv: list[str]) -> int:
    path, memory_mb, cpu_seconds = Path(argv[0]), int(argv[1]), int(argv[2])
    _limit_self(memory_mb, cpu_seconds)
    from theodoi.text import parse

    if os.environ.get(ADAPTATION_ENV):
        from theodoi.text.restore.model import use_adaptation

        use_adaptation(Path(os.environ[ADAPTATION_ENV]))

    def tell(done: int, total: int) -> None:
        sys.stderr.buffer.write(PROGRESS_MARK + f"{done} {total}\n".encode())
        sys.stderr.flush()

    try:
        with reporting(tell):
            source = parse.read_source(path)
        if not source.plain_text().strip():
            raise InputError("the document contains no text")
        result = parse.parse_source(source, source_name=path.name).to_json_dict()
        answer: dict[str, Any] = {"result": result, "text": source.plain_text()}
    except InputError as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        answer = {"error": f"reading the document needed more than {memory_mb} MB of memory"}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_child(sys.argv[1:]))
