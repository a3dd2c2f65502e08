"""Data validation on input cells: rates 0-100%, whole months, amounts that are not negative."""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet


def rule(kind: str) -> DataValidation:
    """A validation rule; ``kind`` is rate, share, months, ramp, start_month, amount or date."""
    if kind in ("rate", "share", "fraction"):
        low = "0.000001" if kind == "rate" else "0"
        check = DataValidation(type="decimal", operator="between", formula1=low, formula2="1")
        message = "Type a percentage from 0% to 100% (for example 25%)."
    elif kind == "attrition":
        check = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.999999")
        message = "Type the share of people leaving a year: from 0% to under 100%."
    elif kind == "months":
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        message = "Type a whole number of months, 0 or more."
    elif kind == "ramp":
        check = DataValidation(type="whole", operator="between", formula1="0", formula2="24")
        message = "Type a whole number of months from 0 to 24."
    elif kind == "start_month":
        check = DataValidation(type="whole", operator="between", formula1="1", formula2="60")
        message = "Type the plan month it starts in: a whole number from 1 to 60."
    elif kind == "date":
        check = DataValidation(type="date", operator="greaterThan", formula1="1")
        message = "Type a date: the first day of the plan's first month."
    else:
        check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        message = "Type a number that is not negative."
    check.error = message
    check.errorTitle = "Not a valid value"
    check.prompt = message
    check.showErrorMessage = True
    check.showInputMessage = False
    check.allow_blank = True
    return check


class Validations:
    """The rules of one sheet, added to it once: ``validations.add("rate", "B5:B9")``."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.rules: dict[str, DataValidation] = {}

    def add(self, kind: str, cells: str) -> None:
        found = self.rules.get(kind)
        if found is None:
            found = self.rules[kind] = rule(kind)
            self.sheet.add_data_validation(found)
        found.add(cells)
