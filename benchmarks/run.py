#!/usr/bin/env python3
"""newslint benchmarks: cold start, throughput and memory over 1/3/6/12 months, a profile of where the
time goes, and the punctuation rule against autocorrect-py.

    python benchmarks/run.py                 # reads ../shared/corpus/xwlb-2024 when present
    python benchmarks/run.py --generated     # a generated corpus of the same shape instead
    python benchmarks/run.py --quick         # 1 and 3 months only, fewer repetitions
    python benchmarks/run.py --preview       # with the preview rules (none built in today) on as well

Each measurement of the command line runs ``newslint`` as a fresh process with ``--no-cache`` (so the
figures are of real work, not of the cache); the profile runs in-process under cProfile.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "xwlb-2024"
NEWSLINT = [sys.executable, "-m", "newslint"]
EXTRA: list = []  # options every check takes (--preview)


def months_of(files, n):
    months = sorted({f.name[:6] for f in files})[:n]
    return [f for f in files if f.name[:6] in months]


def generated_corpus(directory: Path) -> list:
    """365 pages of generated news-like text (about 27 KB each), for machines without the shared corpus."""
    rng = random.Random(2024)
    subjects = ["市政府", "区委", "管委会", "发改委", "科技局", "教育局", "住建局", "农业农村局"]
    verbs = ["召开", "部署", "推进", "调研", "总结", "研究"]
    objects = ["重点项目建设工作", "安全生产工作", "乡村振兴工作", "营商环境优化工作", "民生实事项目", "科技创新工作"]
    names = ["张伟", "王芳", "李强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]
    files = []
    day = 0
    for month in range(1, 13):
        for d in range(1, 31 if month != 2 else 29):
            day += 1
            if day > 365:
                break
            paras = [f"# 《新闻联播》（2024{month:02}{d:02}）", "## 详细新闻"]
            for k in range(14):
                subj, verb, obj = rng.choice(subjects), rng.choice(verbs), rng.choice(objects)
                paras.append(f"### {subj}{verb}{obj}")
                paras.append(f"**本台消息**（新闻联播）：{month}月{d}日，{subj}{verb}{obj}。{rng.choice(names)}出席会议并讲话。")
                for _ in range(4):
                    paras.append("".join(
                        f"会议指出，要{rng.choice(['坚持', '深化', '统筹', '加快'])}{rng.choice(objects)}，"
                        f"{rng.choice(['确保', '推动', '着力'])}各项任务落地见效，今年以来完成投资{rng.randint(2, 900)}亿元。"
                        for _ in range(5)))
            p = directory / f"2024{month:02}{d:02}.md"
            p.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
            files.append(p)
    return files


def run_cli(args, files):
    """Wall time (s) and peak RSS (MB) of one newslint process over ``files``."""
    t = time.perf_counter()
    proc = subprocess.Popen(NEWSLINT + args + EXTRA + [str(f) for f in files], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"newslint failed ({code}): {err[:500]}")
    return wall, usage.ru_maxrss / 1024


def cold_start(page, reps):
    runs = [run_cli(["check", "--no-cache", "-j", "1"], [page])[0] for _ in range(reps)]
    return statistics.median(runs), min(runs)


def profile(files, top=25):
    """Time share per rule family hook and per shared analysis, from cProfile's cumulative times."""
    from newslint.app import run
    from newslint.config import Config
    from newslint.engine import Context, all_rules, plugin_manager

    pm = plugin_manager()
    ctx = Context(pm, all_rules(pm), Config(data={"preview": bool(EXTRA)}))
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    run(ctx, [str(f) for f in files], jobs=1)
    prof.disable()
    total = time.perf_counter() - t
    st = pstats.Stats(prof, stream=io.StringIO())
    rows = defaultdict(float)
    from newslint.rule import rule_impls

    decorated = {(i.fn.__code__.co_filename, i.fn.__code__.co_firstlineno, i.fn.__code__.co_name): i
                 for i in rule_impls(pm.get_plugins())}
    for (filename, line, func), (_, _, _, cum, _) in st.stats.items():
        mod = Path(filename).stem if Path(filename).stem != "__init__" else Path(filename).parent.name  # a family package
        impl = decorated.get((filename, line, func))
        if impl is not None:  # a rule function (@page_rule / @corpus_rule): counted under its family
            rows[f"rule   {impl.rule.category} ({impl.stage})"] += cum
        elif func.startswith("newslint_check_page") or func.startswith("newslint_collect_page") \
                or func.startswith("newslint_check_corpus"):
            phase = {"newslint_check_page": "page", "newslint_collect_page": "collect",
                     "newslint_check_corpus": "corpus"}[func]
            rows[f"rule   {mod} ({phase})"] += cum
        elif func == "analyse" and ("analyses" in filename or mod == "layout"):
            rows[f"shared {mod}"] += cum
        elif func == "initialize" and "jieba" in filename:
            rows["shared jieba dictionary load"] += cum
        elif func in ("load_pages",):
            rows["read   decode + page index"] += cum
    return total, sorted(rows.items(), key=lambda kv: -kv[1])[:top]


