"""Translations: extract the UI's strings into .ts catalogues and compile them to .qm.

    .venv/bin/python scripts/translations.py              update every catalogue, then compile
    .venv/bin/python scripts/translations.py --add cy     start a catalogue (here Welsh)
    .venv/bin/python scripts/translations.py --compile    only compile the .ts files to .qm

Catalogues live in narrative_app/resources/translations/: ``narrative_app_<lang>.ts`` for
translators (open them in Qt Linguist: ``.venv/bin/pyside6-linguist``) and the compiled
``narrative_app_<lang>.qm`` the app loads. ``narrative_app_en_GB.ts`` is the template: English
(UK) is the source language, so it is never compiled.

Extraction uses ``pyside6-lupdate`` (shipped with PySide6-Essentials) over narrative_app/ui/.
lupdate finds ``self.tr("...")`` and ``QCoreApplication.translate("Context", "...")``, but not
strings passed through a module's helper such as ``_tr("...")`` that calls
``QCoreApplication.translate("Context", text)``, nor ``tr = window.tr; tr("...")``. This
script finds those with ``ast`` and hands them to lupdate as literal ``translate`` calls in a
generated file (build/translations/ui_helper_strings.py), with their real context.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "narrative_app" / "ui"
CATALOGUES = ROOT / "narrative_app" / "resources" / "translations"
GENERATED = ROOT / "build" / "translations" / "ui_helper_strings.py"
PREFIX = "narrative_app_"
SOURCE_LANGUAGE = "en_GB"
TEMPLATE = CATALOGUES / f"{PREFIX}{SOURCE_LANGUAGE}.ts"
GENERIC_CLASSES = {"QWidget", "QObject", "QDialog", "QMainWindow", "QFrame"}
EMPTY_CONTEXT = re.compile(r"<context>\s*<name></name>.*?</context>\n?", re.DOTALL)


@dataclass(frozen=True)
class Found:
    context: str
    text: str
    where: str


def find_tool(name: str) -> Path | None:
    """``pyside6-<name>`` beside this Python, on PATH, or the binary inside PySide6."""
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / f"pyside6-{name}", exe_dir / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return candidate
    on_path = shutil.which(f"pyside6-{name}")
    if on_path:
        return Path(on_path)
    try:
        import PySide6
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    return None


# ------------------------------------------------------------------ helper-string extraction
def _translate_helper(func: ast.FunctionDef) -> str | None:
    """The context if ``func`` is ``return QCoreApplication.translate("Ctx", <its parameter>)``."""
    body = [
        s for s in func.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
    ]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    params = {a.arg for a in func.args.args}
    if (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "translate"
        and len(call.args) >= 2
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
        and isinstance(call.args[1], ast.Name)
        and call.args[1].id in params
    ):
        return call.args[0].value
    return None


def _annotation_name(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.strip("'\"")
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def scan_module(path: Path) -> tuple[list[Found], list[str]]:
    """Strings passed through translate helpers or ``tr`` aliases, and warnings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel = path.relative_to(ROOT).as_posix()
    helpers = {
        node.name: ctx
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and (ctx := _translate_helper(node))
    }
    found: list[Found] = []
    warnings: list[str] = []

    def collect(scope: ast.AST, names: dict[str, str | None]) -> None:
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called_name(node)
            if name not in names:
                continue
            where = f"{rel}:{node.lineno}"
            context, first = names[name], node.args[0]
            if context is None:
                warnings.append(f"{where}: '{name}(...)' has no known context (annotate the "
                                "parameter with its class, or call QCoreApplication.translate)")
            elif isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(Found(context, first.value, where))
            elif isinstance(first, ast.JoinedStr):
                warnings.append(f"{where}: an f-string cannot be translated; use .format()")

    collect(tree, dict(helpers))
    # tr = window.tr inside a function: the context is the class named in the annotation.
    for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        annotations = {a.arg: _annotation_name(a.annotation) for a in func.args.args}
        aliases: dict[str, str | None] = {}
        for node in ast.walk(func):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "tr"
                and isinstance(node.value.value, ast.Name)
            ):
                owner = annotations.get(node.value.value.id)
                aliases[node.targets[0].id] = None if owner in GENERIC_CLASSES else owner
        if aliases:
            collect(func, aliases)
    return found, warnings


def _self_tr_strings(cls: ast.ClassDef, rel: str) -> list[tuple[str, str]]:
    """(text, where) for every ``self.tr("literal")`` inside a class."""
    items = []
    for node in ast.walk(cls):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "self"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            items.append((node.args[0].value, f"{rel}:{node.lineno}"))
    return items


