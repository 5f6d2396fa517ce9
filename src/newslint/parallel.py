"""Page-level work in worker processes.

The per-page phase (``newslint_check_page`` and ``newslint_collect_page``) is independent for each page,
so it runs in a process pool; results come back in page order and the corpus phase runs in the parent,
so findings are the same, in the same order, with 1 or N jobs.  Each worker builds its own plugin
manager and context once (pluggy managers do not pickle); pages travel without their caches.
Small runs stay in one process: starting workers costs more than it saves.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .finding import Finding
from .page import Page

MIN_CHARS_PER_JOB = 200_000  # below this much text per worker, one process is faster

_WORKER_CTX = None
# Set when a pool was abandoned (Ctrl-C or an error in the middle): concurrent.futures may then block for
# ever joining its manager thread at interpreter exit, so the CLI leaves with os._exit after flushing.
POOL_ABANDONED = False


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: Optional[int], pages: Sequence[Page]) -> int:
    jobs = default_jobs() if not jobs else jobs
    total = sum(len(p.text) for p in pages)
    return max(1, min(jobs, len(pages), total // MIN_CHARS_PER_JOB or 1))


class WorkerError(Exception):
    """Something failed in a worker outside the plugins' hooks; the run ends with its message."""


def _init_worker(ctx_blob: bytes) -> None:
    global _WORKER_CTX
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: exit 130, no tracebacks
    try:
        from .config import load
        from .engine import Context, all_rules, plugin_manager

        spec = pickle.loads(ctx_blob)
        pm = plugin_manager()
        ctx = Context(pm, all_rules(pm), load(spec["config_path"]), args=spec["args"],
                      select=spec["select"], ignore=spec["ignore"])
        pm.hook.newslint_configure(ctx=ctx)
        _WORKER_CTX = ctx
    except BaseException as e:  # reported with the first chunk: a failing initializer breaks the pool
        _WORKER_CTX = e


def _work(chunk: List[Page]) -> Any:
    """A chunk's results, or ``("error", kind, message)``: a failure travels back as a value, so the
    pool always finishes normally and the run ends cleanly (no abandoned pool, no hang at exit)."""
    from .config import ConfigError
    from .engine import check_page

    if isinstance(_WORKER_CTX, BaseException):
        e = _WORKER_CTX
        return ("error", "config" if isinstance(e, ConfigError) else "worker", _describe(e))
    try:
        return [check_page(p, _WORKER_CTX) for p in chunk]
    except ConfigError as e:
        return ("error", "config", str(e))
    except BaseException as e:
        return ("error", "worker", _describe(e))


def _describe(e: BaseException) -> str:
    from .config import ConfigError

    return str(e) if isinstance(e, ConfigError) else f"{type(e).__name__}: {e}"


def _chunks(pages: List[Page], n: int) -> List[List[Page]]:
    size = max(1, min(16, len(pages) // (n * 4) or 1))
    return [pages[i:i + size] for i in range(0, len(pages), size)]


def page_phase(ctx, jobs: int):
    """A ``page_phase`` callable for :func:`newslint.engine.check_pages` using ``jobs`` processes."""

    def phase(pages: List[Page]):
        from .engine import check_page

        n = effective_jobs(jobs, pages)
        if n <= 1:
            return [check_page(p, ctx) for p in pages]
        spec = {"config_path": ctx.config.path, "args": _picklable_args(ctx.args),
                "select": ctx.select_arg, "ignore": ctx.ignore_arg}
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        mp = multiprocessing.get_context(method)
        results: List[Tuple[List[Finding], Dict[str, Any]]] = []
        pool = ProcessPoolExecutor(max_workers=n, mp_context=mp, initializer=_init_worker,
                                   initargs=(pickle.dumps(spec),))
        failure = None
        try:
            for part in pool.map(_work, _chunks(pages, n)):
                if isinstance(part, tuple):
                    failure = failure or part
                    continue
                results.extend(part)
        except BaseException:
            global POOL_ABANDONED
            POOL_ABANDONED = True
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.terminate()  # do not wait for queued pages on Ctrl-C or an error
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        if failure is not None:
            from .config import ConfigError

            _, kind, message = failure
            raise ConfigError(message) if kind == "config" else WorkerError(f"a worker process failed: {message}")
        return results

    return phase


def _picklable_args(args: Any) -> Any:
    if args is None:
        return None
    import argparse

    ns = argparse.Namespace(**{k: v for k, v in vars(args).items() if k != "func"})
    try:
        pickle.dumps(ns)
    except Exception:
        ns = argparse.Namespace(**{k: v for k, v in vars(ns).items() if _can_pickle(v)})
    return ns


def _can_pickle(v: Any) -> bool:
    try:
        pickle.dumps(v)
        return True
    except Exception:
        return False
