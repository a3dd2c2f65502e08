"""The benchmark library: for each industry, a cited low / typical / high range of the plan's assumptions.

The built-in library is ``planner/data/benchmarks.json`` (read with ``importlib.resources``); a
consultant's own file has the same format (docs/benchmarks.md) and changes the figures of the
built-in industries it names. A file that cannot be used is refused with its line and the
problem (:class:`BenchmarkFileError`); the caller then keeps the built-in library.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

FORMAT, VERSION = "leadplanner-benchmarks", 1
MAX_BYTES = 2_000_000  # a library is a few kilobytes; a bigger file is not one


class Figure(NamedTuple):
    """What a figure measures: its label, and how its values are shown (rate, months, count, money)."""

    label: str
    kind: str


# every figure the app reads, by the plan path it applies to (``labor.inside.*``: each inside
# team's field; ``channels.<type>.cost_per_lead``: each program of that type)
FIGURES: dict[str, Figure] = {
    "targets.win_rate": Figure("Win rate", "rate"),
    "targets.sales_cycle_months": Figure("Sales cycle", "months"),
    "targets.lead_to_mql": Figure("Raw lead to qualified lead", "rate"),
    "targets.mql_to_srl": Figure("Qualified lead to sales-ready lead", "rate"),
    "targets.srl_to_opportunity": Figure("Sales-ready lead to opportunity", "rate"),
    "labor.inside.srl_per_person_month": Figure("An SDR's sales-ready leads a month", "count"),
    "labor.inside.cost_per_person_month": Figure("An SDR's loaded monthly cost", "money"),
    "targets.new_hire_ramp_months": Figure("An SDR's ramp", "months"),
    "labor.inside.attrition_rate": Figure("SDR attrition a year", "rate"),
    "channels.content.cost_per_lead": Figure("Cost per raw lead, content and webinars", "money"),
    "channels.events.cost_per_lead": Figure("Cost per raw lead, events and trade shows", "money"),
    "channels.paid_ads.cost_per_lead": Figure("Cost per raw lead, paid ads", "money"),
    "channels.social.cost_per_lead": Figure("Cost per raw lead, social", "money"),
    "channels.purchased_lists.cost_per_lead": Figure("Cost per raw lead, purchased lists", "money"),
}


class Source(NamedTuple):
    publisher: str
    title: str
    year: int | None  # None: the page is undated
    url: str

    @property
    def when(self) -> str:
        """ "2024", or "undated"."""
        return str(self.year) if self.year else "undated"

    @property
    def short(self) -> str:
        """ "Bridge Group, 2024"."""
        return f"{self.publisher}, {self.when}"

    @property
    def cited(self) -> str:
        """ "FirstSales, Win Rate | Sales Glossary, 2024": a table's source column."""
        return f"{self.publisher}, {self.title}, {self.when}"

    @property
    def reference(self) -> str:
        """ "FirstSales, “Win Rate | Sales Glossary” (2024): https://…": a finding's or a tooltip's."""
        return f"{self.publisher}, “{self.title}” ({self.when}): {self.url}"


class Range(NamedTuple):
    low: float
    typical: float
    high: float
    source: Source
    note: str = ""


class Industry(NamedTuple):
    key: str
    name: str
    figures: dict[str, Range]
    absent: dict[str, str]  # a figure left out, and why


class Library(NamedTuple):
    currency: str  # the money figures' currency: compared only with a plan in the same one
    industries: dict[str, Industry]
    origin: str = "built-in"  # or the path of the consultant's own file

    def industry(self, key: str) -> Industry | None:
        return self.industries.get(key) if key else None

    def compares(self, figure: str, currency: str) -> bool:
        """Whether a plan in ``currency`` is measured against ``figure``: an amount only in the
        library's own currency (never converted)."""
        return FIGURES[figure].kind != "money" or currency.upper() == self.currency.upper()


class BenchmarkFileError(Exception):
    """A benchmark file that cannot be used: the message names the file, the line and the problem."""


def built_in() -> Library:
    """The library shipped with the app (read once)."""
    return _built_in()


@functools.cache
def _built_in() -> Library:
    text = resources.files("planner.data").joinpath("benchmarks.json").read_text(encoding="utf-8")
    return parse(text, "the built-in benchmark library")


def industry_names() -> dict[str, str]:
    """The built-in industries' keys and names: what a plan's ``basics.industry`` may hold."""
    return {key: industry.name for key, industry in built_in().industries.items()}


