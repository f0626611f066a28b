"""Text: Qt-free text rules shared by every layer above (sentences and clauses for now)."""