def autocorrect_ratio(files):
    try:
        import autocorrect_py
    except ImportError:
        return None
    from newslint.config import Config
    from newslint.engine import Context, all_rules, check_pages, plugin_manager
    from newslint.page import Page

    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    t = time.perf_counter()
    n_ac = 0
    for path, text in texts:
        res = autocorrect_py.lint_for(text, path)
        n_ac += len(getattr(res, "lines", []) or [])
    ac = time.perf_counter() - t
    pm = plugin_manager()
    ctx = Context(pm, all_rules(pm), Config(), select=["punctuation-halfwidth"])
    t = time.perf_counter()
    pages = [Page.from_text(p, text, index=i) for i, (p, text) in enumerate(texts)]
    result = check_pages(ctx, pages)
    nl = time.perf_counter() - t
    return {"autocorrect_s": ac, "newslint_s": nl, "ratio": nl / ac if ac else None,
            "autocorrect_lines": n_ac, "newslint_findings": len(result.findings)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", action="store_true", help="use a generated corpus even if the shared one exists")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--preview", action="store_true", help="run the preview rules as well (none built in today; a plugin may add some)")
    a = ap.parse_args()
    if a.preview:
        EXTRA.append("--preview")
    tmp = None
    if SHARED.is_dir() and not a.generated:
        files = sorted(SHARED.glob("*.md"))
        source = str(SHARED)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
        files = generated_corpus(tmp)
        source = "generated"
    out = {"corpus": source, "python": sys.version.split()[0], "cores": os.cpu_count()}
    print(f"corpus: {source} ({len(files)} pages, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB)")
    try:
        # warm the OS page cache and the lexicon/jieba caches once, so cold start means a cold *process*
        run_cli(["check", "--no-cache", "-j", "1"], files[:1])
        med, best = cold_start(files[len(files) // 2], 3 if a.quick else 7)
        out["cold_start_s"] = {"median": med, "min": best}
        print(f"\ncold start, one page, all rules: median {med:.2f} s (best {best:.2f} s)")

        print(f"\n{'months':>6} {'pages':>6} {'MB':>6} {'jobs':>4} {'wall s':>7} {'MB/s':>6} {'pages/s':>8} {'peak MB':>8}")
        out["throughput"] = []
        for n in ([1, 3] if a.quick else [1, 3, 6, 12]):
            sub = months_of(files, n)
            mb = sum(f.stat().st_size for f in sub) / 1e6
            for jobs in (1, 2):
                wall, rss = run_cli(["check", "--no-cache", "--format", "json", "-j", str(jobs)], sub)
                print(f"{n:>6} {len(sub):>6} {mb:>6.2f} {jobs:>4} {wall:>7.2f} {mb / wall:>6.2f} {len(sub) / wall:>8.1f} {rss:>8.0f}")
                out["throughput"].append({"months": n, "pages": len(sub), "mb": mb, "jobs": jobs, "wall_s": wall,
                                          "mb_per_s": mb / wall, "pages_per_s": len(sub) / wall, "peak_rss_mb": rss})

        sub = months_of(files, 1)
        total, rows = profile(sub)
        print(f"\nprofile of one month in one process ({total:.2f} s; cumulative time, nested entries overlap):")
        out["profile"] = {"total_s": total, "rows": rows}
        for name, cum in rows:
            print(f"  {name:<48} {cum:>6.2f} s  {100 * cum / total:>5.1f}%")

        ratio = autocorrect_ratio(months_of(files, 12 if not a.quick else 1))
        out["autocorrect"] = ratio
        if ratio:
            print(f"\npunctuation only, same files, in-process: newslint {ratio['newslint_s']:.2f} s, "
                  f"autocorrect-py {ratio['autocorrect_s']:.2f} s → ratio {ratio['ratio']:.2f}× "
                  f"({ratio['newslint_findings']} findings vs {ratio['autocorrect_lines']} autocorrect lines)")
        else:
            print("\nautocorrect-py is not installed (pip install autocorrect-py) — comparison skipped")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        Path(a.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
