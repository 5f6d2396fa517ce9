"""The pre-commit hooks, installed by the real ``pre-commit`` tool from a snapshot of this checkout, run by
a real ``git commit``: a defective page is blocked, a clean one passes, ``newslint-fix`` rewrites
punctuation.  pre-commit builds its own virtualenv with ``pip install`` of the repository (a wheel built
from pyproject.toml), so the same environment also proves the CI features work from an installed wheel.

One install per test session (module-scoped fixture); PRE_COMMIT_HOME is a temporary directory.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "本报讯(记者张三)1月2日,高新区召开安全生产工作会议。\n"
GOOD = "本报讯（记者张三）1月2日，高新区召开安全生产工作会议。\n"
SNAPSHOT = ["pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src", "rules"]


def _have_pre_commit() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return False
    return True


pytestmark = [
    pytest.mark.skipif(not _have_pre_commit(), reason="the pre-commit tool is not installed in this environment "
                       "(pip install pre-commit) — the hook test needs the real tool"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def _git_env(home: Path) -> dict:
    env = dict(os.environ)
    env.update({"PRE_COMMIT_HOME": str(home / "pre-commit-home"), "GIT_AUTHOR_NAME": "Test Editor",
                "GIT_AUTHOR_EMAIL": "editor@example.com", "GIT_COMMITTER_NAME": "Test Editor",
                "GIT_COMMITTER_EMAIL": "editor@example.com", "GIT_CONFIG_GLOBAL": os.devnull,
                "GIT_CONFIG_NOSYSTEM": "1", "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
                "NEWSLINT_NO_CACHE": "1"})
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


def _run(cmd, cwd, env, check=True, timeout=900):
    p = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"{cmd} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


def _snapshot(dest: Path, env: dict) -> str:
    """A git repository holding the working tree's package files, committed; returns the commit sha.
    (pre-commit clones a repository at a revision, so the hooks must be tested from a commit.)"""
    dest.mkdir()
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    if not (dest / "README.md").exists():  # the build needs the readme named in pyproject.toml
        (dest / "README.md").write_text("# newslint\n", encoding="utf-8")
    _run(["git", "init", "-q"], dest, env)
    _run(["git", "add", "-A"], dest, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], dest, env)
    return _run(["git", "rev-parse", "HEAD"], dest, env).stdout.strip()


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    env = _git_env(base)
    sha = _snapshot(base / "newslint-src", env)
    return base, env, sha


def _work_repo(base: Path, env: dict, sha: str, name: str, hook_ids) -> Path:
    work = base / name
    work.mkdir()
    _run(["git", "init", "-q"], work, env)
    hooks = "\n".join(f"      - id: {h}" for h in hook_ids)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {base / 'newslint-src'}\n    rev: {sha}\n    hooks:\n{hooks}\n", encoding="utf-8")
    (work / "newslint.toml").write_text('select = ["punctuation"]\n', encoding="utf-8")
    _run(["git", "add", ".pre-commit-config.yaml", "newslint.toml"], work, env)
    _run([sys.executable, "-m", "pre_commit", "install"], work, env)
    _run(["git", "commit", "-q", "-m", "config"], work, env)  # installs the hook environment (pip)
    return work


def _commit(work: Path, env: dict, name: str, text: str):
    page = work / "pages" / name
    page.parent.mkdir(exist_ok=True)
    page.write_text(text, encoding="utf-8")
    _run(["git", "add", page], work, env)
    return _run(["git", "commit", "-m", f"add {name}"], work, env, check=False)


def _log(work: Path, env: dict) -> str:
    return _run(["git", "log", "--format=%s"], work, env).stdout


def test_defective_page_blocked_clean_page_passes(hooks_repo):
    base, env, sha = hooks_repo
    work = _work_repo(base, env, sha, "newsroom", ["newslint"])
    blocked = _commit(work, env, "bad.txt", BAD)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "punctuation-halfwidth" in output and "pages/bad.txt:1:4" in output
    assert "add bad.txt" not in _log(work, env)
    _run(["git", "reset", "-q"], work, env)  # unstage the rejected page
    (work / "pages" / "bad.txt").unlink()
    passed = _commit(work, env, "good.md", "# 标题\n\n" + GOOD)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "add good.md" in _log(work, env)


def test_fix_hook_rewrites_punctuation_then_commit_passes(hooks_repo):
    base, env, sha = hooks_repo
    work = _work_repo(base, env, sha, "newsroom-fix", ["newslint-fix", "newslint"])
    first = _commit(work, env, "page.txt", BAD)
    assert first.returncode != 0  # the hook changed the file: the commit stops for review
    assert (work / "pages" / "page.txt").read_text(encoding="utf-8") == GOOD
    _run(["git", "add", "pages/page.txt"], work, env)
    second = _run(["git", "commit", "-m", "add page.txt"], work, env, check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "add page.txt" in _log(work, env)


def _installed_newslint(base: Path) -> Path:
    found = sorted((base / "pre-commit-home").glob("repo*/py_env-*/bin/newslint"))
    assert found, "pre-commit installed no newslint executable"
    return found[0]


def test_ci_features_from_the_installed_wheel(hooks_repo, tmp_path):
    base, env, sha = hooks_repo
    if not list((base / "pre-commit-home").glob("repo*/py_env-*/bin/newslint")):
        _work_repo(base, env, sha, "newsroom-wheel", ["newslint"])
    exe = _installed_newslint(base)
    # it is the installed copy, not this checkout
    where = _run([exe.parent / "python", "-c", "import newslint; print(newslint.__file__)"], tmp_path, env).stdout
    assert "site-packages" in where and str(ROOT) not in where
    page = tmp_path / "a.md"
    page.write_text("<!-- newslint-disable-next-line -->\n" + BAD + "\n" + BAD, encoding="utf-8")
    run = lambda *a, check=False: _run([exe, *a], tmp_path, env, check=check)  # noqa: E731

    sarif = run("check", "--format", "sarif", "--select", "punctuation", "a.md")
    assert sarif.returncode == 1
    doc = json.loads(sarif.stdout)
    assert doc["version"] == "2.1.0" and doc["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in doc["runs"][0]["results"]] == [4] * 2
    gh = run("check", "--format", "github", "--select", "punctuation", "a.md")
    assert gh.stdout.startswith("::warning file=a.md,line=4,col=4,")
    stats = run("check", "--statistics", "--select", "punctuation", "a.md")
    assert stats.stdout.split()[:2] == ["2", "punctuation-halfwidth"]
    assert run("baseline", "--select", "punctuation", "a.md").returncode == 0
    assert (tmp_path / ".newslint-baseline.json").is_file()
    gate = run("check", "--select", "punctuation", "--baseline", ".newslint-baseline.json", "a.md")
    assert gate.returncode == 0 and "2 个已知问题" in gate.stderr
    unused = run("check", "--select", "punctuation", "--report-unused-disables", "--baseline",
                 ".newslint-baseline.json", "a.md")
    assert unused.returncode == 0
    stdin = subprocess.run([str(exe), "check", "--format", "json", "--select", "punctuation", "--stdin-filename",
                            "pages/x.txt", "-"], input=BAD.encode("utf-8"), capture_output=True, env=env, cwd=tmp_path)
    assert [f["path"] for f in json.loads(stdin.stdout)["findings"]] == ["pages/x.txt"] * 2
