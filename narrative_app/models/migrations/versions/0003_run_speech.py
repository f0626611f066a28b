"""Models (persistence layer): migration 0003, what was heard in a spoken rehearsal.

Adds ``runs.speech``: a JSON object with the spoken-rehearsal report of a run (per part and
overall pace, pauses, fillers, coverage, skipped sentences, the ask), ``{}`` for runs that
were not listened to. Frozen once released: never edit it; add a new migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "runs", sa.Column("speech", sa.Text(), nullable=False, server_default="{}")
    )


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("speech")
