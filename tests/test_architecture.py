"""The package layout keeps its promise: data flows down the stages, and no module cycles.

Each stage may import the stages below it, never one above: ingest → extraction → gap →
report, with the Analyzer, the batch runner, the server and the CLI on top. Lazy imports
inside functions count (they are real dependencies); imports under ``if TYPE_CHECKING:`` do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "src" / "skillgap"
# Lowest first. A module belongs to the longest prefix listed.
LAYERS: list[set[str]] = [
    {"skillgap.errors", "skillgap.models", "skillgap.options", "skillgap.patterns"},
    {"skillgap.data_files"},
    {"skillgap.files", "skillgap.taxonomy"},
    {"skillgap.ingest"},
    {"skillgap.extraction"},
    {"skillgap.gap"},
    {"skillgap.report"},
    {"skillgap.analyzer", "skillgap.spacy_component"},
    {"skillgap.batch"},
    {"skillgap.serve"},
    {"skillgap.cli", "skillgap.__main__", "skillgap"},
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    best, found = -1, None
    for number, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            covers = module == prefix or module.startswith(prefix + ".")
            if covers and len(prefix) > best:
                best, found = len(prefix), number
    assert found is not None, f"{module} is in no layer; add it to LAYERS"
    return found


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _imports(module: str) -> set[str]:
    """The skillgap modules this module imports at run time."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    skipped = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: _imports(module) for module in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_architecture_no_module_imports_a_higher_stage(module: str) -> None:
    upward = sorted(target for target in GRAPH[module] if _layer(target) > _layer(module))
    assert not upward, f"{module} (layer {_layer(module)}) imports higher stages: {upward}"


def test_architecture_has_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target, [*path, target])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state:
            cycle = visit(module, [module])
            assert cycle is None, " -> ".join(cycle)


@pytest.mark.parametrize(
    "package", sorted(name for name, path in MODULES.items() if path.name == "__init__.py")
)
def test_architecture_each_package_says_what_it_holds(package: str) -> None:
    docstring = ast.get_docstring(ast.parse(MODULES[package].read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 8, f"{package} needs a docstring"
