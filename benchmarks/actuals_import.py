"""Importing actuals from a 100,000-row CRM export (deals with US dates, amounts with separators)
vs Python's csv module merely reading the same file. Budget: under 2 s for the import."""

from __future__ import annotations

import csv
import io
import random

from benchmarks.common import median_seconds, report
from planner.actuals_import.importer import ImportResult, import_actuals

ROWS = 100_000
STAGES = ("closedwon", "closedlost", "appointmentscheduled", "qualifiedtobuy", "contractsent")


def deals_export(rows: int = ROWS, seed: int = 7) -> bytes:
    """A HubSpot-style deals export: create and close dates over 2026-2027, half of them won."""
    pick = random.Random(seed)
    lines = ["Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Pipeline,Deal owner"]
    for n in range(rows):
        created_month, created_day = pick.randint(1, 12), pick.randint(1, 28)
        closed_month, closed_day = pick.randint(1, 12), pick.randint(1, 28)
        amount = f'"${pick.randint(1_000, 250_000):,}.{pick.randint(0, 99):02d}"'
        lines.append(
            f"{n},Deal {n},{pick.choice(STAGES)},{amount},{created_month}/{created_day}/2026 {n % 24}:15,"
            f"{closed_month}/{closed_day}/2027,Sales Pipeline,Owner {n % 40}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def main() -> None:
    raw = deals_export()
    # one unambiguous date settles the file's order (13/... can only be month first)
    raw = raw.replace(b"\r\n", b"\r\n0,Deal 0,closedwon,100,1/13/2026 1:00,1/13/2027,Sales Pipeline,Owner\r\n", 1)

    def read_only() -> object:
        return list(csv.reader(io.StringIO(raw.decode("utf-8"))))

    def import_all() -> object:
        result = import_actuals(raw, "2027-01", 12, name="deals.csv")
        assert isinstance(result, ImportResult) and result.report.rows_read == ROWS + 1
        return result

    baseline = median_seconds(read_only, repeat=5)
    seconds = median_seconds(import_all, repeat=5)
    report(
        f"actuals import: {ROWS:,}-row deals export",
        seconds,
        "csv module reading the file",
        baseline,
        budget="2 s",
    )
    if seconds >= 2:
        print(f"  OVER BUDGET: {seconds:.2f} s")


if __name__ == "__main__":
    main()
