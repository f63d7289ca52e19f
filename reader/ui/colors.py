"""Colours for highlights: readable in light and dark palettes, safe for colour-blind readers.

Entity groups use the Okabe–Ito palette (distinguishable with the common colour
vision deficiencies); highlights are translucent tints of it so text stays legible
on light and dark backgrounds alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from reader.analysis import EntityGroup

# Okabe & Ito (2008), "Color Universal Design".
GROUP_COLORS: dict[EntityGroup, str] = {
    EntityGroup.PERSON: "#E69F00",  # orange
    EntityGroup.ORGANIZATION: "#0072B2",  # blue
    EntityGroup.PLACE: "#009E73",  # bluish green
    EntityGroup.GROUP: "#CC79A7",  # reddish purple
    EntityGroup.EVENT: "#D55E00",  # vermillion
    EntityGroup.DATE: "#56B4E9",  # sky blue
    EntityGroup.NUMBER: "#999999",  # grey
    EntityGroup.THING: "#F0E442",  # yellow
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def group_color(group: EntityGroup) -> QColor:
    return QColor(GROUP_COLORS[group])


def tint(color: QColor, palette: QPalette, strength: float = 0.35) -> QColor:
    """Blend `color` into the text background so highlighted text keeps its contrast."""
    base = palette.color(QPalette.ColorRole.Base)
    alpha = strength * (1.3 if is_dark(palette) else 1.0)
    alpha = min(alpha, 0.8)
    return QColor(
        round(base.red() * (1 - alpha) + color.red() * alpha),
        round(base.green() * (1 - alpha) + color.green() * alpha),
        round(base.blue() * (1 - alpha) + color.blue() * alpha),
    )
