"""Packaging: the frozen app's entry point (PyInstaller runs this as __main__).

Kept outside the package so the bundle starts exactly like ``narrative-app``: every option
(``--version``, ``--self-test``, ``--data-dir``, the headless commands) goes through the CLI.
"""

from __future__ import annotations

from narrative_app.cli import main

raise SystemExit(main())
