"""UI: the workspace: navigator, Purpose, Values, Link, the coach and time column."""
