"""Scripts: the import graph of narrative_app, its cycles and its layer rules.

Usage:  python scripts/import_graph.py [--edges]

Reads every module under narrative_app/ with ``ast`` (nothing is imported or run), follows
``import`` and ``from ... import`` statements (also those inside functions, which the app uses
to keep start-up quick; not those under ``if TYPE_CHECKING:``, which never run), and prints:

- the import cycles between modules, if any;
- imports that break the one-way layering of docs/ARCHITECTURE.md (Qt widgets outside ui/,
  SQLAlchemy outside models/, a lower layer importing a higher one);
- with --edges, every module and what it imports.

Exit status 0 when there is no cycle and no layer break, 1 otherwise. The test suite runs
the same checks (tests/unit/test_structure.py).
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "narrative_app"

# Lower number = lower layer. A module may import its own layer or below, never above.
LAYERS: dict[str, int] = {
    "errors": 0, "paths": 0, "domain": 0, "limits": 0, "errorlog": 0, "method": 1, "text": 1,
    "bundle": 2, "spell": 2,
    "models": 3, "coach": 3, "rehearsal": 3, "export": 3,
    "ui": 5, "selftest": 6, "cli": 6, "cli_arguments": 6, "__main__": 7, "__init__": 0,
}
# Where third-party frameworks may be imported.
QT_WIDGETS_ALLOWED = ("narrative_app.ui",)
QT_ALLOWED = ("narrative_app.ui", "narrative_app.export.pdf", "narrative_app.selftest")
SQLALCHEMY_ALLOWED = ("narrative_app.models",)


@dataclass
class Module:
    name: str
    path: Path
    imports: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def read_modules() -> dict[str, Module]:
    modules: dict[str, Module] = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        modules[module_name(path)] = Module(module_name(path), path)
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        is_package = module.path.name == "__init__.py"
        type_only = {id(n) for block in ast.walk(tree) if _is_type_checking(block)
                     for stmt in block.body for n in ast.walk(stmt)}
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = module.name.split(".")
                    anchor = anchor if is_package else anchor[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                subs = [f"{base}.{alias.name}" for alias in node.names]
                # "from pkg import submodule" reads the submodule, not the package's face
                named_only = [t for t in subs if t not in modules]
                targets = ([base] if named_only else []) + subs
            for target in targets:
                if target.startswith(PACKAGE):
                    known = target  # the longest known module name the target starts with
                    while known and known not in modules:
                        known = known.rpartition(".")[0]
                    if known and known not in (module.name, PACKAGE):
                        module.imports.add(known)
                elif target:
                    module.external.add(target)
    return modules


def _is_type_checking(node: ast.AST) -> bool:
    """An ``if TYPE_CHECKING:`` block: its imports are for the type checker and never run."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(name: str) -> None:
        index[name] = low[name] = counter[0]
        counter[0] += 1
        stack.append(name)
        on_stack.add(name)
        for nxt in sorted(modules[name].imports):
            if nxt not in index:
                visit(nxt)
                low[name] = min(low[name], low[nxt])
            elif nxt in on_stack:
                low[name] = min(low[name], index[nxt])
        if low[name] == index[name]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == name:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for name in sorted(modules):
        if name not in index:
            visit(name)
    return found


def layer(name: str) -> int:
    parts = name.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS.get(top, 0)


def layer_breaks(modules: dict[str, Module]) -> list[str]:
    problems: list[str] = []
    for module in modules.values():
        for target in sorted(module.imports):
            if layer(target) > layer(module.name):
                problems.append(f"{module.name} imports {target} (a higher layer)")
        for ext in sorted(module.external):
            if ext.startswith("PySide6.QtWidgets") and not module.name.startswith(
                    QT_WIDGETS_ALLOWED):
                problems.append(f"{module.name} imports {ext} (Qt widgets outside ui/)")
            elif ext.startswith("PySide6") and not module.name.startswith(QT_ALLOWED):
                problems.append(f"{module.name} imports {ext} (Qt outside ui/)")
            if ext.startswith("sqlalchemy") and not module.name.startswith(SQLALCHEMY_ALLOWED):
                problems.append(f"{module.name} imports {ext} (SQLAlchemy outside models/)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", action="store_true", help="print every module's imports")
    args = parser.parse_args(argv)
    modules = read_modules()
    if args.edges:
        for module in modules.values():
            print(f"{module.name}: {', '.join(sorted(module.imports)) or '-'}")
    found = cycles(modules)
    breaks = layer_breaks(modules)
    print(f"{len(modules)} modules, "
          f"{sum(len(m.imports) for m in modules.values())} imports between them")
    for component in found:
        print("cycle:", " <-> ".join(component))
    for problem in breaks:
        print("layer:", problem)
    if not found and not breaks:
        print("no cycles, no layer breaks")
    return 1 if found or breaks else 0


if __name__ == "__main__":
    sys.exit(main())
