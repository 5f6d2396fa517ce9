"""Shared analyses: expensive per-page results computed once, lazily, and only when a rule asks.

``page.analysis(name)`` looks the name up here.  Built-in analyses are named by ``module:function``
so that nothing is imported (jieba above all) until a rule needs it; plugins add their own with
:func:`register_analysis` (or through the ``newslint_analyses`` hook).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, Union

_REGISTRY: Dict[str, Union[str, Callable[[Any], Any]]] = {
    "layout": "newslint.layout:analyse",
    "sentences": "newslint.analyses.sentences:analyse",
    "tokens": "newslint.analyses.tokens:analyse",
    "mentions": "newslint.analyses.mentions:analyse",  # people and organisations with titles
    "speech": "newslint.analyses.speech:analyse",  # who said what, where
    "dates": "newslint.analyses.dates:analyse",  # the page's date and the dates it mentions
}


def register_analysis(name: str, fn: Union[str, Callable[[Any], Any]]) -> None:
    _REGISTRY[name] = fn


def get_analysis(name: str) -> Callable[[Any], Any]:
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown analysis {name!r}") from None
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = getattr(importlib.import_module(module), attr)
        _REGISTRY[name] = target
    return target
