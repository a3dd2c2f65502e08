"""The design card's arrows, read from every module's source: planner is pure, exports has no Qt,
cli and ui are the composition roots, and no two modules import each other, even in a circle.

Every ``import`` counts, including those inside functions and under ``TYPE_CHECKING`` (a lazy
import is still a dependency) and relative ones, so the check walks each module's whole syntax
tree rather than importing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("planner", "exports", "cli", "ui")

FORBIDDEN = {
    "planner": ("ui", "exports", "cli", "PySide6"),
    "exports": ("ui", "cli", "PySide6"),
    "cli": ("ui", "PySide6"),
    "ui": ("cli",),
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path | None = None) -> set[str]:
    """Every module ``path`` imports, by its absolute name (``from . import x`` resolved against
    the module's package when ``root`` says where the packages are)."""
    package = module_name(path, root).split(".") if root is not None else []
    if root is not None and path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                base = ".".join([*up, *([base] if base else [])])
            if not base:
                continue
            names.add(base)
            # ``from planner.plan import model`` imports the module ``planner.plan.model``
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def top_level(name: str) -> str:
    return name.split(".")[0]


def project_modules() -> dict[str, Path]:
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_never_imports_what_its_layer_must_not_know(package: str) -> None:
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found in {package}/"
    offences = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in sorted(imported_modules(path, ROOT))
        if top_level(name) in FORBIDDEN[package]
    ]
    assert offences == []


def import_graph() -> dict[str, set[str]]:
    """Module -> the project's modules it imports. ``from planner.plan import model`` is an arrow
    to ``planner.plan.model``, not to the package ``planner.plan`` that holds it."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported = {other for other in imported_modules(path, ROOT) if other in modules and other != name}
        holders = {other.rpartition(".")[0] for other in imported}
        graph[name] = imported - holders
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other_even_round_a_circle() -> None:
    assert cycles(import_graph()) == []


def test_the_layer_check_sees_imports_hidden_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "sneaky.py"
    module.write_text("def later():\n    from ui.document import Document\n    import PySide6.QtCore\n")
    assert {"ui.document", "PySide6.QtCore"} <= imported_modules(module)


def test_the_layer_check_reads_relative_imports_as_the_modules_they_name(tmp_path: Path) -> None:
    (tmp_path / "planner" / "numbers").mkdir(parents=True)
    module = tmp_path / "planner" / "numbers" / "sneaky.py"
    module.write_text("from ..plan import model\nfrom . import engine\nfrom ...ui.document import Document\n")
    names = imported_modules(module, tmp_path)
    assert {"planner.plan.model", "planner.numbers.engine"} <= names
    assert "ui.document" in names


def test_the_cycle_check_finds_a_circle_of_three() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
