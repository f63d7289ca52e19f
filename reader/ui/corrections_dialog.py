"""Settings › Corrections…: every saved rule, when it was made and what it does; delete,
export and import (a team shares its corrections as one JSON file)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.corrections import CorrectionsError, Rule, RuleSet, counted_rules
from reader.library.corrections import read_rules
from reader.ui.corrections import CorrectionBook

COLUMNS = ("Kind", "Rule", "Scope", "Made")
KIND_TITLES = {
    "not_entity": "Not an entity",
    "group": "Group",
    "alias": "Merge",
    "rename": "Rename",
    "add": "Add",
    "split": "Split off",
}


def rule_text(rule: Rule) -> str:
    """What a rule says, in a line of the table."""
    kind = rule.kind
    if kind == "not_entity":
        return f"“{rule.name}” is not an entity"
    if kind == "group":
        return f"“{rule.name}” is in {rule.group.plural_title}"
    if kind == "alias":
        return f"“{rule.alias}” is “{rule.name}”"
    if kind == "rename":
        return f"“{rule.name}” is shown as “{rule.to}”"
    if kind == "add":
        return f"“{rule.name}” is one of the {rule.group.plural_title}"
    return f"“{rule.alias}” is “{rule.name}” ({rule.group.plural_title})"


class CorrectionsDialog(QDialog):
    """The saved rules as a table. Every change goes through the book: Edit › Undo undoes it."""

    def __init__(self, book: CorrectionBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionsDialog")
        self.setWindowTitle(self.tr("Corrections"))
        self.resize(720, 420)
        self.book = book
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("correctionsTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self)
        self.message.setObjectName("correctionsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.delete_button = self._button(buttons, self.tr("&Delete"), self.delete_selected)
        self._button(buttons, self.tr("&Export…"), self.choose_export)
        self._button(buttons, self.tr("&Import…"), self.choose_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        book.changed.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update_delete)
        self.refresh()

    def _button(self, box: QDialogButtonBox, text: str, slot) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    @Slot()
    def refresh(self) -> None:
        rules = self.book.rules.rules
        self.table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            made = rule.created.astimezone().strftime("%Y-%m-%d %H:%M") if rule.created else ""
            scope = self.tr("Everywhere") if rule.everywhere else self.tr("One article")
            cells = (KIND_TITLES.get(rule.kind, rule.kind), rule_text(rule), scope, made)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rule.id)
                self.table.setItem(row, column, item)
        if not rules:
            self.message.setText(
                self.tr("No corrections yet: right-click an entity in the sidebar to make one.")
            )
        elif self.book.not_saved:
            self.message.setText(self.book.not_saved)
        else:
            self.message.setText(
                counted_rules(len(rules)) + self.tr(", applied to every article you open.")
            )
        self._update_delete()

    def _update_delete(self) -> None:
        self.delete_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [self.table.item(i.row(), 0).data(Qt.ItemDataRole.UserRole) for i in rows]

    @Slot()
    def delete_selected(self) -> None:
        ids = set(self.selected_ids())
        if ids:
            kept = tuple(r for r in self.book.rules.rules if r.id not in ids)
            self.book.change(RuleSet(kept), f"Delete {counted_rules(len(ids))}")

    @Slot()
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export corrections"), "corrections.json", self.tr("JSON (*.json)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        try:
            with open(path, "w", encoding="utf-8") as file:
                file.write(self.book.rules.to_json())
        except OSError as exc:
            self.message.setText(f"Could not export to {path}: {exc.strerror or exc}")
            return
        self.message.setText(f"{counted_rules(len(self.book.rules.rules))} exported to {path}.")

    @Slot()
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import corrections"), "", self.tr("JSON (*.json);;All files (*)")
        )
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        """Add a file's rules, all or none: a bad file is refused with what is wrong in it."""
        try:
            rules = read_rules(path)
        except CorrectionsError as exc:
            self.message.setText(f"Nothing was imported from {path}: {exc}")
            return
        self.book.add(rules, f"Import {counted_rules(len(rules))}")
        self.message.setText(f"{counted_rules(len(rules))} imported from {path}.")
