"""The reader's corrections in the window: the saved rules, their undo stack, and the actions.

`CorrectionBook` owns the rules (`reader.analysis.corrections.RuleSet`): it reads them from
the library database when the window opens, saves every change there in one transaction,
and hands them to the `ArticleSession`, which interprets the kept annotations again (the
model never runs again). Each change is one `RulesCommand` on the book's `QUndoStack`, so
Edit › Undo takes back a rename, a merge (several alias rules) or an import alike.

`CorrectionActions` is what the reader touches: the Edit menu's correction items, the
entity sidebar's right-click menu, "Mark as Entity…" on a selection in the article and
the "Undo" link in an entity's details. Questions go through `ask` (a `CorrectionQuestions`),
so tests answer them without modal dialogs.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QPoint, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QWidget

from reader.analysis import Entity, EntityGroup, Mention
from reader.analysis.corrections import (
    Add,
    ChangeGroup,
    NotEntity,
    Rename,
    Rule,
    RuleSet,
    Split,
    article_hash,
    merge_rules,
)
from reader.library import Library, LibraryError, database_path
from reader.library.corrections import rederive, saved_rules
from reader.ui.article_view import ArticleView
from reader.ui.entity_model import group_name
from reader.ui.entity_panel import EntityPanel
from reader.ui.highlighting import MentionHighlighter
from reader.ui.session import ArticleSession
from reader.ui.workers import emit_from_thread

NOT_SAVED = "Your corrections apply in this window but will not be saved: {problem}"


class CorrectionBook(QObject):
    """The reader's rules: saved in the library, applied to the session, undone by the stack.

    Signals:
        changed(): the rules changed (a correction, an undo, an import).
        libraryUpdated(count): the library's articles now follow the rules (re-derived in the
            background from their kept model output, without the model).
        problem(message): the rules cannot be read or saved; they still apply in this window.
    """

    changed = Signal()
    problem = Signal(str)
    libraryUpdated = Signal(int)  # articles re-derived with the rules now in force

    def __init__(self, session: ArticleSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.not_saved = ""  # why the rules are not saved, once they cannot be
        self._told = False
        self._pool = QThreadPool(self)  # re-deriving the library: one job at a time
        self._pool.setMaxThreadCount(1)
        self._library_generation = 0
        # Rules changed since the library last caught up (a cancelled run leaves them).
        self._unapplied: list[Rule] = []
        self._unapplied_lock = threading.Lock()
        try:
            self._rules = saved_rules()
        except LibraryError as exc:
            self._rules = RuleSet()
            self.not_saved = NOT_SAVED.format(problem=exc)
        session.set_rules(self._rules.rules)

    @property
    def rules(self) -> RuleSet:
        return self._rules

    def article(self) -> str | None:
        """The scope of a rule for the open article only."""
        document = self.session.document
        return article_hash(document) if document is not None else None

    def add(self, rules: Sequence[Rule], text: str) -> None:
        """Make corrections (one undo step); each is stamped with the time it was made."""
        now = datetime.now(UTC).replace(microsecond=0)
        after = self._rules
        for rule in rules:
            after = after.with_rule(rule if rule.created else _stamped(rule, now))
        self.change(after, text)

    def remove(self, rule_id: str) -> None:
        rule = self._rules.get(rule_id)
        if rule is not None:
            self.change(self._rules.without(rule_id), f"Undo “{rule.describe()}”")

    def change(self, after: RuleSet, text: str) -> None:
        """Any change to the rules, as one step Edit › Undo takes back."""
        if after != self._rules:
            self.undo_stack.push(RulesCommand(self, self._rules, after, text))

    def store(self, before: RuleSet, after: RuleSet) -> None:
        """Go from rules `before` to `after` (the undo commands call this): saved, and applied
        to the session. Only the difference is saved, so rules saved meanwhile elsewhere (another
        window, `reader corrections import`) stay and apply too. Unsaved, they still apply."""
        added = [r for r in after.rules if before.get(r.id) != r]
        removed = [r.id for r in before.rules if after.get(r.id) is None]
        rules = after
        if not self.not_saved:
            try:
                with Library(database_path()) as library:
                    library.change_rules(added, removed)
                    rules = library.rules()
            except (LibraryError, sqlite3.Error, OSError) as exc:
                self.not_saved = NOT_SAVED.format(problem=exc)
            else:
                self._update_library(rules, [*added, *(before.get(i) for i in removed)])
        self._rules = rules
        if self.not_saved and not self._told:
            self._told = True
            self.problem.emit(self.not_saved)
        self.session.set_rules(rules.rules)
        self.changed.emit()

    def _update_library(self, rules: RuleSet, changed: list[Rule]) -> None:
        """Re-derive the library articles that the `changed` rules reach, off this thread;
        a newer change stops an older run and takes over what it had not finished."""
        with self._unapplied_lock:
            self._library_generation += 1
            generation = self._library_generation
            self._unapplied += changed
            pending = list(self._unapplied)

        def job() -> None:
            try:
                with Library(database_path()) as library:
                    count = rederive(
                        library,
                        rules,
                        lambda: generation != self._library_generation,
                        changed=pending,
                    )
            except (LibraryError, sqlite3.Error, OSError):
                return  # the window's corrections stand; the library catches up next time
            with self._unapplied_lock:
                if generation != self._library_generation:
                    return
                self._unapplied.clear()
            emit_from_thread(self.libraryUpdated, count)

        self._pool.start(job)


def _stamped(rule: Rule, when: datetime) -> Rule:
    return replace(rule, created=when)


class RulesCommand(QUndoCommand):
    """One correction (or several made at once): redo saves `after`, undo saves `before`."""

    def __init__(self, book: CorrectionBook, before: RuleSet, after: RuleSet, text: str) -> None:
        super().__init__(text)
        self.book, self.before, self.after = book, before, after

    def redo(self) -> None:
        self.book.store(self.before, self.after)

    def undo(self) -> None:
        self.book.store(self.after, self.before)


class CorrectionQuestions:
    """What a correction asks the reader; None when they cancel. Tests replace it."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def text(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return " ".join(text.split()) if ok and text.strip() else None

    def choice(self, title: str, label: str, items: Sequence[str]) -> str | None:
        item, ok = QInputDialog.getItem(self.parent, title, label, list(items), 0, False)
        return item if ok else None

    def group(self, title: str, label: str, default: EntityGroup) -> EntityGroup | None:
        names = [group_name(g) for g in EntityGroup]
        item, ok = QInputDialog.getItem(
            self.parent, title, label, names, list(EntityGroup).index(default), False
        )
        return list(EntityGroup)[names.index(item)] if ok else None


