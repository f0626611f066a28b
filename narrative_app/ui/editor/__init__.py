"""UI: a story page: prompts, fields, the Markdown draft, preview, cues, spelling."""
