"""Help → Glossary: the plan's words in plain English (from ``planner.plan.glossary``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner.plan.glossary import GLOSSARY


def glossary_html() -> str:
    rows = []
    for term in GLOSSARY:
        name = escape(term.term) + (f" ({escape(term.short)})" if term.short else "")
        rows.append(f"<dt><b>{name}</b></dt><dd style='margin-bottom:8px'>{escape(term.meaning)}</dd>")
    return f"<dl>{''.join(rows)}</dl>"


class GlossaryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary")
        self.setWindowTitle("Glossary")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("glossary.text")
        self.text.setHtml(glossary_html())
        self.text.setOpenLinks(False)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
