"""Coach: the timing model now lives in ``narrative_app.text.timing``; this name stays only
so modules written against the old path in parallel branches keep importing (remove once
everything imports ``narrative_app.text.timing``)."""

from __future__ import annotations

from narrative_app.text.timing import *  # noqa: F403
from narrative_app.text.timing import __all__  # noqa: F401
