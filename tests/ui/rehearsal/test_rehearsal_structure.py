"""The rehearsal room's shape: no import cycle among its files, no back-pointers or setattr
actions, a Qt-free engine and display state, and small modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3] / "narrative_app"
UI = ROOT / "ui" / "rehearsal"
CORE = ROOT / "rehearsal"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_import_cycle_among_the_rehearsal_ui_files() -> None:
    graph = {
        path.stem: {name.rsplit(".", 1)[1] for name in _imports(path)
                    if name.startswith("narrative_app.ui.rehearsal.")}
        for path in UI.glob("*.py")
    }
    done: set[str] = set()

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, " -> ".join((*trail, node))
        if node in done:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, (*trail, node))
        done.add(node)

    for module in graph:
        visit(module, ())
    assert "window" not in set().union(*(graph[m] for m in graph if m != "window"))


def test_no_setattr_actions_and_a_qt_free_core() -> None:
    for path in UI.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "setattr(" not in text, path.name
        assert "TYPE_CHECKING" not in text, path.name  # no back-pointer types to the window
    for path in CORE.glob("*.py"):
        assert not any(name.startswith("PySide6") for name in _imports(path)), path.name


def test_every_rehearsal_module_is_under_400_lines() -> None:
    for path in (*UI.glob("*.py"), *CORE.glob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines < 400, f"{path.name}: {lines} lines"
