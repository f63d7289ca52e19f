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


def relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Small bold capitals ("KEY POINTS", "SUMMARY") need at least the contrast of body text.
ACCENT_CONTRAST = 4.5


def accent_color(palette: QPalette) -> QColor:
    """The one accent for labels: the palette's highlight, darkened on light backgrounds and
    lightened on dark ones until it reads as text. Link blue is never used: nothing in an
    article is a link."""
    base = palette.color(QPalette.ColorRole.Base)
    hue, saturation, lightness, _alpha = palette.color(QPalette.ColorRole.Highlight).getHsl()
    step = 8 if is_dark(palette) else -8
    accent = QColor.fromHsl(max(hue, 0), saturation, lightness)
    while contrast_ratio(accent, base) < ACCENT_CONTRAST and 0 < lightness < 255:
        lightness = min(255, max(0, lightness + step))
        accent = QColor.fromHsl(max(hue, 0), saturation, lightness)
    return accent


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
