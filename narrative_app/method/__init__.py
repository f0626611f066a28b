"""Method: the public-narrative framework (parts, fields, prompts, presets) as data."""
