"""Jinja2 rendering of ``templates/emails/<purpose>.<txt|html>.j2``.

StrictUndefined turns a missing value into an error instead of an empty hole in an email;
autoescape is on for HTML templates only. The templates ship with the code: each is compiled
once per process and never checked again for changes on disk (``auto_reload=False``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates" / "emails"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)


def render_pair(purpose: str, **context: object) -> tuple[str, str]:
    """The plain-text and HTML bodies of one email."""
    return render(f"{purpose}.txt.j2", **context), render(f"{purpose}.html.j2", **context)
