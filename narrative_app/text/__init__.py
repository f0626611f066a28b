"""Text: Qt-free rules for reading a draft, shared by every layer above.

Words and counting, sentences and clauses, the Markdown block reader, cues, the word diff
and timing estimates.
"""
