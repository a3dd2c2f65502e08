"""Where an assumption stands against its industry's published range, beside the cited default.

With an industry chosen on Basics, a field with a figure in the benchmark library (the library in
use, ``document.library``) shows the range under its default's hint ("Typical for Enterprise
software: 15–25%, middle 18% (FirstSales, 2024)"), the source's title and address in its tooltip;
the tables add it to their cells' tooltips (``range_words``). A figure the library leaves out says
why in the tooltip. Money is compared only when the plan and the library share a currency, as the
findings do (``planner.benchmarks.standing``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtWidgets import QLabel

from planner.benchmarks.library import FIGURES, Industry, Library, Range
from planner.benchmarks.standing import hint, range_text
from ui.widgets.follow import Follower


class RangeWords(NamedTuple):
    line: str  # the hint's line ("" without a range)
    source: str  # the tooltip's: the source in full, or why there is no range


NONE = RangeWords("", "")


def industry_of(document: Any) -> tuple[Library, Industry] | None:
    """The library in use and the plan's industry in it (None without an industry)."""
    key = document.plan.basics.industry
    if not key:
        return None
    library = document.library
    industry = library.industry(key)
    return (library, industry) if industry is not None else None


def source_text(ranged: Range) -> str:
    text = ranged.source.reference
    return f"{text}\n{ranged.note}" if ranged.note else text


def compared(document: Any, library: Library, figure: str) -> bool:
    """False for an amount in another currency than the plan's (not compared unconverted)."""
    return library.compares(figure, document.plan.basics.currency)


def range_words(document: Any, figure: str) -> RangeWords:
    """The range of ``figure`` (a library path: ``targets.win_rate``, ``labor.inside.attrition_rate``,
    ``channels.events.cost_per_lead``) for the plan's industry, in words."""
    found = industry_of(document)
    if found is None or figure not in FIGURES:
        return NONE
    library, industry = found
    ranged = industry.figures.get(figure)
    if ranged is None:
        why = industry.absent.get(figure, "")
        return RangeWords("", f"No published range for {industry.name}: {why}" if why else "")
    if not compared(document, library, figure):
        currency = document.plan.basics.currency
        return RangeWords("", f"The benchmarks' amounts are in {library.currency}, the plan's in {currency}.")
    line = hint(figure, industry.name, ranged, document.plan.basics.currency)
    return RangeWords(line[:1].upper() + line[1:], source_text(ranged))


def in_sentence(label: str) -> str:
    """A figure's label inside a sentence: "An SDR's ramp" → "an SDR's ramp", "SDR attrition" as it is."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def ranges_sentence(document: Any, figures: tuple[str, ...], who: str) -> str:
    """ "Published for Enterprise software (inside reps): sales-ready leads a month 4–8, ..." ("" without)."""
    found = industry_of(document)
    if found is None:
        return ""
    library, industry = found
    currency = document.plan.basics.currency
    parts = [
        f"{in_sentence(FIGURES[f].label)} {range_text(f, industry.figures[f], currency)}"
        for f in figures
        if f in industry.figures and compared(document, library, f)
    ]
    return f"Published for {industry.name} ({who}): {'; '.join(parts)}." if parts else ""


class RangeHints:
    """The hint labels of a page's fields with a library figure (the field's path is the figure's),
    following the plan's industry and the library in use: ``{path: (label, hint, tooltip)}`` with
    the label's own text and tooltip, which the range is added to."""

    def __init__(self, document: Any, labels: dict[str, tuple[QLabel, str, str]]) -> None:
        self.document = document
        self.labels = labels
        self.shown: tuple[str, str] | None = None  # the industry and currency shown
        self.shown_library: Library | None = None  # ... and the library (compared by identity)
        # (a step's document passes changes on while its page is shown: a refresh is a comparison)
        self.follower = Follower(self.refresh, lambda: True)
        document.changed.connect(self.follower.follow)
        self.refresh()

    def refresh(self) -> None:
        basics = self.document.plan.basics
        library = self.document.library if basics.industry else None
        key = (basics.industry, basics.currency)
        if key == self.shown and library is self.shown_library:
            return
        self.shown, self.shown_library = key, library
        for figure, (label, text, tip) in self.labels.items():
            words = range_words(self.document, figure)
            label.setText("\n".join(filter(None, (text, words.line))))
            label.setToolTip("\n".join(filter(None, (tip, words.source))))
            label.setVisible(bool(label.text()))
