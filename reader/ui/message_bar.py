"""A message strip above the article: errors and notices in plain words, never a crash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

_STYLES = {
    "info": ("#0072B2", "ℹ"),
    "warning": ("#E69F00", "⚠"),
    "error": ("#D55E00", "⛔"),
}


class MessageBar(QFrame):
    """Shows one message at a time, with an optional action button.

    Signals:
        actionTriggered(): the action button was pressed.
    """

    actionTriggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName("Messages")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icon = QLabel(self)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("messageText")
        self.text_label.setAccessibleName("Message")
        self.text_label.setWordWrap(True)
        # Messages quote file names and reasons: always plain text, never markup.
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("messageAction")
        self.action_button.hide()
        close = QToolButton(self)
        close.setObjectName("messageClose")
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._icon)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        close.clicked.connect(self.dismiss)
        self.action_button.clicked.connect(self._on_action)
        self._action: Callable[[], None] | None = None
        self.kind = ""
        self.hide()

    @property
    def text(self) -> str:
        return self.text_label.text() if self.isVisible() or self.kind else ""

    def show_message(
        self,
        text: str,
        kind: str = "info",
        action_text: str = "",
        action: Callable[[], None] | None = None,
    ) -> None:
        color, icon = _STYLES.get(kind, _STYLES["info"])
        self.kind = kind
        self._icon.setText(icon)
        self.text_label.setText(text)
        self.setStyleSheet(
            f"#messageBar {{ border: 1px solid {color}; border-left: 4px solid {color};"
            " border-radius: 3px; }"
        )
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_text))
        self.show()

    @Slot()
    def dismiss(self) -> None:
        self.kind = ""
        self._action = None
        self.hide()

    @Slot()
    def _on_action(self) -> None:
        action = self._action
        self.dismiss()
        self.actionTriggered.emit()
        if action is not None:
            action()
