"""UI: the Qt desktop application (the only layer that imports QtWidgets).

Start it with :func:`narrative_app.ui.app.run_app`. Widgets reach the store only through
:class:`narrative_app.ui.controller.NarrativeController`.

PySide6 6.12.0 on Python 3.11 drops references to None and True on every call and aborts
the interpreter within minutes of typing; pyproject.toml therefore requires PySide6 < 6.12.
"""
