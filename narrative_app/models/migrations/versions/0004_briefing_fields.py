"""Models (persistence layer): migration 0004, what the team briefing needs of a narrative.

Adds ``narratives.next_step`` (what happens after the ask, an optional purpose field, "" for
narratives from before) and ``narratives.people`` (a JSON object: each person's name found in
the text -> how a briefing or cue cards print it, ``{}`` for narratives from before). Frozen
once released: never edit it; add a new migration.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "narratives", sa.Column("next_step", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "narratives", sa.Column("people", sa.Text(), nullable=False, server_default="{}")
    )


def downgrade() -> None:
    with op.batch_alter_table("narratives") as batch:
        batch.drop_column("people")
        batch.drop_column("next_step")
