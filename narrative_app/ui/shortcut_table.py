"""UI: the shortcuts table (resources/help/shortcuts.toml), read once, for the menus and the
guide alike. Kept apart from the help dialog so the menus, built before the first paint, do
not import the dialog."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from narrative_app.paths import read_resource_text


@cache
def shortcuts_table() -> dict[str, Any]:
    """The parsed table (read and parsed once per run)."""
    return tomllib.loads(read_resource_text("help", "shortcuts.toml"))


def action_keys(action_id: str) -> list[str]:
    """The keys of the menu action ``action_id`` from the shortcuts table, the shown one
    first, then any that also work (``also``); [] when the table has no row for it."""
    for group in shortcuts_table().get("group", []):
        for row in group["shortcuts"]:
            if row.get("id") == action_id:
                return [*row["keys"].split(" or "), *row.get("also", [])]
    return []
