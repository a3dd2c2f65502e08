"""The look: large type that reads from the back of a meeting room, calm colours, one accent.

Widgets say what they are with a ``role`` property; this stylesheet gives each role its look.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planner.numbers.series_colours import NEEDED, NEXT_YEAR, SHORT

ACCENT = "#1f5fa8"
ERROR = "#b3261e"
GOOD = "#1b7f3b"
FAIR = "#a15c00"
TEXT = "#1d2430"
MUTED = "#5a6473"
PANEL = "#f3f5f8"
BORDER = "#c9d0da"

# the charts' series colours are in ui.palette (one colour for each series, throughout the app)
DEMAND = NEEDED  # (planner.numbers.series_colours: the same in the exports)
GAP = SHORT  # short of demand: a clear red no series uses
COVERED = GOOD
NEXT_YEAR_SHADE = NEXT_YEAR  # the carry-over months (next year's start): a light grey-blue no series uses

STYLESHEET = f"""
QMainWindow, QWidget[role="page"] {{ background: white; }}
QWidget {{ color: {TEXT}; font-size: 15px; }}
QLabel[role="page-title"] {{ font-size: 28px; font-weight: 600; color: {TEXT}; }}
QLabel[role="section"] {{ font-size: 20px; font-weight: 600; margin-top: 12px; }}
QLabel[role="subheading"] {{ font-size: 16px; font-weight: 600; color: {MUTED}; }}
QLabel[role="intro"] {{ color: {MUTED}; font-size: 15px; }}
QLabel[role="hint"] {{ color: {MUTED}; font-size: 13px; }}
QLabel[role="unit"] {{ color: {MUTED}; }}
QLabel[role="field-label"] {{ font-weight: 500; padding-top: 6px; }}
QLabel[role="error"] {{ color: {ERROR}; font-size: 14px; }}
QLabel[role="big-figure"] {{ font-size: 26px; font-weight: 600; }}
QLabel[role="big-figure-name"] {{ color: {MUTED}; font-size: 13px; }}
QLineEdit, QComboBox, QPlainTextEdit {{
    border: 1px solid {BORDER}; border-radius: 4px; padding: 5px 8px; background: white;
    min-height: 22px;
}}
QComboBox {{ padding-right: 30px; }}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 26px;
    border-left: 1px solid {BORDER};
}}
QComboBox::down-arrow {{
    image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png); width: 12px; height: 12px;
}}

QComboBox QAbstractItemView {{ font-size: 15px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {ACCENT}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; background: #fdf0ef; }}
QLineEdit:disabled {{ background: {PANEL}; color: {MUTED}; }}
QPushButton {{
    border: 1px solid {BORDER}; border-radius: 4px; padding: 7px 16px; background: white;
}}
QPushButton:hover {{ background: #eef3fa; }}
QPushButton:disabled {{ color: #9aa3ad; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[role="primary"]:hover {{ background: #174b86; }}
QPushButton[role="primary"]:disabled {{ background: #9db5d3; border-color: #9db5d3; }}
QListWidget#navigator {{
    background: {PANEL}; border: none; border-right: 1px solid {BORDER}; font-size: 17px;
    padding-top: 12px; outline: 0;
}}
QListWidget#navigator::item {{ padding-left: 18px; border-left: 4px solid transparent; }}
QListWidget#navigator::item:selected {{
    background: white; color: {ACCENT}; font-weight: 600; border-left: 4px solid {ACCENT};
}}
QListWidget#navigator::item:hover:!selected {{ background: #e6ebf2; }}
QFrame#health {{ background: {PANEL}; border-left: 1px solid {BORDER}; }}
QFrame#health QScrollArea, QFrame#health QScrollArea > QWidget > QWidget {{
    background: transparent;
}}
QLabel[role="panel-title"] {{ font-size: 20px; font-weight: 600; }}
QLabel[role="figure-name"] {{ color: {MUTED}; font-size: 14px; }}
QLabel[role="figure"] {{ font-size: 20px; font-weight: 600; }}
QLabel[role="figure"][level="good"] {{ color: {GOOD}; }}
QLabel[role="figure"][level="fair"] {{ color: {FAIR}; }}
QLabel[role="figure"][level="poor"] {{ color: {ERROR}; }}
QLabel[role="next-year"] {{ font-size: 14px; color: {MUTED}; }}
QLabel[role="next-year"][level="fair"] {{ color: {FAIR}; }}
QLabel[role="verdict"] {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px; padding: 8px;
    font-size: 14px;
}}
QPushButton[role="warning"] {{
    text-align: left; background: #fff6e5; border: 1px solid #f0c36d; border-radius: 4px;
    padding: 0;
}}
QPushButton[role="warning"]:hover {{ background: #ffefcc; }}
QPushButton[role="warning"] QLabel {{ font-size: 14px; color: #5c3b00; background: transparent; }}
QFrame#stepbar {{ border-top: 1px solid {BORDER}; background: white; }}
QTableView {{
    gridline-color: #e3e7ed; border: 1px solid {BORDER}; font-size: 15px;
    selection-background-color: #d7e5f7; selection-color: {TEXT};
}}
QHeaderView::section {{
    background: {PANEL}; border: none; border-bottom: 1px solid {BORDER};
    border-right: 1px solid #e3e7ed; padding: 4px 6px; font-weight: 600; font-size: 14px;
}}
QGroupBox {{ border: 1px solid {BORDER}; border-radius: 6px; margin-top: 8px; padding: 12px; }}
QFrame[role="card"] {{
    border: 1px solid {BORDER}; border-radius: 6px; background: white;
}}
QFrame[role="finding"] {{ border: 1px solid {BORDER}; border-left: 5px solid {ACCENT};
    border-radius: 4px; background: white; }}
QFrame[role="finding"][severity="2"] {{ border-left-color: {FAIR}; }}
QFrame[role="finding"][severity="3"] {{ border-left-color: {ERROR}; }}
QLabel[role="finding-title"] {{ font-size: 16px; font-weight: 600; }}
QStatusBar {{ font-size: 14px; }}
"""


def opaque(label: QWidget, background: str) -> None:
    """The label fills its own background with the colour of what it sits on, so that a new text
    repaints the label alone, not the panel and the window behind it. (By its palette: a stylesheet
    background would have Qt paint what is behind it all the same.)"""
    from PySide6.QtGui import QColor

    palette = label.palette()
    palette.setColor(label.backgroundRole(), QColor(background))
    label.setPalette(palette)
    label.setAutoFillBackground(True)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a ``role``/state property changed.

    A widget not yet polished picks the property up when it is first shown, so it is left
    alone, as are all the widgets of a window not on screen: before its first show none is
    polished, and at start-up ``Qt`` is not built yet (see ``ui.startup``).
    """
    if not widget.window().isVisible():
        return
    from PySide6.QtCore import Qt

    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)
