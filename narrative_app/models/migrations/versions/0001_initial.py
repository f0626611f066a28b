"""Models (persistence layer): migration 0001, the initial schema.

Narratives with their parts, chosen values, versions, rehearsal runs with per-part splits,
and a meta key/value table. Frozen: never edit a released migration; add a new one.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "narratives",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("occasion", sa.Text(), nullable=False),
        sa.Column("preset", sa.String(64), nullable=False),
        sa.Column("pace_wpm", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("trashed_at", sa.DateTime(), nullable=True),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("paragraphs", sa.Integer(), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
    )
    op.create_index("ix_narratives_updated_at", "narratives", ["updated_at"])
    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "narrative_id",
            sa.Integer(),
            sa.ForeignKey("narratives.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("draft", sa.Text(), nullable=False),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("paragraphs", sa.Integer(), nullable=False),
        sa.UniqueConstraint("narrative_id", "kind", name="uq_parts_narrative_kind"),
    )
    op.create_index("ix_parts_narrative_id", "parts", ["narrative_id"])
    op.create_table(
        "chosen_values",
        sa.Column(
            "narrative_id",
            sa.Integer(),
            sa.ForeignKey("narratives.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "narrative_id",
            sa.Integer(),
            sa.ForeignKey("narratives.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("occasion", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.Column("bundle", sa.Text(), nullable=False),
    )
    op.create_index("ix_versions_narrative_created", "versions", ["narrative_id", "created_at"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "narrative_id",
            sa.Integer(),
            sa.ForeignKey("narratives.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("total_seconds", sa.Float(), nullable=False),
        sa.Column("view", sa.String(32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
    )
    op.create_index("ix_runs_narrative_started", "runs", ["narrative_id", "started_at"])
    op.create_table(
        "run_splits",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "run_id", sa.Integer(), sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(16), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
    )
    op.create_index("ix_run_splits_run_id", "run_splits", ["run_id"])


def downgrade() -> None:
    for index, table in (
        ("ix_run_splits_run_id", "run_splits"),
        ("ix_runs_narrative_started", "runs"),
        ("ix_versions_narrative_created", "versions"),
        ("ix_parts_narrative_id", "parts"),
        ("ix_narratives_updated_at", "narratives"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("run_splits", "runs", "versions", "chosen_values", "parts", "narratives", "meta"):
        op.drop_table(table)
