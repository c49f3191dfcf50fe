"""The photo's caption and the text sent after it, within Telegram's caption limit."""

from __future__ import annotations

from bot.answers.charts.spec import ChartSpec

CAPTION_LIMIT = 1024  # characters of a photo caption, after entity parsing


def caption_parts(spec: ChartSpec, reply_text: str) -> tuple[str, str]:
    """(caption, rest): the reply's text when it fits; else the chart's figures and source
    as the caption and the whole reply (with its quotes) as the text after the photo."""
    if len(reply_text) <= CAPTION_LIMIT:
        return reply_text, ""
    return compact_caption(spec), reply_text


def compact_caption(spec: ChartSpec, limit: int = CAPTION_LIMIT) -> str:
    """The title, one line a figure and the source line, cut to ``limit`` characters
    (figures are left out from the end, marked "…", the source line always stays)."""
    head, tail = [spec.title, spec.subtitle], [spec.source]
    lines = [f"• {p.label}: {p.shown} {spec.unit}".rstrip() for p in spec.points]
    cut = False
    while lines and len("\n".join([*head, *lines, *(["…"] if cut else []), *tail])) > limit:
        lines.pop()
        cut = True
    caption = "\n".join([*head, *lines, *(["…"] if cut else []), *tail])
    return caption if len(caption) <= limit else caption[: limit - 1] + "…"
