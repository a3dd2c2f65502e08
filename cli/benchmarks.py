"""The benchmark library on the command line: ``--benchmarks FILE`` (a consultant's own figures)
and ``leadplanner-cli benchmarks [--json]``, which prints the library in use (issue 31)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli.plans import dump_json
from planner.benchmarks.library import FIGURES, BenchmarkFileError, Library, built_in, load
from planner.benchmarks.standing import range_text, shown


def add_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--benchmarks FILE`` before or after the command (``default``: only the top level sets one)."""
    parser.add_argument(
        "--benchmarks",
        metavar="FILE",
        default=None if top else argparse.SUPPRESS,
        help="a benchmark library of your own (docs/benchmarks.md); the built-in one without it",
    )


def register(commands: Any) -> None:
    parser = commands.add_parser("benchmarks", help="the benchmark library: each industry's cited ranges")
    parser.add_argument("--json", action="store_true", help="print JSON: industries, figures, sources")
    parser.set_defaults(run=cmd_benchmarks)


def library_of(args: argparse.Namespace) -> Library:
    """The library the command uses: the file given with --benchmarks over the built-in one. A file
    that cannot be used is refused with its line and problem (on stderr), and the built-in one is used."""
    path = getattr(args, "benchmarks", None)
    if not path:
        return built_in()
    try:
        return load(path)
    except BenchmarkFileError as error:
        print(f"{error} The built-in benchmark library is used.", file=sys.stderr)
        return built_in()


def library_data(library: Library) -> dict[str, Any]:
    return {
        "industries": {
            key: {
                "name": industry.name,
                "figures": {
                    path: {
                        "low": r.low,
                        "typical": r.typical,
                        "high": r.high,
                        "source": {
                            "publisher": r.source.publisher,
                            "title": r.source.title,
                            "year": r.source.year,
                            "url": r.source.url,
                        },
                    }
                    for path, r in industry.figures.items()
                },
            }
            for key, industry in library.industries.items()
        }
    }


def library_text(library: Library) -> str:
    lines = [f"Benchmark library: {library.origin} (money in {library.currency})"]
    for key, industry in library.industries.items():
        lines += ["", f"{industry.name} ({key})"]
        for path in FIGURES:
            ranged = industry.figures.get(path)
            if ranged is None:
                lines.append(f"  {path}: not given ({industry.absent.get(path, 'no sourced figure')})")
                continue
            typical = shown(path, ranged.typical, library.currency)
            lines.append(
                f"  {path}: {range_text(path, ranged, library.currency)}, typical {typical}"
                f" ({ranged.source.short}, {ranged.source.url})"
            )
    return "\n".join(lines)


def cmd_benchmarks(args: argparse.Namespace) -> int:
    library = library_of(args)
    print(dump_json(library_data(library)) if args.json else library_text(library))
    return 0
