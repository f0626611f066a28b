"""Text: Qt-free rules for reading a draft (words, Markdown blocks, cues, diff, timing)."""
