"""Where the Timeline and Figures panels show the article's times and figures.

A click on a row goes there in the article: every time (or figure) of the article is
underlined in the panel's colour, the chosen one is tinted, and the scrollbar marks
them all. One span layer per panel, at `FEATURE_ORDER`, so entity highlights and
find matches stay on top; choosing a figure takes the times' marks away, and the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis import EntityGroup
from reader.ui.article_view import ArticleView
from reader.ui.colors import GROUP_COLORS
from reader.ui.layers import FEATURE_ORDER, SpanLayer, SpanStyle

TIMES_LAYER = "times"
FIGURES_LAYER = "figures"
QUOTES_LAYER = "quotes"
TIMES_COLOR = GROUP_COLORS[EntityGroup.DATE]
FIGURES_COLOR = "#D55E00"  # Okabe–Ito vermillion: the Numbers group's grey would not show


def mark_feature(
    view: ArticleView,
    name: str,
    color: str,
    spans: Sequence[tuple[int, int]],
    current: tuple[int, int],
) -> None:
    """Underline `spans`, tint `current` and scroll the article to it (the other feature
    layer goes)."""
    spans = tuple(spans) if current in spans else (*spans, current)
    layer = SpanLayer(
        name,
        FEATURE_ORDER,
        tuple(sorted(spans)),
        SpanStyle(underline=color),
        current=sorted(spans).index(current),
        current_style=SpanStyle(background=color, tint=0.35, underline=color),
        mark=color,
    )
    for other in (TIMES_LAYER, FIGURES_LAYER, QUOTES_LAYER):
        if other != name:
            view.clear_layer(other)
    view.set_span_layer(layer)
    view.scroll_to_offset(*current)
