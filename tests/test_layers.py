"""The design card's arrows, read from every module's source: planner is pure, exports has no Qt.

Every ``import`` counts, including those inside functions (a lazy import is still a
dependency), so the check walks each module's whole syntax tree rather than importing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "planner": ("ui", "exports", "cli", "PySide6"),
    "exports": ("ui", "cli", "PySide6"),
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def top_level(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_never_imports_what_its_layer_must_not_know(package: str) -> None:
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found in {package}/"
    offences = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in sorted(imported_modules(path))
        if top_level(name) in FORBIDDEN[package]
    ]
    assert offences == []


def test_the_layer_check_sees_imports_hidden_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("def later():\n    from ui.document import Document\n    import PySide6.QtCore\n")
    assert {"ui.document", "PySide6.QtCore"} <= imported_modules(module)
