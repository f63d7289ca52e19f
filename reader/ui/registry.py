"""The side panels, in the order they are docked: a new panel is one module and one line here.

Each entry is a factory `create(context: PanelContext) -> Panel` (see `reader.ui.panels`).
"""

from __future__ import annotations

from reader.ui.entity_panel import EntityPanel
from reader.ui.figures_panel import FiguresPanel
from reader.ui.library_panel import LibraryPanel
from reader.ui.panels import PanelFactory
from reader.ui.quotes_panel import QuotesPanel
from reader.ui.summary_panel import SummaryPanel
from reader.ui.timeline_panel import TimelinePanel

PANELS: tuple[PanelFactory, ...] = (
    EntityPanel.create,
    SummaryPanel.create,
    TimelinePanel.create,
    FiguresPanel.create,
    LibraryPanel.create,
    QuotesPanel.create,
)
