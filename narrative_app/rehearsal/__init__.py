"""Rehearsal: the Qt-free timing engine, the text views and the run reports.

Everything here takes domain objects and an injected clock, so it is tested without Qt.
"""

from __future__ import annotations

from narrative_app.rehearsal.engine import (
    COUNTDOWN_SECONDS,
    SHORT_RUN_SECONDS,
    Phase,
    PlanPart,
    RehearsalEngine,
    plan_for,
)
from narrative_app.rehearsal.peer import (
    PEER_FEEDBACK_SECONDS,
    PEER_TELLING_SECONDS,
    Countdown,
    FeedbackQuestion,
    feedback_questions,
    peer_plan,
)

__all__ = [
    "COUNTDOWN_SECONDS",
    "PEER_FEEDBACK_SECONDS",
    "PEER_TELLING_SECONDS",
    "SHORT_RUN_SECONDS",
    "Countdown",
    "FeedbackQuestion",
    "Phase",
    "PlanPart",
    "RehearsalEngine",
    "feedback_questions",
    "peer_plan",
    "plan_for",
]
