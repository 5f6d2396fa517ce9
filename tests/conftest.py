import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run with a fixed seed in CI (reproducible); tests/test_properties.py's long fuzz run
# (NEWSLINT_FUZZ_EXAMPLES) switches derandomisation off for itself.
settings.register_profile("newslint", derandomize=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newslint"))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch):
    """newslint's own output follows the locale (--lang otherwise): tests see the default, Chinese."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def run_cli(capsys):
    """Run ``newslint`` in-process; return (exit code, stdout, stderr)."""
    from newslint.cli import main

    def _run(*argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def write(tmp_path):
    """Write a text file under tmp_path and return its path."""

    def _write(name, text, encoding="utf-8", newline=None):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode(encoding) if isinstance(text, str) else text
        p.write_bytes(data)
        return p

    return _write