class CorrectionActions(QObject):
    """The correction actions of one window: Edit menu, sidebar menu, article menu, details."""

    def __init__(
        self,
        window: QMainWindow,
        book: CorrectionBook,
        panel: EntityPanel | None,
        view: ArticleView,
        edit_menu: QMenu,
        highlighter: MentionHighlighter | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.book, self.panel, self.view = window, book, panel, view
        self.highlighter = highlighter
        self.ask = CorrectionQuestions(window)
        stack = book.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undoAction")
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("redoAction")
        self.everywhere_action = self._action(
            self.tr("Corrections Apply &Everywhere"), None, "applyEverywhereAction"
        )
        self.everywhere_action.setCheckable(True)
        self.everywhere_action.setChecked(True)
        self.everywhere_action.setToolTip(
            self.tr("Off: a correction applies to this article only (Split Off always does)")
        )
        self.rename_action = self._action(self.tr("Re&name…"), self.rename, "renameAction", "F2")
        self.merge_action = self._action(
            self.tr("&Merge Selected…"), self.merge, "mergeAction", "Ctrl+M"
        )
        self.split_action = self._action(self.tr("&Split Off Alias…"), self.split, "splitAction")
        self.split_mention_action = self._action(
            self.tr("Split Off &This Mention…"), self.split_mention, "splitMentionAction"
        )
        self.not_entity_action = self._action(
            self.tr("N&ot an Entity"), self.not_entity, "notEntityAction", "Ctrl+Shift+Delete"
        )
        self.mark_action = self._action(
            self.tr("Mar&k as Entity…"), self.mark_selection, "markEntityAction", "Ctrl+Shift+K"
        )
        self.group_menu = QMenu(self.tr("Change &Group"), window)
        self.group_menu.setObjectName("changeGroupMenu")
        self.group_actions: dict[EntityGroup, QAction] = {}
        for group in EntityGroup:
            act = self.group_menu.addAction(group_name(group))
            act.setObjectName(f"group{group_name(group)}Action")
            act.triggered.connect(lambda _=False, g=group: self.change_group(g))
            self.group_actions[group] = act
        self.settings_action = self._action(
            self.tr("&Corrections…"), self.show_dialog, "correctionsDialogAction"
        )
        for act in (self.undo_action, self.redo_action):
            window.addAction(act)
        self._settings_menu(window).addAction(self.settings_action)
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertActions(first, [self.undo_action, self.redo_action])
        edit_menu.insertSeparator(first)
        edit_menu.addSeparator()
        edit_menu.addActions([self.rename_action])
        edit_menu.addMenu(self.group_menu)
        edit_menu.addActions(
            [
                self.merge_action,
                self.split_action,
                self.split_mention_action,
                self.not_entity_action,
                self.mark_action,
            ]
        )
        edit_menu.addAction(self.everywhere_action)
        edit_menu.aboutToShow.connect(self._update_enabled)
        if panel is not None:
            panel.contextMenuAboutToShow.connect(self._extend_entity_menu)
            panel.correction_notes = lambda entity: self.book.rules.notes(entity)
            panel.undoCorrectionRequested.connect(self.book.remove)
            panel.mergeRequested.connect(self.merge_into)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_view_menu)

    def _settings_menu(self, window: QMainWindow) -> QMenu:
        """The window's Settings menu (made here, before Help, if no one made it yet)."""
        bar = window.menuBar()
        for act in bar.actions():
            if act.menu() is not None and act.text().replace("&", "") == "Settings":
                return act.menu()
        menu = QMenu(self.tr("&Settings"), window)
        menu.setObjectName("settingsMenu")
        help_menu = getattr(window, "help_menu", None)
        bar.insertMenu(help_menu.menuAction() if help_menu else None, menu)
        return menu

    def _action(self, text: str, slot, name: str, shortcut: str = "") -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            act.triggered.connect(slot)
        self.window.addAction(act)
        return act

    # --- what the corrections apply to ---------------------------------------------------

    def selected(self) -> list[Entity]:
        """The entities selected in the sidebar, in the order the reader sees them."""
        analysis = self.book.session.analysis
        if self.panel is None or analysis is None:
            return []
        keys = self.panel.selected_keys()
        return [e for k in keys if (e := analysis.entity_by_key(k)) is not None]

    def _scope(self) -> str | None:
        return None if self.everywhere_action.isChecked() else self.book.article()

    @Slot()
    def _update_enabled(self) -> None:
        count = len(self.selected())
        for act in (self.rename_action, self.split_action, self.not_entity_action):
            act.setEnabled(count >= 1)
        self.group_menu.setEnabled(count >= 1)
        self.merge_action.setEnabled(count >= 2)
        self.split_mention_action.setEnabled(self._current_mention() is not None)
        self.mark_action.setEnabled(bool(self._selected_text()))

    # --- the corrections -----------------------------------------------------------------

    @Slot()
    def rename(self, entities: list[Entity] | None = None) -> None:
        (entity, *_) = entities or self.selected() or [None]
        if entity is None:
            return
        name = self.ask.text(
            self.tr("Rename"), self.tr("Show “%1” as:").replace("%1", entity.name), entity.name
        )
        if name and name != entity.name:
            rule = Rename(name=entity.name, to=name, article=self._scope())
            self.book.add([rule], f"Rename “{entity.name}” to “{name}”")

    def change_group(self, group: EntityGroup, entities: list[Entity] | None = None) -> None:
        entities = [e for e in (entities or self.selected()) if e.group is not group]
        rules = [ChangeGroup(name=e.name, group=group, article=self._scope()) for e in entities]
        if rules:
            self.book.add(rules, f"Move to {group.plural_title}")

    @Slot()
    def merge(self, entities: list[Entity] | None = None) -> None:
        entities = entities or self.selected()
        if len(entities) < 2:
            return
        names = [e.name for e in entities]
        kept = self.ask.choice(self.tr("Merge"), self.tr("Merge into one, named:"), names)
        if kept is None:
            return
        self.merge_into(entities, entities[names.index(kept)])

    @Slot(list, object)
    def merge_into(self, entities: list[Entity], keep: Entity) -> None:
        """Merge `entities` into `keep`, whose name stays (a drop onto it, or Merge…)."""
        others = [e for e in entities if e is not keep and e.key != keep.key]
        if others:
            rules = merge_rules(keep, others, article=self._scope())
            self.book.add(rules, f"Merge {len(others) + 1} entities into “{keep.name}”")

    @Slot()
    def split(self, entities: list[Entity] | None = None) -> None:
        (entity, *_) = entities or self.selected() or [None]
        if entity is None:
            return
        written = list(dict.fromkeys(m.text for m in entity.mentions))
        if len(written) > 1:
            alias = self.ask.choice(self.tr("Split Off"), self.tr("The mentions written:"), written)
        else:
            alias = written[0] if written else None
        if alias is None:
            return
        name = self.ask.text(self.tr("Split Off"), self.tr("are another entity, named:"), alias)
        if name is None:
            return
        group = self.ask.group(self.tr("Split Off"), self.tr("of the group:"), entity.group)
        if group is None:
            return
        rule = Split(alias=alias, name=name, group=group, article=self.book.article())
        self.book.add([rule], f"Split “{alias}” off “{entity.name}”")

    def _current_mention(self) -> tuple[Mention, Entity] | None:
        """The mention the walk is on (F3), when its entity is selected."""
        current = self.highlighter.current_mention if self.highlighter else None
        keys = {e.key for e in self.selected()}
        return current if current is not None and current[1].key in keys else None

    @Slot()
    def split_mention(self) -> None:
        """Only the mention shown now is something else: a rule for this article alone."""
        current = self._current_mention()
        if current is None:
            return
        mention, entity = current
        name = self.ask.text(
            self.tr("Split Off This Mention"),
            self.tr("“%1” here is another entity, named:").replace("%1", mention.text),
            mention.text,
        )
        if name is None:
            return
        group = self.ask.group(
            self.tr("Split Off This Mention"), self.tr("of the group:"), entity.group
        )
        if group is None:
            return
        rule = Split(
            alias=mention.text,
            name=name,
            group=group,
            at=(mention.start,),
            article=self.book.article(),
        )
        self.book.add([rule], f"Split one “{mention.text}” off “{entity.name}”")

    @Slot()
    def not_entity(self, entities: list[Entity] | None = None) -> None:
        entities = entities or self.selected()
        rules = [NotEntity(name=e.name, article=self._scope()) for e in entities]
        if rules:
            self.book.add(rules, f"Not an entity: {', '.join(e.name for e in entities)}")

    @Slot()
    def mark_selection(self) -> None:
        text = self._selected_text()
        if not text:
            return
        name = self.ask.text(self.tr("Mark as Entity"), self.tr("Entity name:"), text)
        if name is None:
            return
        group = self.ask.group(self.tr("Mark as Entity"), self.tr("Group:"), EntityGroup.PERSON)
        if group is not None:
            rule = Add(name=name, group=group, article=self._scope())
            self.book.add([rule], f"Mark “{name}” as an entity")

    def _selected_text(self) -> str:
        text = self.view.textCursor().selectedText().replace("\u2029", " ")
        return " ".join(text.split())

    # --- menus ---------------------------------------------------------------------------

    def _entity_menu_items(self, menu: QMenu, entities: list[Entity]) -> None:
        menu.addAction(self.tr("Rename…"), lambda: self.rename(entities))
        groups = menu.addMenu(self.tr("Change Group"))
        for group in EntityGroup:
            act = groups.addAction(
                group_name(group), lambda g=group: self.change_group(g, entities)
            )
            act.setEnabled(any(e.group is not group for e in entities))
        if len(entities) > 1:
            menu.addAction(self.tr("Merge Selected…"), lambda: self.merge(entities))
        menu.addAction(self.tr("Split Off Alias…"), lambda: self.split(entities))
        current = self._current_mention()
        if current is not None and current[1] in entities:
            menu.addAction(self.split_mention_action)
        menu.addAction(self.tr("Not an Entity"), lambda: self.not_entity(entities))
        menu.addAction(self.everywhere_action)

    @Slot(object, list)
    def _extend_entity_menu(self, menu: QMenu, entities: list[Entity]) -> None:
        menu.addSeparator()
        self._entity_menu_items(menu, entities)

    @Slot(QPoint)
    def _show_view_menu(self, position: QPoint) -> None:
        menu = self.view.createStandardContextMenu(position)
        menu.addSeparator()
        self.mark_action.setEnabled(bool(self._selected_text()))
        menu.addAction(self.mark_action)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    @Slot()
    def show_dialog(self) -> None:
        from reader.ui.corrections_dialog import CorrectionsDialog

        CorrectionsDialog(self.book, self.window).exec()


def install_corrections(window) -> CorrectionActions:
    """Corrections in a main window: the saved rules, Edit › Undo, and the correction menus.

    `window` is a MainWindow (its session, article view, entity panel, message bar and Edit menu).
    """
    book = CorrectionBook(window.session, window)
    book.problem.connect(lambda text: window.message_bar.show_message(text, "warning"))
    edit_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"
    )
    return CorrectionActions(
        window, book, window.panel(EntityPanel), window.article_view, edit_menu, window.highlighter
    )
