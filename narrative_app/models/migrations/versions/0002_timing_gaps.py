"""Models (persistence layer): migration 0002, the one-second gaps of the timing model.

Adds ``gaps`` to parts and narratives: the paragraph breaks inside a draft plus its
``[pause]`` markers, each worth about a second in the timing model. With it the library card
estimates a narrative's length exactly as the workspace does (the sum of its parts), where
before it counted breaks between parts and left pauses out (4:48 against 4:49 for the sample).
Existing rows are counted here. Frozen once released: add a new migration instead.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The counting rules of this release, kept here so the migration never changes.
_PAUSE_RE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_PARAGRAPH_SPLIT_RE = re.compile(r"\n\s*\n")


def _gaps(draft: str) -> int:
    paragraphs = sum(1 for b in _PARAGRAPH_SPLIT_RE.split(draft) if _WORD_RE.search(b))
    return max(0, paragraphs - 1) + len(_PAUSE_RE.findall(draft))


def upgrade() -> None:
    with op.batch_alter_table("parts") as batch:
        batch.add_column(sa.Column("gaps", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("narratives") as batch:
        batch.add_column(sa.Column("gaps", sa.Integer(), nullable=False, server_default="0"))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, draft FROM parts")).fetchall()
    for part_id, draft in rows:
        connection.execute(
            sa.text("UPDATE parts SET gaps = :gaps WHERE id = :id"),
            {"gaps": _gaps(draft or ""), "id": part_id},
        )
    connection.execute(
        sa.text(
            "UPDATE narratives SET gaps = "
            "(SELECT coalesce(sum(p.gaps), 0) FROM parts p WHERE p.narrative_id = narratives.id)"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("narratives") as batch:
        batch.drop_column("gaps")
    with op.batch_alter_table("parts") as batch:
        batch.drop_column("gaps")