def scan_mixins(paths: list[Path]) -> tuple[list[Found], set[str], list[str]]:
    """Strings of mixin classes, under the context of the class that uses them.

    lupdate files ``self.tr()`` in ``class LibraryActionsMixin:`` under that name, but at run
    time PySide6 looks it up under the name of ``self``'s class (``LibraryPage``). Returns the
    strings with their run-time context, the mixin contexts to drop, and warnings.
    """
    classes: dict[str, tuple[ast.ClassDef, str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (node, path.relative_to(ROOT).as_posix())
    users: dict[str, list[str]] = {}
    for name, (node, _rel) in classes.items():
        for base in node.bases:
            base_name = _annotation_name(base)
            if base_name in classes and not classes[base_name][0].bases:
                users.setdefault(base_name, []).append(name)
    found: list[Found] = []
    warnings: list[str] = []
    for mixin, user_names in sorted(users.items()):
        node, rel = classes[mixin]
        if len(user_names) > 1:
            warnings.append(f"{rel}: {mixin} is used by {', '.join(user_names)}; its strings "
                            f"are filed under {user_names[0]} only")
        found += [Found(user_names[0], text, where) for text, where in _self_tr_strings(node, rel)]
    return found, set(users), warnings


def write_helper_strings(found: list[Found]) -> Path:
    lines = [
        "# Generated by scripts/translations.py for pyside6-lupdate; do not edit or import.",
        "# UI strings passed through translate helpers, with their real context and source.",
        "from PySide6.QtCore import QCoreApplication",
        "",
    ]
    seen: set[tuple[str, str]] = set()
    for item in found:
        if (item.context, item.text) in seen:
            continue
        seen.add((item.context, item.text))
        lines.append(f"QCoreApplication.translate({item.context!r}, {item.text!r})  # {item.where}")
    GENERATED.parent.mkdir(parents=True, exist_ok=True)
    GENERATED.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return GENERATED


# ------------------------------------------------------------------------------ lupdate etc.
def catalogue(language: str) -> Path:
    return CATALOGUES / f"{PREFIX}{language}.ts"


def language_of(ts_file: Path) -> str:
    return ts_file.stem[len(PREFIX):]


def update(ts_files: list[Path], lupdate: Path) -> None:
    paths = sorted(UI_DIR.rglob("*.py"))
    found, drop, warnings = scan_mixins(paths)
    for path in paths:
        module_found, module_warnings = scan_module(path)
        found += module_found
        warnings += module_warnings
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    generated = write_helper_strings(found)
    sources = [str(p) for p in sorted(UI_DIR.rglob("*.py"))] + [str(generated)]
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    for ts_file in ts_files:
        command = [
            str(lupdate), *sources, "-locations", "relative", "-no-obsolete",
            "-source-language", SOURCE_LANGUAGE, "-target-language", language_of(ts_file),
            "-ts", str(ts_file),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        # Module-level tr(...) helpers land in an empty context, and mixins' self.tr() under
        # the mixin's name; the generated file carries both under the context used at run time.
        ts_file.write_text(drop_contexts(ts_file.read_text(encoding="utf-8"), drop),
                           encoding="utf-8")
        print(f"updated {ts_file.relative_to(ROOT)} ({count_messages(ts_file)} strings)")


def drop_contexts(text: str, names: set[str]) -> str:
    text = EMPTY_CONTEXT.sub("", text)
    for name in names:
        pattern = rf"<context>\s*<name>{re.escape(name)}</name>.*?</context>\n?"
        text = re.sub(pattern, "", text, flags=re.DOTALL)
    return text


def count_messages(ts_file: Path) -> int:
    return ts_file.read_text(encoding="utf-8").count("<message>")


def compile_all(lrelease: Path) -> list[Path]:
    built = []
    for ts_file in sorted(CATALOGUES.glob(f"{PREFIX}*.ts")):
        if ts_file == TEMPLATE:
            continue
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run([str(lrelease), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)
        print(f"compiled {qm_file.relative_to(ROOT)}")
        built.append(qm_file)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add", metavar="LANG", help="start a catalogue, e.g. cy or pt_BR")
    parser.add_argument("--compile", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args(argv)
    lupdate, lrelease = find_tool("lupdate"), find_tool("lrelease")
    missing = [n for n, tool in (("lupdate", lupdate), ("lrelease", lrelease)) if tool is None]
    if missing:
        print(f"translations: pyside6-{' and pyside6-'.join(missing)} not found. Install "
              "PySide6-Essentials into .venv (they ship with it).", file=sys.stderr)
        return 1
    if args.add and not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", args.add):
        print(f"translations: '{args.add}' is not a language code such as cy or pt_BR.",
              file=sys.stderr)
        return 2
    if not args.compile:
        ts_files = {TEMPLATE, *CATALOGUES.glob(f"{PREFIX}*.ts")}
        if args.add:
            ts_files.add(catalogue(args.add))
        update(sorted(ts_files), lupdate)
    compile_all(lrelease)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
