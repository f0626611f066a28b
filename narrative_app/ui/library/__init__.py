"""UI: the library (home): narratives as cards, the welcome, import and export."""
