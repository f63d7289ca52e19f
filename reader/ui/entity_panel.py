"""The entity sidebar: a filterable, sortable tree of the article's entities, and their details.

The panel shows and selects; `create` connects it to the window's mention highlighter.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis, Entity
from reader.analysis.contexts import context_line, mention_contexts, mention_sentences
from reader.document import Document
from reader.ui.entity_model import (
    UNCERTAIN_KEY,
    EntityFilterProxy,
    EntityRole,
    EntityTreeModel,
    SortMode,
    group_name,
)
from reader.ui.highlighting import MentionHighlighter
from reader.ui.plurals import plural
from reader.ui.quote_marks import mark_quote, plain, said_label, short_text
from reader.ui.selection import Selection
from reader.ui.session import Reason
from reader.ui.settings import Settings

SORT_SETTING = "entities/sort"
# A list of thousands of wrapped lines costs more than a click may take; F3 reaches the rest.
MAX_CONTEXT_LINES = 100
MAX_SAID_ROWS = 4  # more scroll: the mention sentences below keep their room
_CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class EntityPanel(QWidget):
    """Dock contents listing the article's entities. Follows the panel protocol.

    The rows selected are the window's `Selection`: the panel writes it and follows it.

    Signals:
        entityActivated(key): Enter on an entity: go (back) to its first mention.
        detailsChanged(entity): the details now show this Entity (None: no entity).
        mentionRequested(key, mention_index): a context line was clicked.
        previousRequested(), nextRequested(): the mention buttons were pressed.
        mergeRequested(entities, kept): entities were dragged onto `kept`, to be one.
    """

    entityActivated = Signal(str)
    contextMenuAboutToShow = Signal(object, list)  # (QMenu, [Entity]): others add their items
    undoCorrectionRequested = Signal(str)  # a rule id, from the details' "Undo" link
    detailsChanged = Signal(object)
    quoteRequested = Signal(int, int)  # a quote under "Said" was clicked: its offsets
    mentionRequested = Signal(str, int)
    previousRequested = Signal()
    nextRequested = Signal()
    mergeRequested = Signal(list, object)  # ([Entity] dragged, the Entity dropped onto)

    title = "Entities"
    dock_name = "entityDock"
    dock_area = Qt.DockWidgetArea.RightDockWidgetArea

    @classmethod
    def create(cls, context) -> EntityPanel:
        """The registry's factory: a panel wired to the window's mention highlighter."""
        panel = cls(context.settings, context.parent)
        panel.attach(context.highlighter, context.selection)
        panel.quoteRequested.connect(
            lambda start, end: mark_quote(context.view, context.session.analysis, start, end)
        )
        return panel

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self._settings = settings
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._collapsed: set[str] = {UNCERTAIN_KEY}  # the Uncertain group starts collapsed
        self._restoring = False
        self._keeping_selection = False
        self._selection: Selection | None = None

        self.model = EntityTreeModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("entityFilter")
        self.filter_field.setPlaceholderText(self.tr("Filter entities"))
        self.filter_field.setAccessibleName(self.tr("Filter entities"))
        self.filter_field.setClearButtonEnabled(True)

        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("entitySort")
        self.sort_box.setAccessibleName(self.tr("Sort entities by"))
        for mode in SortMode:
            self.sort_box.addItem(mode.title, mode.value)
        self.show_all_action = QAction(self.tr("Show &All Entities"), self)
        self.show_all_action.setObjectName("showAllEntitiesAction")
        self.show_all_action.setCheckable(True)
        self.show_all_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.show_all_action.setIconText(self.tr("Show all"))
        self.show_all_action.setToolTip(self.tr("Underline every entity mention in the article"))
        self.next_mention_action = QAction(self.tr("&Next Mention"), self)
        self.next_mention_action.setObjectName("nextMentionAction")
        self.next_mention_action.setShortcut(QKeySequence("F3"))
        self.previous_mention_action = QAction(self.tr("&Previous Mention"), self)
        self.previous_mention_action.setObjectName("previousMentionAction")
        self.previous_mention_action.setShortcut(QKeySequence("Shift+F3"))
        self.show_all_button = QToolButton(self)
        self.show_all_button.setObjectName("showAllEntities")
        self.show_all_button.setDefaultAction(self.show_all_action)
        self.show_all_button.setAutoRaise(True)

        self.tree = QTreeView(self)
        self.tree.setObjectName("entityTree")
        self.tree.setAccessibleName(self.tr("Entities"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setExpandsOnDoubleClick(False)  # activating a group row toggles it
        # Drop one entity (or several selected) onto another to merge them.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setDropIndicatorShown(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.message = QLabel(self)
        self.message.setObjectName("entityMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(6)
        self.message.hide()

        self.previous_button = self._tool_button(
            "previousMention", "◀", self.tr("Previous mention")
        )
        self.next_button = self._tool_button("nextMention", "▶", self.tr("Next mention"))
        self.position_label = QLabel(self)
        self.position_label.setObjectName("mentionPosition")
        self.position_label.setAccessibleName(self.tr("Current mention"))

        self.detail = QLabel(self)
        self.detail.setObjectName("entityDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        # What the reader's corrections did to the entity shown, each with an "Undo" link.
        self.correction_notes: Callable[[Entity], Sequence[tuple[str, str]]] | None = None
        self.corrected_label = QLabel(self)
        self.corrected_label.setObjectName("entityCorrections")
        self.corrected_label.setWordWrap(True)
        self.corrected_label.setTextFormat(Qt.TextFormat.RichText)
        self.corrected_label.linkActivated.connect(self.undoCorrectionRequested)
        self.corrected_label.hide()
        # What the entity said ("Said: 2 quotes"), each quote a click from the article.
        self.said_label = QLabel(self)
        self.said_label.setObjectName("entitySaid")
        self.said_list = QListWidget(self)
        self.said_list.setObjectName("entityQuotes")
        self.said_list.setAccessibleName(self.tr("What the entity said"))
        self.said_list.setUniformItemSizes(True)  # one line each, elided; the tooltip has all
        self.said_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.said_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.said_list.itemActivated.connect(self._on_quote_activated)
        self.said_list.itemClicked.connect(self._on_quote_activated)
        self.said_label.hide()
        self.said_list.hide()
        self.contexts = QListWidget(self)
        self.contexts.setObjectName("entityContexts")
        self.contexts.setAccessibleName(self.tr("Sentences mentioning the entity"))
        self.contexts.setWordWrap(True)
        self.contexts.setAlternatingRowColors(True)
        self.contexts.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self._build_layout()
        self._connect()
        self._restore_sort()
        self._set_walk_enabled(False)

    def _tool_button(self, name: str, glyph: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(glyph)
        shortcut = "Shift+F3" if name.startswith("previous") else "F3"
        button.setToolTip(f"{tip} ({shortcut})")
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        sort_label = QLabel(self.tr("&Sort:"), self)
        sort_label.setBuddy(self.sort_box)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box, 1)
        top.addWidget(self.show_all_button)

        walk = QHBoxLayout()
        walk.setContentsMargins(0, 0, 0, 0)
        walk.addWidget(self.previous_button)
        walk.addWidget(self.next_button)
        walk.addWidget(self.position_label, 1)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.tree, 1)
        upper_layout.addWidget(self.message, 1)
        upper_layout.addLayout(walk)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.corrected_label)
        lower_layout.addWidget(self.said_label)
        lower_layout.addWidget(self.said_list)
        lower_layout.addWidget(self.contexts, 1)
        self._details_layout = lower_layout
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("entitySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_field)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.filter_field.textChanged.connect(self._on_filter_changed)
        self.sort_box.currentIndexChanged.connect(self._on_sort_changed)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.collapsed.connect(lambda index: self._remember_expansion(index, False))
        self.tree.expanded.connect(lambda index: self._remember_expansion(index, True))
        self.tree.activated.connect(self._on_activated)
        self.model.entitiesDropped.connect(self._merge_dropped)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.contexts.itemActivated.connect(self._on_context_activated)
        self.contexts.itemClicked.connect(self._on_context_activated)
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.proxy.modelReset.connect(self._apply_expansion)
        self.proxy.rowsInserted.connect(self._apply_expansion)
        self.proxy.layoutChanged.connect(self._apply_expansion)

    # --- panel protocol ---------------------------------------------------------------

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list[QAction]:
        return [self.show_all_action, self.next_mention_action, self.previous_mention_action]

    def attach(self, highlighter: MentionHighlighter, selection: Selection) -> None:
        """Share the window's selection; the mention walk and "show all" drive the highlighter."""
        self._selection = selection
        selection.changed.connect(self._follow_selection)
        self.next_mention_action.triggered.connect(highlighter.next_mention)
        self.previous_mention_action.triggered.connect(highlighter.previous_mention)
        self.nextRequested.connect(highlighter.next_mention)
        self.previousRequested.connect(highlighter.previous_mention)
        self.entityActivated.connect(lambda _key: highlighter.restart())
        self.mentionRequested.connect(highlighter.go_to_mention)
        self.show_all_action.toggled.connect(highlighter.set_show_all)
        highlighter.statusMessage.connect(self.show_position)

    def show_pending(self, document: Document) -> None:
        self._document = document
        self._set_analysis(None)
        self._show_message(self.tr("Analysing…"))

    def show_analysis(self, document: Document, analysis: Analysis, reason: str) -> None:
        if analysis is self._analysis and document is self._document:
            return  # the view was only retypeset: keep the selection and the filter
        self._document = document
        if reason in (Reason.CORRECTED, Reason.RETYPESET) and self._analysis is not None:
            self._replace_analysis(analysis)
        else:  # a new list: a long one is built over a few event-loop turns
            self._set_analysis(analysis, sliced=True)
        if analysis.entities:
            self.message.hide()
            self.tree.show()
        else:
            self._show_message(
                self.tr("No people, places or organizations were found in this article.")
            )

    def _replace_analysis(self, analysis: Analysis) -> None:
        """A corrected analysis: same selection, current row, expansion and scroll position.

        The highlighter keeps its own highlight, so the selection is restored quietly.
        """
        keys = self.selected_keys()
        current = self.tree.currentIndex().data(EntityRole.KEY)
        scroll = self.tree.verticalScrollBar().value()
        self._analysis = analysis
        self._keeping_selection = True
        try:
            self.model.set_analysis(analysis)
            for key in keys:
                self.select_entity(key, additive=True, scroll=False)
            if current is not None:
                index = self.proxy.mapFromSource(self.model.index_of_key(current))
                if index.isValid():
                    self.tree.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.NoUpdate
                    )
        finally:
            self._keeping_selection = False
        self.tree.verticalScrollBar().setValue(scroll)
        self._show_selection(self.selected_keys())

    def show_unavailable(self, message: str) -> None:
        self._set_analysis(None)
        self._show_message(self.tr("Entities are unavailable.") + f"\n\n{message}")

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.tree.hide()
        self.message.show()

    def _set_analysis(self, analysis: Analysis | None, sliced: bool = False) -> None:
        self._analysis = analysis
        self.model.set_analysis(analysis, sliced=sliced)
        self._show_details(None)
        self.show_position("")
        self._set_walk_enabled(False)

    # --- selection -------------------------------------------------------------------

    def selected_keys(self) -> list[str]:
        rows = sorted(
            self.tree.selectionModel().selectedRows(0),
            key=lambda index: self._tree_order(index),
        )
        return [index.data(EntityRole.KEY) for index in rows if index.data(EntityRole.ENTITY)]

    def _tree_order(self, index: QModelIndex) -> tuple[int, int]:
        return (index.parent().row(), index.row())

    def select_entity(self, key: str, additive: bool = False, scroll: bool = True) -> None:
        """Select an entity's row (as a click would), showing it even if filtered out."""
        source = self.model.index_of_key(key)
        if not source.isValid():
            return
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_field.clear()
            index = self.proxy.mapFromSource(source)
        self.tree.expand(index.parent())
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if additive
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        model = self.tree.selectionModel()
        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(index, flags)
        if scroll:
            self.tree.scrollTo(index)

    @Slot()
    def clear_selection(self) -> None:
        self.tree.selectionModel().clearSelection()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected, _deselected) -> None:
        if self._keeping_selection:
            return
        keys = self.selected_keys()
        if self._selection is not None:
            self._selection.set_keys(keys)
        self._show_selection(keys)

    @Slot(list)
    def _follow_selection(self, keys: list[str]) -> None:
        """The shared selection changed elsewhere (a click in the article, another panel)."""
        if sorted(keys) == sorted(self.selected_keys()):
            return
        self._keeping_selection = True
        try:
            if not keys:
                self.clear_selection()
            for position, key in enumerate(keys):
                self.select_entity(key, additive=position > 0)
        finally:
            self._keeping_selection = False
        self._show_selection(self.selected_keys())

    def _show_selection(self, keys: list[str]) -> None:
        self._set_walk_enabled(bool(keys))
        if not keys:
            self.show_position("")
        current = self.tree.currentIndex()
        entity = current.data(EntityRole.ENTITY) if current.isValid() else None
        if entity is None or entity.key not in keys:
            entity = self._analysis.entity_by_key(keys[-1]) if keys and self._analysis else None
        self._show_details(entity)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entity = current.data(EntityRole.ENTITY) if current.isValid() else None
        if entity is not None and entity.key in self.selected_keys():
            self._show_details(entity)

    @Slot()
    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        """Enter (or a double click) on an entity goes to its first mention; on a group, toggles."""
        entity = index.data(EntityRole.ENTITY)
        if entity is None:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))
            return
        model = self.tree.selectionModel()
        if not model.isSelected(index):
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            model.select(index, flags | QItemSelectionModel.SelectionFlag.Rows)
        self.entityActivated.emit(entity.key)

    def _set_walk_enabled(self, enabled: bool) -> None:
        self.previous_button.setEnabled(enabled)
        self.next_button.setEnabled(enabled)

    def show_position(self, text: str) -> None:
        """Where the walk through the mentions is ("mention 2 of 6")."""
        self.position_label.setText(text)

    # --- filter, sort, expansion -----------------------------------------------------

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._apply_expansion()

    @Slot(int)
    def _on_sort_changed(self, row: int) -> None:
        mode = SortMode(self.sort_box.itemData(row))
        self.proxy.set_sort_mode(mode)
        if self._settings is not None and not self._restoring:
            self._settings.set_value(SORT_SETTING, mode.value)

    def set_sort_mode(self, mode: SortMode) -> None:
        self.sort_box.setCurrentIndex(self.sort_box.findData(mode.value))

    def _restore_sort(self) -> None:
        if self._settings is None:
            return
        stored = self._settings.value(SORT_SETTING, SortMode.SALIENCE.value, str)
        if stored in {m.value for m in SortMode}:
            self._restoring = True
            self.set_sort_mode(SortMode(stored))
            self._restoring = False

    def _remember_expansion(self, index: QModelIndex, expanded: bool) -> None:
        key = index.data(EntityRole.KEY)
        if key is None or index.parent().isValid():
            return
        if expanded:
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    @Slot()
    def _apply_expansion(self, *_args) -> None:
        """Groups start expanded (Uncertain collapsed); ones the reader collapsed stay so."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            self.tree.setExpanded(index, index.data(EntityRole.KEY) not in self._collapsed)

    # --- details -----------------------------------------------------------------------

    def add_detail_widget(self, widget: QWidget) -> None:
        """Show `widget` under the details (e.g. the library's "Also in N other articles")."""
        self._details_layout.addWidget(widget)

    def _show_details(self, entity: Entity | None) -> None:
        self.contexts.clear()
        self._show_correction_notes(entity)
        self._show_said(entity)
        if entity is None or self._document is None or self._analysis is None:
            self.detail.setText(self.tr("Select an entity to see where the article mentions it."))
            self.detailsChanged.emit(None)
            return
        self.detailsChanged.emit(entity)
        mentions = plural("%n mention(s)", entity.count)
        lines = [f"{entity.name} — {group_name(entity.group)}, {mentions}"]
        if entity.aliases:
            lines.append(self.tr("Also called: %1").replace("%1", ", ".join(entity.aliases)))
        self.detail.setText("\n".join(lines))
        document = self._document
        contexts = mention_contexts(document, self._analysis, entity, MAX_CONTEXT_LINES + 1)
        for context in contexts[:MAX_CONTEXT_LINES]:
            focus = entity.mentions[context.mention_index].start
            item = QListWidgetItem(context_line(document, context, focus))
            item.setData(_CONTEXT_ROLE, (entity.key, context.mention_index))
            item.setToolTip(self.tr("Go to this mention"))
            self.contexts.addItem(item)
        if len(contexts) > MAX_CONTEXT_LINES:
            more = QListWidgetItem(
                plural("… and more: F3 walks through all %n mentions", entity.count)
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.contexts.addItem(more)

    def _show_correction_notes(self, entity: Entity | None) -> None:
        notes = self.correction_notes(entity) if entity and self.correction_notes else ()
        undo = html.escape(self.tr("Undo"))
        self.corrected_label.setText(
            "<br>".join(
                f'{html.escape(text)} — <a href="{html.escape(rule_id)}">{undo}</a>'
                for rule_id, text in notes
            )
        )
        self.corrected_label.setVisible(bool(notes))

    def _show_said(self, entity: Entity | None) -> None:
        quotes = self._analysis.quotes_by(entity.key) if entity and self._analysis else ()
        self.said_list.clear()
        self.said_label.setText(said_label(len(quotes)))
        for quote in quotes:
            cue = f"{quote.cue.text}: " if quote.cue is not None else ""
            item = QListWidgetItem(f"{cue}“{short_text(quote)}”")
            item.setData(_CONTEXT_ROLE, (quote.start, quote.end))
            item.setToolTip(plain(quote.text))
            self.said_list.addItem(item)
        rows = min(len(quotes), MAX_SAID_ROWS) * max(1, self.said_list.sizeHintForRow(0))
        self.said_list.setFixedHeight(rows + 2 * self.said_list.frameWidth() + 2)
        self.said_label.setVisible(bool(quotes))
        self.said_list.setVisible(bool(quotes))

    @Slot(QListWidgetItem)
    def _on_quote_activated(self, item: QListWidgetItem) -> None:
        self.quoteRequested.emit(*item.data(_CONTEXT_ROLE))

    @Slot(QListWidgetItem)
    def _on_context_activated(self, item: QListWidgetItem) -> None:
        if item.data(_CONTEXT_ROLE) is None:
            return
        key, mention_index = item.data(_CONTEXT_ROLE)
        self.mentionRequested.emit(key, mention_index)

    # --- context menu ------------------------------------------------------------------

    def _entities_for_menu(self, index: QModelIndex) -> list[Entity]:
        entity = index.data(EntityRole.ENTITY) if index.isValid() else None
        if entity is None:
            return []
        keys = self.selected_keys()
        if entity.key in keys and self._analysis is not None:
            return [e for k in keys if (e := self._analysis.entity_by_key(k)) is not None]
        return [entity]

    @Slot(list, str)
    def _merge_dropped(self, keys: list[str], target: str) -> None:
        dragged = [self._entity_of(key) for key in keys]
        kept = self._entity_of(target)
        if kept is not None and all(dragged):
            self.mergeRequested.emit([*dragged, kept], kept)

    def _entity_of(self, key: str) -> Entity | None:
        return self.model.index_of_key(key).data(EntityRole.ENTITY)

    @Slot()
    def _show_context_menu(self, position) -> None:
        entities = self._entities_for_menu(self.tree.indexAt(position))
        if not entities:
            return
        menu = QMenu(self)
        several = len(entities) > 1
        names = self.tr("Copy Names") if several else self.tr("Copy Name")
        menu.addAction(names, lambda: self.copy_names(entities))
        menu.addAction(self.tr("Copy Mention Sentences"), lambda: self.copy_sentences(entities))
        self.contextMenuAboutToShow.emit(menu, entities)
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def copy_names(self, entities: list[Entity]) -> None:
        QGuiApplication.clipboard().setText("\n".join(e.name for e in entities))

    def copy_sentences(self, entities: list[Entity]) -> None:
        if self._document is None or self._analysis is None:
            return
        sentences: list[str] = []
        for entity in entities:
            for sentence in mention_sentences(self._document, self._analysis, entity):
                if sentence not in sentences:
                    sentences.append(sentence)
        QGuiApplication.clipboard().setText("\n".join(sentences))
