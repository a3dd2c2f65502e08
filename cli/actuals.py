"""``leadplanner-cli actuals import PLAN FILE.csv``: a CRM's or a spreadsheet's actuals into a plan.

Exit 0 when the plan was written; 1 when the plan or the file cannot be used (nothing is
written); 2 for bad usage, including a file whose day/month order must be said
(``--day-first`` or ``--month-first``) and a plan that already has actuals without
``--replace`` or ``--merge``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the import's modules load when the command runs, not at every start of the CLI
    from planner.actuals_import import Mapping
    from planner.csv_read import CsvTable

MAX_CSV_BYTES = 200 * 1024 * 1024


def register(commands: Any) -> None:
    """Add ``actuals import`` to the command line's subcommands."""
    actuals = commands.add_parser("actuals", help="plan vs actuals: import what really happened each month")
    verbs = actuals.add_subparsers(dest="verb", required=True, metavar="VERB")
    parser = verbs.add_parser(
        "import",
        help="import monthly actuals from a CSV file (monthly totals, or a HubSpot or Salesforce export)",
        description="Import actuals from a CSV file into the plan: a month column with figure columns "
        "(SQLs, Opportunities, Wins, Revenue, Cost...), or one row per lead or deal mapped to monthly totals.",
    )
    parser.add_argument("plan", metavar="PLAN")
    parser.add_argument("csv", metavar="FILE.csv")
    parser.add_argument("-o", "--out", metavar="OUT", help="write the plan here (default: PLAN itself, with a .bak)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", dest="mode", action="store_const", const="replace", help="drop existing actuals")
    mode.add_argument(
        "--merge", dest="mode", action="store_const", const="merge", help="keep existing actuals the file does not give"
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True, help="dates are 15/03/2027")
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False, help="dates are 3/15/2027")
    records = parser.add_argument_group("record exports (one row per lead or deal)")
    records.add_argument("--mapping", metavar="MAPPING.json", help="the column mapping, as JSON (see the README)")
    records.add_argument("--date-column", metavar="COL", help="the date that puts a row in a month")
    records.add_argument("--stage-column", metavar="COL", help="the column whose value says what a row counts as")
    records.add_argument("--amount-column", metavar="COL", help="the amount of a win (its revenue)")
    for flag, what in (("--srl", "sales-ready leads"), ("--opportunity", "opportunities"), ("--won", "wins")):
        records.add_argument(
            flag, metavar="VALUES", help=f"stage values that count as {what}, comma-separated; * = every row"
        )
    parser.set_defaults(run=cmd_actuals_import)


def cmd_actuals_import(args: argparse.Namespace) -> int:
    from cli.main import CliError, _load_valid
    from planner.actuals_import import ActualsImportError, AmbiguousDates, import_actuals, merge_actuals, read_csv
    from planner.plan_file import PlanFileError, write_plan

    loaded = _load_valid(args.plan)
    plan = loaded.plan
    name = Path(args.csv).name
    try:
        table = read_csv(_read_bytes(args.csv), name)
        mapping = _mapping(args, table)
        result = import_actuals(
            table, plan.basics.start_month, plan.horizon, mapping=mapping, day_first=args.day_first, name=name
        )
    except ActualsImportError as error:
        raise CliError(str(error)) from None
    except _UsageError as error:
        raise CliError(str(error), 2) from None
    if isinstance(result, AmbiguousDates):
        raise CliError(f"{result.question} Say --day-first or --month-first.", 2)
    existing = plan.actuals
    if existing and args.mode is None:
        raise CliError(
            f"“{Path(args.plan).name}” already has actuals for {len(existing)} month{'s' if len(existing) != 1 else ''}: "
            "say --replace (drop them) or --merge (the file's figures override, the others are kept).",
            2,
        )
    actuals = merge_actuals(existing, result.months, args.mode or "replace")
    out = args.out or args.plan
    try:
        write_plan(dataclasses.replace(plan, actuals=actuals), out)
    except PlanFileError as error:
        raise CliError(str(error)) from None
    how = {"merge": " (merged with the existing actuals)", "replace": " (replacing the existing actuals)"}
    print(f"Imported {name} into {Path(out).name}{how.get(args.mode, '') if existing else ''}.")
    for line in result.summary_lines():
        print(line)
    print(f"wrote {out}")
    return 0


class _UsageError(Exception):
    pass


def _read_bytes(path: str) -> bytes:
    from planner.actuals_import import ActualsImportError

    file = Path(path)
    try:
        if file.stat().st_size > MAX_CSV_BYTES:
            raise ActualsImportError(
                f"“{file.name}” is larger than {MAX_CSV_BYTES // 1024 // 1024} MB; split the export."
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise ActualsImportError(f"There is no file “{path}”.") from None
    except IsADirectoryError:
        raise ActualsImportError(f"“{path}” is a folder, not a CSV file.") from None
    except OSError as error:
        raise ActualsImportError(f"“{file.name}” could not be read: {error.strerror or error}.") from None


def _mapping(args: argparse.Namespace, table: CsvTable) -> Mapping | None:
    """The mapping the options give, on top of --mapping or the guess; None when none is given."""
    from planner.actuals_import import Mapping, Rule, guess_mapping

    flags = (args.date_column, args.stage_column, args.amount_column, args.srl, args.opportunity, args.won)
    if args.mapping is None and all(flag is None for flag in flags):
        return None
    base = _mapping_file(args.mapping) if args.mapping else guess_mapping(table.header) or Mapping()
    rules = dict(base.rules)
    given = {"sales_ready_leads": args.srl, "opportunities": args.opportunity, "wins": args.won}
    if any(values is not None for values in given.values()):
        if not args.date_column:
            raise _UsageError("Say which date puts a row in a month: --date-column COL.")
        rules = {
            figure: Rule(args.date_column, _values(values)) for figure, values in given.items() if values is not None
        }
    elif args.date_column:
        rules = {figure: Rule(args.date_column, rule.values) for figure, rule in rules.items()}
    stage = base.stage_column if args.stage_column is None else args.stage_column
    amount = base.amount_column if args.amount_column is None else args.amount_column
    return Mapping(stage, amount, rules)


def _values(text: str) -> tuple[str, ...]:
    values = tuple(v.strip() for v in text.split(",") if v.strip())
    return () if values in ((), ("*",)) else values


def _mapping_file(path: str) -> Mapping:
    from planner.actuals_import import Mapping

    try:
        return Mapping.from_data(json.loads(Path(path).read_text(encoding="utf-8-sig")))
    except OSError as error:
        raise _UsageError(f"The mapping “{path}” could not be read: {error.strerror or error}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _UsageError(f"The mapping “{path}” is not JSON: {error}.") from None
    except ValueError as error:
        raise _UsageError(f"The mapping “{path}”: {error}") from None
