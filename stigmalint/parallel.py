"""Check many files in parallel worker processes; results come back in input order.

CI runs stigmalint over whole trees of policy documents. Checking is CPU-bound
Python, so threads would not help; worker processes do. The workers are *forked*
from the CLI process after it has loaded its pre-scan, so they start in
milliseconds and share its memory. Only an index goes to a
worker and only the file's result comes back (the task itself is inherited at
fork, never pickled), and results are collected in the order of the input, so
the output is identical to a serial run.

Most files of a tree need no pipeline at all (the pre-scan finds nothing), and
importing spaCy costs each process about a second. So :func:`map_deferred` works in
two phases: the workers first check the files that need no pipeline and hand back
the others; meanwhile the parent process builds the pipeline once, in a thread.
When it is ready, the files handed back and those not yet seen are checked by
workers forked from the parent, which inherit the ready pipeline instead of
importing spaCy each.

Where ``fork`` is not available (Windows) files are checked one by one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_FILES = 8  # fewer files than this: forking costs more than it saves
MIN_BYTES = 256 * 1024  # about 40,000 words
DENSE_AFTER = 16  # files handed back, mostly, before the first phase gives up

# The task and its items, set in the parent just before the workers are forked.
_TASK: Callable[[Any], Any] | None = None
_ITEMS: Sequence[Any] = ()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing  # not at import: a single-file run must not pay for it

    return sys.platform != "win32" and "fork" in multiprocessing.get_all_start_methods()


def choose_jobs(requested: int, paths: Sequence[str]) -> int:
    """``requested`` if given (> 0); otherwise the CPUs, when there are many files."""
    if requested > 0:
        return requested
    if len(paths) < MIN_FILES:
        return 1
    total = 0
    for p in paths:
        with contextlib.suppress(OSError):
            total += os.path.getsize(p)
        if total >= MIN_BYTES:
            return cpu_count()
    return 1


def _run_one(index: int) -> tuple[bool, Any]:
    assert _TASK is not None
    try:
        return True, _TASK(_ITEMS[index])
    except BaseException as exc:  # re-raised in the parent, in order
        return False, exc


def _forked(task: Callable[[T], R], items: Sequence[T], jobs: int) -> Generator[R, None, None]:
    """``task`` of each item in ``jobs`` forked workers, yielded in input order; an
    exception is raised here, in order. Leaving the loop early stops the workers."""
    global _TASK, _ITEMS
    import multiprocessing

    _TASK, _ITEMS = task, items
    try:
        chunk = max(1, min(16, len(items) // (jobs * 8)))
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for ok, value in pool.imap(_run_one, range(len(items)), chunksize=chunk):
                if not ok:
                    raise value
                yield value
    finally:
        _TASK, _ITEMS = None, ()


def map_ordered(task: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[task(x) for x in items]``, spread over ``jobs`` forked processes."""
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [task(x) for x in items]
    return list(_forked(task, items, jobs))


def map_deferred(
    first: Callable[[T], R | None],
    full: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    prepare: Callable[[], object],
) -> list[R]:
    """``[full(x) for x in items]``, where ``first(x)`` may already give the result.

    ``first`` runs in ``jobs`` forked workers and returns ``None`` for an item that
    needs ``full``. At the first such item, ``prepare`` (building the pipeline) starts
    in a thread of this process while the workers go on; once it is done, the workers
    are stopped, and every item without a result is checked with ``full`` by workers
    forked after ``prepare`` (or here, if there are only a few), so that they share what
    it built. A tree of clean files never builds the pipeline; when nearly every item
    needs it (a tree of texts about sex work), the first phase stops after a few.
    """
    jobs = min(jobs, len(items))
    if jobs <= 1 or not can_fork():
        return [full(x) for x in items]
    results: list[R | None] = [None] * len(items)
    thread: threading.Thread | None = None
    deferred = 0
    done = _forked(first, items, jobs)
    try:
        for i, value in enumerate(done):
            results[i] = value
            if value is None:
                deferred += 1
                if thread is None:
                    thread = threading.Thread(
                        target=_quietly, args=(prepare,), name="stigmalint-prepare", daemon=True
                    )
                    thread.start()
            if thread is not None and not thread.is_alive():
                break  # the pipeline is ready: the rest goes to workers that share it
            if deferred >= DENSE_AFTER and deferred >= 0.75 * (i + 1):
                break  # nearly every file needs it: let the build have the CPUs
    finally:
        done.close()  # stops the first phase's workers before any new fork
        if thread is not None:
            thread.join()
    left = [i for i, r in enumerate(results) if r is None]
    if left:
        rest = map_ordered(full, [items[i] for i in left], jobs if len(left) >= MIN_FILES else 1)
        for i, r in zip(left, rest, strict=True):
            results[i] = r
    return results  # type: ignore[return-value]  # every None was filled


def _quietly(prepare: Callable[[], object]) -> None:
    """An error here (a model that cannot be loaded) is raised again, and reported, when
    the items that need the pipeline are checked."""
    with contextlib.suppress(Exception):
        prepare()
