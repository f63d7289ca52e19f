"""Where quotes show in the article: the one clicked, and (View › Show Quotes) all of them.

A click on a quote (in the Quotes panel, or under "Said" in the entity details) marks it
the way the Timeline and Figures mark theirs (`feature_marks`): every quote underlined,
the chosen one tinted, in its speaker's colour. Show Quotes tints every quote in its
speaker's entity-group colour, one span layer per colour, under those marks;
unattributed quotes, and speakers the article does not resolve, get a neutral grey.
"""

from __future__ import annotations

import re

from reader.analysis import Analysis, EntityGroup
from reader.analysis.model import Quote
from reader.ui.article_view import ArticleView
from reader.ui.colors import GROUP_COLORS
from reader.ui.feature_marks import QUOTES_LAYER, mark_feature
from reader.ui.layers import FEATURE_ORDER, SpanLayer, SpanStyle

NEUTRAL_COLOR = "#8C8C8C"  # unattributed: a grey apart from every group colour
TINT_PREFIX = "quoteTint:"
TINT_ORDER = FEATURE_ORDER - 1  # under the marks of a clicked quote, time or figure
TINT_STRENGTH = 0.22
_TINT_NAMES = tuple(
    f"{TINT_PREFIX}{name}" for name in (*(group.value for group in GROUP_COLORS), "unattributed")
)


def plain(text: str) -> str:
    """Text on one line: runs of white space (line breaks too) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def short_text(quote: Quote, limit: int = 90) -> str:
    """The quote on one line, cut at a word near `limit` characters."""
    text = plain(quote.text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;: ") + "…"


def said_label(count: int) -> str:
    """The entity-details line: "Said: 3 quotes"."""
    return f"Said: {count} quote{'s' if count != 1 else ''}"


def speaker_group(analysis: Analysis, quote: Quote) -> EntityGroup | None:
    """The entity group of whoever said `quote`, or None when no entity of the article did."""
    key = quote.speaker.key if quote.speaker is not None else None
    entity = analysis.entity_by_key(key) if key is not None else None
    return entity.group if entity is not None and entity.group in GROUP_COLORS else None


def speaker_color(analysis: Analysis, quote: Quote) -> str:
    """The speaker's entity-group colour, or the neutral grey when no entity said it."""
    group = speaker_group(analysis, quote)
    return GROUP_COLORS[group] if group is not None else NEUTRAL_COLOR


def mark_quote(view: ArticleView, analysis: Analysis | None, start: int, end: int) -> None:
    """Go to the quote at `start`..`end`: underline every quote, tint this one."""
    if analysis is None:
        return
    quote = next((q for q in analysis.quotes if (q.start, q.end) == (start, end)), None)
    color = speaker_color(analysis, quote) if quote is not None else NEUTRAL_COLOR
    spans = [(q.start, q.end) for q in analysis.quotes]
    mark_feature(view, QUOTES_LAYER, color, spans, (start, end))


def show_quote_tints(view: ArticleView, analysis: Analysis | None) -> None:
    """Tint every quote of `analysis` in its speaker's colour (View › Show Quotes)."""
    by_name: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for quote in analysis.quotes if analysis is not None else ():
        group = speaker_group(analysis, quote)
        name = f"{TINT_PREFIX}{group.value if group is not None else 'unattributed'}"
        color = GROUP_COLORS[group] if group is not None else NEUTRAL_COLOR
        by_name.setdefault(name, (color, []))[1].append((quote.start, quote.end))
    for name in _TINT_NAMES:
        if name not in by_name:
            view.clear_layer(name)
    for name, (color, spans) in by_name.items():
        style = SpanStyle(background=color, tint=TINT_STRENGTH)
        view.set_span_layer(SpanLayer(name, TINT_ORDER, tuple(sorted(spans)), style))


def clear_quote_tints(view: ArticleView) -> None:
    for name in _TINT_NAMES:
        view.clear_layer(name)
