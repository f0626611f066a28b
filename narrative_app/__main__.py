"""Entry point for ``python -m narrative_app``."""

from narrative_app.cli import main

raise SystemExit(main())
