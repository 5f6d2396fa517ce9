"""Layers point down: no import cycle among newslint's modules (imports inside functions included), and
no rule family or reporter imports the command line."""
import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newslint"


def _modules():
    out = {}
    for f in sorted(SRC.rglob("*.py")):
        parts = list(f.relative_to(SRC.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        out[".".join(parts)] = (f, is_pkg)
    return out


MODULES = _modules()


def _imports(name):
    """The newslint modules ``name`` imports anywhere in its code (module level or inside functions)."""
    f, is_pkg = MODULES[name]
    package = name if is_pkg else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in MODULES else mod for a in node.names]
        else:
            continue
        out.update(t for t in targets if t in MODULES and t != name)
    return out


GRAPH = {m: _imports(m) for m in MODULES}


def _cycles(graph):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, comps = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def test_no_import_cycles():
    assert _cycles(GRAPH) == []


def test_cycle_finder_finds_lazy_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_rule_families_and_reporters_never_import_the_cli():
    low = [m for m in MODULES if m.startswith(("newslint.checks", "newslint.report", "newslint.analyses"))]
    low += ["newslint.engine", "newslint.app", "newslint.baseline", "newslint.suppress", "newslint.cache",
            "newslint.parallel", "newslint.packs", "newslint.rule"]
    assert [m for m in low if "newslint.cli" in GRAPH[m]] == []


def test_reporters_import_no_rule_family():
    assert [(m, i) for m in MODULES if m.startswith("newslint.report") for i in GRAPH[m]
            if i.startswith("newslint.checks")] == []


def test_engine_imports_neither_cache_nor_parallel():
    assert GRAPH["newslint.engine"] & {"newslint.cache", "newslint.parallel"} == set()


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"newslint.__main__"}))
def test_every_module_imports(name):
    importlib.import_module(name)


def test_jieba_loads_without_pkg_resources():
    """jieba reads its data files without pkg_resources (a cold-start cost), and segments as before."""
    import subprocess
    import sys

    code = ("import sys\nfrom newslint.analyses.tokens import tokenizer\n"
            "words = list(tokenizer().cut('会议要求各村把群众工作做实做细'))\n"
            "assert 'pkg_resources' not in sys.modules, 'pkg_resources imported'\n"
            "assert words[:2] == ['会议', '要求'], words\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_checking_a_named_page_leaves_costly_modules_unloaded(tmp_path):
    """A run over a file named on the command line (the pre-commit case) loads neither the gitignore
    matcher (only a directory walk or --force-exclude needs it), nor numpy.random and numpy.ma (the MinHash
    permutations are written out; a repeated shingle changes no minimum), nor wcwidth when no finding is
    drawn: each costs 15-25 ms of a cold start."""
    import subprocess
    import sys

    page = tmp_path / "clean.txt"
    page.write_text("## 示范区召开会议\n\n本报讯 3月5日，示范区召开项目推进会，研究部署下一阶段重点工作。\n\n"
                    "会议要求，各部门要明确分工、压实责任，确保各项任务按期完成。\n", encoding="utf-8")
    code = ("import sys\nfrom newslint.cli import main\n"
            "try:\n    main(['check', '--no-cache', sys.argv[1]])\nexcept SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "bad = {'pathspec', 'numpy.random', 'numpy.ma', 'wcwidth'} & set(sys.modules)\n"
            "assert not bad, bad\n")
    done = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
