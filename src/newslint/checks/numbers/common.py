"""What the number rules share."""
from __future__ import annotations


def rounding(*figures: str) -> float:
    """How far parts rounded as written can add up from 100: half a unit of the last written digit
    for each part (52% + 47% may be 52.4 + 47.6; 52.3% + 46.7% cannot be 100)."""
    return sum(0.5 * 10 ** -(len(f.split(".")[1]) if "." in f else 0) for f in figures)

