#!/usr/bin/env python3
"""Worst cases at full size: seconds and microseconds per character for each shape that was once
quadratic (issue 22: runs of spaces, of one character, of markup; bylines; headings), at growing sizes.

    python benchmarks/worst_cases.py                  # 10 000, 20 000 and 40 000 characters
    python benchmarks/worst_cases.py --sizes 40000 160000

The same generators run in the test suite at a small size (tests/test_properties.py,
``test_worst_cases_take_time_linear_in_their_length``), where the growth of time is checked, not its value.
A linear case keeps its microseconds per character roughly constant as the size grows.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_properties import SEED_PAGE, page_seconds, worst_cases  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    page_seconds(lambda n: SEED_PAGE, 0, repeat=1)  # warm-up
    print(f"{'case':<22}" + "".join(f"{n:>18,}" for n in args.sizes))
    for name, make in worst_cases().items():
        cells = []
        for n in args.sizes:
            s = page_seconds(make, n, repeat=args.repeat)
            cells.append(f"{s:8.2f}s {s / n * 1e6:6.1f}µs")
        print(f"{name:<22}" + "".join(f"{c:>18}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
