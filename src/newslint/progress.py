"""A progress line on stderr for long runs: shown only when stderr is a terminal, the run has lasted more than
``AFTER`` seconds, and neither ``--quiet`` nor a CI environment (``CI`` set, ``TERM=dumb``) says otherwise.
It is redrawn in place (``\\r``) from a background thread and erased before anything else is printed, so it
never ends up in a log or between findings.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from typing import Callable, Optional

AFTER = 1.0  # seconds before the line appears (NEWSLINT_PROGRESS_AFTER overrides, for tests)
EVERY = 0.5  # seconds between redraws


def wanted(stream=None, quiet: bool = False, environ: Optional[dict] = None) -> bool:
    env = os.environ if environ is None else environ
    stream = stream if stream is not None else sys.stderr
    if quiet or env.get("CI") or env.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """``with Progress(render):`` — ``render(seconds)`` returns the text of the line."""

    def __init__(self, render: Callable[[float], str], stream=None, enabled: bool = True):
        self.render = render
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        try:
            self.after = float(os.environ.get("NEWSLINT_PROGRESS_AFTER", AFTER))
        except ValueError:
            self.after = AFTER
        self._stop = threading.Event()
        self._running = threading.Event()
        self._lock = threading.Lock()
        self._shown = False
        self._last = ""
        self._thread: Optional[threading.Thread] = None
        self._t0 = 0.0

    def _draw(self) -> None:
        with self._lock:
            if self._stop.is_set():
                return
            try:
                line = self.render(time.monotonic() - self._t0)
                if line == self._last:
                    return
                self.stream.write("\r\033[K" + line)
                self.stream.flush()
                self._last = line
                self._shown = True
            except (OSError, ValueError):
                self._stop.set()

    def _loop(self) -> None:
        if self.after <= 0:
            self._draw()
        self._running.set()
        if not self._stop.wait(max(self.after, 0)):
            while True:
                self._draw()
                if self._stop.wait(EVERY):
                    break

    def __enter__(self) -> "Progress":
        if self.enabled:
            self._t0 = time.monotonic()
            self._thread = threading.Thread(target=self._loop, name="newslint-progress", daemon=True)
            self._thread.start()
            self._running.wait(1.0)
        return self

    def close(self) -> None:
        if self._thread is None:
            return
        with self._lock:
            self._stop.set()
            if self._shown:
                try:
                    self.stream.write("\r\033[K")
                    self.stream.flush()
                except (OSError, ValueError):
                    pass
        self._thread.join(1.0)
        self._thread = None

    def __exit__(self, *exc) -> None:
        self.close()
