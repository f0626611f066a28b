"""Models (persistence layer): the SQLAlchemy 2 schema of the narrative store.

Rows mirror the domain dataclasses in ``narrative_app.domain``; ``store.py`` maps between them.
Free-form structures (a part's fields and cues, a run's feedback) are kept as JSON text.
Word and paragraph counts are computed at save time so the library list never loads drafts.

The tables are created by the Alembic migrations (``migrations/versions``), never by
``metadata.create_all``; keep this file and the newest migration in step.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table in the store."""


class MetaRow(Base):
    """Key/value facts about the data folder (for example that the sample was created)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class NarrativeRow(Base):
    __tablename__ = "narratives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="")
    occasion: Mapped[str] = mapped_column(Text, default="")
    preset: Mapped[str] = mapped_column(String(64), default="")
    pace_wpm: Mapped[int] = mapped_column(Integer, default=125)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    trashed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Totals over the three drafts, kept in step by every save so listing stays cheap.
    words: Mapped[int] = mapped_column(Integer, default=0)
    paragraphs: Mapped[int] = mapped_column(Integer, default=0)
    # One-second gaps of the timing model (breaks inside drafts and [pause] markers).
    gaps: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    target_seconds: Mapped[int] = mapped_column(Integer, default=0)
    # 0004: what happens after the ask (for the briefing), and how people's names are printed
    # in a briefing or on cue cards (JSON object: name -> printed text).
    next_step: Mapped[str] = mapped_column(Text, default="", server_default="")
    people: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")

    parts: Mapped[list[PartRow]] = relationship(
        back_populates="narrative", cascade="all, delete-orphan", passive_deletes=True
    )


class PartRow(Base):
    __tablename__ = "parts"
    __table_args__ = (UniqueConstraint("narrative_id", "kind", name="uq_parts_narrative_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    narrative_id: Mapped[int] = mapped_column(
        ForeignKey("narratives.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    draft: Mapped[str] = mapped_column(Text, default="")
    cues: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    fields: Mapped[str] = mapped_column(Text, default="{}")  # JSON object key -> text
    target_seconds: Mapped[int] = mapped_column(Integer, default=0)
    words: Mapped[int] = mapped_column(Integer, default=0)
    paragraphs: Mapped[int] = mapped_column(Integer, default=0)
    gaps: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    narrative: Mapped[NarrativeRow] = relationship(back_populates="parts")


class ValueRow(Base):
    """One chosen value of a narrative; ``position`` keeps the user's ranking."""

    __tablename__ = "chosen_values"

    narrative_id: Mapped[int] = mapped_column(
        ForeignKey("narratives.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class VersionRow(Base):
    """A saved telling: label, audience, occasion and the content as a `.narrative` bundle."""

    __tablename__ = "versions"
    __table_args__ = (Index("ix_versions_narrative_created", "narrative_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    narrative_id: Mapped[int] = mapped_column(ForeignKey("narratives.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="")
    occasion: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    bundle: Mapped[str] = mapped_column(Text)


class RunRow(Base):
    """One rehearsal run against the clock."""

    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_narrative_started", "narrative_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    narrative_id: Mapped[int] = mapped_column(ForeignKey("narratives.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    total_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    view: Mapped[str] = mapped_column(String(32), default="cues")
    notes: Mapped[str] = mapped_column(Text, default="")
    feedback: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    # The spoken-rehearsal report (JSON object, {} when the run was not listened to); 0003.
    speech: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")

    splits: Mapped[list[SplitRow]] = relationship(
        order_by="SplitRow.position", cascade="all, delete-orphan", passive_deletes=True
    )


class SplitRow(Base):
    """Seconds spent on one part during a run, with its target and the words spoken."""

    __tablename__ = "run_splits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    part: Mapped[str] = mapped_column(String(16))
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    target_seconds: Mapped[int] = mapped_column(Integer, default=0)
    words: Mapped[int] = mapped_column(Integer, default=0)
