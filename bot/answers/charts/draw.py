"""The PNG of a chart: matplotlib's object API on the Agg canvas (no pyplot, no global
state), imported at the first chart only. Sized and lettered for a phone screen: 1080 px
wide, large type, the value on every bar or point, the office and year under the title
and the source line at the foot."""

from __future__ import annotations

import io
import textwrap
from functools import cache

from bot.answers.charts.spec import ChartSpec

WIDTH, HEIGHT, DPI = 1080, 810, 120  # pixels; Telegram shows photos up to 1280 px
BAR_ROW = 90  # pixels a bar needs beyond the fifth
TITLE, SUBTITLE, LABEL, VALUE, SOURCE = 26, 18, 22, 22, 14  # points (1 pt = 1.67 px here)
TITLE_CHARS, SUBTITLE_CHARS, SOURCE_CHARS = 42, 70, 90  # line lengths that fit the width
COLOR, TEXT_COLOR, MUTED = "#1f6fb2", "#1a1a1a", "#555555"


def draw_png(spec: ChartSpec) -> bytes:
    """The chart of ``spec`` as PNG bytes (a bar chart or a line chart)."""
    figure_class, canvas_class = _matplotlib()
    height = HEIGHT + max(0, len(spec.points) - 5) * BAR_ROW * (spec.kind == "bar")
    fig = figure_class(figsize=(WIDTH / DPI, height / DPI), dpi=DPI, layout="constrained")
    canvas_class(fig)
    fig.suptitle(_wrap(spec.title, TITLE_CHARS), fontsize=TITLE, fontweight="bold",
                 color=TEXT_COLOR)  # fmt: skip
    ax = fig.add_subplot()
    ax.set_title(_wrap(spec.subtitle, SUBTITLE_CHARS), fontsize=SUBTITLE, color=MUTED)
    (_bars if spec.kind == "bar" else _line)(ax, spec)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.supxlabel(_wrap(spec.source, SOURCE_CHARS), fontsize=SOURCE, color=MUTED,
                  x=0.02, ha="left")  # fmt: skip
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


@cache
def _matplotlib():
    """matplotlib's Figure and Agg canvas, imported on the first chart."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    return Figure, FigureCanvasAgg


def _bars(ax, spec: ChartSpec) -> None:
    """Horizontal bars, the first figure on top (a ranking reads down), values at the ends."""
    rows = range(len(spec.points))
    values = [p.value for p in spec.points]
    bars = ax.barh(list(rows), values, height=0.62, color=COLOR)
    ax.set_yticks(list(rows), labels=[_plain(p.label) for p in spec.points], fontsize=LABEL)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[p.shown for p in spec.points], padding=8, fontsize=VALUE,
                 color=TEXT_COLOR)  # fmt: skip
    ax.set_xlim(0, max(max(values) * 1.3, 1))
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=8)


def _line(ax, spec: ChartSpec) -> None:
    """One figure across years: a line from zero up, the value over every point."""
    xs = list(range(len(spec.points)))
    values = [p.value for p in spec.points]
    ax.plot(xs, values, color=COLOR, linewidth=4, marker="o", markersize=14)
    for x, point in zip(xs, spec.points, strict=True):
        ax.annotate(point.shown, (x, point.value), textcoords="offset points", xytext=(0, 16),
                    ha="center", fontsize=VALUE, color=TEXT_COLOR)  # fmt: skip
    ax.set_xticks(xs, labels=[_plain(p.label) for p in spec.points], fontsize=LABEL)
    ax.set_xlim(-0.5, len(xs) - 0.5)
    ax.set_ylim(0, max(max(values) * 1.3, 1))
    ax.yaxis.set_visible(False)
    ax.spines["left"].set_visible(False)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(_plain(text), width)) or _plain(text)


def _plain(text: str) -> str:
    """``text`` as it reads: matplotlib takes "$...$" for mathematics ("US$ 5 juta")."""
    return text.replace("$", r"\$")
