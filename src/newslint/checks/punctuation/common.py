"""What the punctuation rules share: the context of a mark that keys its fingerprint."""
from __future__ import annotations


def context_key(text: str, i: int, n: int = 6) -> str:
    """Up to ``n`` non-blank characters either side of ``text[i]`` for the fingerprint, not reaching past
    the end of the sentence or paragraph on either side, so that inserting a line above or reflowing
    the paragraph leaves it unchanged."""
    left, right = text[max(0, i - 3 * n):i], text[i + 1:i + 1 + 3 * n]
    for sep in ("\n\n", "。", "！", "？"):
        k = left.rfind(sep)
        if k >= 0:
            left = left[k + len(sep):]
        k = right.find(sep)
        if k >= 0:
            right = right[:k if sep == "\n\n" else k + 1]
    return "".join(left.split())[-n:] + text[i] + "".join(right.split())[:n]
