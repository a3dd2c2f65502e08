"""The report's assumptions appendix beside the ranges of the plan's industry.

For a plan that names its industry (``basics.industry``), each assumption of the appendix
(``report_analysis.assumption_rows``) is shown with its industry's low–high range and typical
figure, whether the plan's value is outside it, and where the range was published (publisher,
title, year, linked to its address; how each range was read from its source is in
docs/benchmarks.md and on the workbook's Inputs sheet). Without an industry there is nothing here
and the appendix is as it always was. The library's texts are data: escaped by the template like
the plan's, and a source's address is a link only when it is a web address (http or https).
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from exports.report_analysis import assumption_rows
from exports.safe_text import clean
from planner.benchmarks.library import Library, Range
from planner.benchmarks.standing import assumptions, library_or_built_in, range_text, shown
from planner.plan.model import Plan

NO_RANGE = "—"


class BenchmarkRow(NamedTuple):
    label: str
    value: str
    source: str  # where the plan's own value comes from (a default's source or "set in this plan")
    range: str  # "15–25%, typical 18%" (NO_RANGE when the industry has none for it)
    standing: str  # "above the range", "below the range" or "" (inside, or no range)
    cited: str  # "FirstSales, Win Rate | Sales Glossary, 2024" ("" without a range)
    url: str  # the source's web address, "" when it is not one (then shown as text, never a link)


def web_address(url: str) -> str:
    """``url`` when it is an http or https address (a link), else "" (a javascript: or file: address
    in a benchmark file of one's own is never a link)."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("http", "https") else ""


def cited(ranged: Range) -> str:
    return clean(ranged.source.cited)


def appendix(plan: Plan, library: Library | None = None) -> dict[str, object] | None:
    """The appendix's rows beside the ranges of the plan's industry; None without an industry (the
    appendix is then the plain table of ``report_analysis.assumptions``)."""
    industry = library_or_built_in(library).industry(plan.basics.industry)
    if industry is None:
        return None
    currency = plan.basics.currency
    by_path = {a.path: a for a in assumptions(plan, library)}
    rows = []
    for path, (label, value, source) in assumption_rows(plan):
        found = by_path.get(path)
        if found is None:
            rows.append(BenchmarkRow(label, value, source, NO_RANGE, "", "", ""))
            continue
        ranged = found.range
        typical = shown(found.figure, ranged.typical, currency)
        rows.append(
            BenchmarkRow(
                label,
                value,
                source,
                f"{range_text(found.figure, ranged, currency)}, typical {typical}",
                f"{found.side} the range" if found.outside else "",
                cited(ranged),
                web_address(clean(ranged.source.url)),
            )
        )
    name = clean(industry.name)
    return {
        "industry": name,
        "caption": f"Assumptions, their sources and the ranges typical of {name}",
        "rows": rows,
        "outside": sum(1 for row in rows if row.standing),
    }
