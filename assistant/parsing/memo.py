"""Remembering the parser's pure readings of a text, within bounds.

A message asks the same question of the same passage several times (each person named in it,
each block the labeller reads it in); across an owner's mail the same signature comes back.
Only calls whose text is short enough are remembered, so a hostile message of megabytes is
read as before and never kept: at most ``maxsize`` times ``limit`` characters per function.
Remembered values are shared between callers: they must be immutable, or never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

TEXT_LIMIT = 4_000  # characters: a note, a signature, a paragraph


def short_text_memo(maxsize: int, limit: int = TEXT_LIMIT) -> Callable[[Callable[P, R]],
                                                                        Callable[P, R]]:
    """``functools.lru_cache(maxsize)`` for the calls whose ``str`` arguments are ``limit``
    characters or fewer in all; a longer call is computed each time."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cache = lru_cache(maxsize=maxsize)(function)
        remembered: Callable[..., R] = cache

        @wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            size = 0
            for value in args:  # _text_size inlined for the common str argument
                size += len(value) if type(value) is str else _text_size(value)
            if kwargs:
                size += sum(map(_text_size, kwargs.values()))
            if size > limit:
                return function(*args, **kwargs)
            return remembered(*args, **kwargs)

        call.cache_clear = cache.cache_clear  # type: ignore[attr-defined]
        call.cache_info = cache.cache_info  # type: ignore[attr-defined]
        return call

    return decorate


def _text_size(value: object) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, tuple):
        return sum([len(v) if type(v) is str else _text_size(v) for v in value])
    return 0
