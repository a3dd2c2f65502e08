"""Renaming or removing a resource or a channel carries its scenario overrides along, as one undo step.

``edit_cell`` and ``remove_rows`` are what the row tables call; when no override points at
the row they are a plain ``document.set_value``. ``confirm_removal`` asks before a row that
overrides point at is removed (the overrides go with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.plan import override_refs
from planner.plan.paths import get_value
from ui.commands import SetValuesCommand

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.plan.checks import Problem
    from ui.document import PlanDocument


def edit_cell(document: PlanDocument, list_path: str, row: int, field: str, value: Any, text: str) -> list[Problem]:
    """Set ``<list_path>[row].<field>``; a rename also renames the overrides that point at the row.
    The problems of a value the file would refuse (nothing changed), else none."""
    path = f"{list_path}[{row}].{field}"
    if override_refs.KEY_FIELD.get(list_path) != field:
        return document.set_value(path, value, text, merge=False)
    plan = document.plan
    rows = get_value(plan, list_path)
    old = getattr(rows[row], field)
    others = tuple(r for i, r in enumerate(rows) if i != row)
    scenarios = override_refs.renamed(plan, list_path, old, value, others)
    if scenarios is plan.scenarios:
        return document.set_value(path, value, text, merge=False)
    if old != value:  # a rename: a name is free text, and the overrides follow it
        document.undo_stack.push(SetValuesCommand(document, [(path, value), ("scenarios", scenarios)], text))
    return []


def remove_rows(document: PlanDocument, list_path: str, rows_after: tuple[Any, ...], text: str) -> None:
    """Set the list to ``rows_after``; overrides of rows no longer there are removed with them."""
    plan = document.plan
    section = list_path
    if section not in override_refs.KEY_FIELD:
        document.set_value(list_path, rows_after, text, merge=False)
        return
    key = override_refs.KEY_FIELD[section]
    removed = {getattr(r, key) for r in get_value(plan, list_path)}
    scenarios = override_refs.without(plan, section, removed, rows_after)
    if scenarios is plan.scenarios:
        document.set_value(list_path, rows_after, text, merge=False)
    else:
        document.undo_stack.push(SetValuesCommand(document, [(list_path, rows_after), ("scenarios", scenarios)], text))


def overrides_of_row(document: PlanDocument, list_path: str, row: int) -> list[tuple[str, str]]:
    """(scenario, override) pairs that removing the row would remove."""
    if list_path not in override_refs.KEY_FIELD:
        return []
    rows = get_value(document.plan, list_path)
    key = getattr(rows[row], override_refs.KEY_FIELD[list_path])
    if any(getattr(r, override_refs.KEY_FIELD[list_path]) == key for i, r in enumerate(rows) if i != row):
        return []
    return override_refs.pointing_at(document.plan, list_path, {key})


def confirm_removal(parent: QWidget, described: str, references: list[tuple[str, str]]) -> bool:
    """Ask before removing a row that scenarios change; True to remove it and those changes."""
    from PySide6.QtWidgets import QMessageBox

    from ui.files import plain

    scenarios = sorted({name or "(unnamed)" for name, _ in references})
    listed = ", ".join(f"“{name[:40]}”" for name in scenarios[:5]) + (" and others" if len(scenarios) > 5 else "")
    answer = QMessageBox.question(
        parent,
        "Remove it from the scenarios too?",
        plain(
            f"The scenario{'s' if len(scenarios) > 1 else ''} {listed} change{'' if len(scenarios) > 1 else 's'} "
            f"{described} ({len(references)} change{'s' if len(references) > 1 else ''}). "
            "Removing it removes those changes as well (Undo brings both back)."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