def load(path: str | Path) -> Library:
    """A consultant's own file, over the built-in library: its figures replace the built-in ones of
    the industries it names. Raises BenchmarkFileError (with the line) when it cannot be used."""
    name = Path(path).name
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise BenchmarkFileError(f"“{name}” could not be read: {error.strerror or error}.") from None
    if len(raw) > MAX_BYTES:
        raise BenchmarkFileError(f"“{name}” is too large to be a benchmark library (over 2 MB).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BenchmarkFileError(f"“{name}” is not a text file in UTF-8.") from None
    own = parse(text, f"“{name}”", known=built_in().industries)
    return merged(built_in(), own, str(path))


def merged(base: Library, own: Library, origin: str) -> Library:
    if own.currency != base.currency:
        base = base._replace(industries={key: _without_money(i) for key, i in base.industries.items()})
    industries = dict(base.industries)
    for key, industry in own.industries.items():
        kept = industries[key]
        figures = {**kept.figures, **industry.figures}
        absent = {path: why for path, why in {**kept.absent, **industry.absent}.items() if path not in figures}
        industries[key] = Industry(key, industry.name or kept.name, figures, absent)
    return Library(own.currency, industries, origin)


def _without_money(industry: Industry) -> Industry:
    """The built-in money figures cannot sit beside figures in another currency."""
    figures = {path: r for path, r in industry.figures.items() if FIGURES[path].kind != "money"}
    return industry._replace(figures=figures)


def parse(text: str, name: str, known: dict[str, Industry] | None = None) -> Library:
    """A library from its JSON text. ``known``: the industries a consultant's file may name (their
    figures change the built-in ones); None for the built-in file itself."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BenchmarkFileError(f"{name} is not valid JSON: {error.msg} (line {error.lineno}).") from None
    return _Reader(text, name, known).library(data)


class _Reader:
    def __init__(self, text: str, name: str, known: dict[str, Industry] | None) -> None:
        self.text, self.name, self.known = text, name, known

    def fail(self, problem: str, *keys: str) -> BenchmarkFileError:
        return BenchmarkFileError(f"{self.name}, line {self.line(*keys)}: {problem}")

    def line(self, *keys: str) -> int:
        """The line of the last of ``keys``, each looked for after the one before it."""
        at = 0
        for key in keys:
            found = self.text.find(json.dumps(key), at)
            if found < 0:
                break
            at = found
        return self.text.count("\n", 0, at) + 1

    def library(self, data: Any) -> Library:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self.fail(f'this is not a benchmark library (its "format" must be "{FORMAT}").', "format")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail('"version" must be a whole number, 1.', "version")
        if version > VERSION:
            raise self.fail(
                f"it is a version {version} library, newer than this app reads ({VERSION}); update Lead Planner.",
                "version",
            )
        currency = data.get("currency", "USD")
        if not isinstance(currency, str) or not currency.strip():
            raise self.fail('"currency" must be a currency code such as USD.', "currency")
        sources = data.get("sources", {})
        if not isinstance(sources, dict):
            raise self.fail('"sources" must be an object of named sources.', "sources")
        industries = data.get("industries")
        if not isinstance(industries, dict) or not industries:
            raise self.fail('"industries" must be an object with at least one industry.', "industries")
        return Library(currency, {key: self.industry(key, value, sources) for key, value in industries.items()})

    def industry(self, key: str, data: Any, sources: dict[str, Any]) -> Industry:
        if self.known is not None and key not in self.known:
            known = ", ".join(self.known)
            raise self.fail(
                f"“{key}” is not one of the app's industries ({known}); a file of your own changes their figures.",
                "industries",
                key,
            )
        if not isinstance(data, dict):
            raise self.fail(f'the industry “{key}” must be an object with "name" and "figures".', "industries", key)
        name = data.get("name", "")
        if not isinstance(name, str) or (self.known is None and not name.strip()):
            raise self.fail(f'the industry “{key}” needs a "name".', "industries", key)
        figures = data.get("figures", {})
        absent = data.get("absent", {})
        if not isinstance(figures, dict) or not isinstance(absent, dict):
            raise self.fail(f'"figures" and "absent" of “{key}” must be objects.', "industries", key)
        for path, why in absent.items():
            if path not in FIGURES or not isinstance(why, str) or not why.strip():
                raise self.fail(f'“{path}” in "absent" needs a known figure and a reason.', "industries", key, path)
        ranges = {path: self.range(key, path, value, sources) for path, value in figures.items()}
        return Industry(key, name, ranges, dict(absent))

    def range(self, key: str, path: str, data: Any, sources: dict[str, Any]) -> Range:
        where = ("industries", key, path)
        if path not in FIGURES:
            raise self.fail(f"“{path}” is not a figure the app reads ({', '.join(FIGURES)}).", *where)
        if not isinstance(data, dict):
            raise self.fail(f"“{path}” must be an object with low, typical, high and source.", *where)
        values = [data.get(name) for name in ("low", "typical", "high")]
        if not all(_number(v) for v in values):
            raise self.fail(f"“{path}” needs numbers 0 or more for low, typical and high.", *where)
        low, typical, high = (float(v) for v in values)
        if not low <= typical <= high:
            raise self.fail(
                f"“{path}”: low, typical and high must be in that order ({low:g}, {typical:g}, {high:g}).", *where
            )
        if FIGURES[path].kind == "rate" and high > 1:
            raise self.fail(f"“{path}” is a rate: write it as a fraction (25% is 0.25).", *where)
        note = data.get("note", "")
        return Range(low, typical, high, self.source(path, data.get("source"), sources, where), str(note))

    def source(self, path: str, data: Any, sources: dict[str, Any], where: tuple[str, ...]) -> Source:
        if isinstance(data, str):
            if data not in sources:
                raise self.fail(f'the source “{data}” of “{path}” is not in "sources".', *where)
            where, data = ("sources", data), sources[data]
        if not isinstance(data, dict):
            raise self.fail(f"“{path}” needs a source: publisher, title, year and url.", *where)
        texts = {name: data.get(name) for name in ("publisher", "title", "url")}
        missing = [name for name, value in texts.items() if not isinstance(value, str) or not value.strip()]
        if missing:
            raise self.fail(f"the source of “{path}” needs {' and '.join(missing)}.", *where)
        year = data.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise self.fail(f"the source of “{path}” needs a year as a whole number (or null if undated).", *where)
        return Source(texts["publisher"], texts["title"], year, texts["url"])


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
