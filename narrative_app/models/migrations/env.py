"""Models (persistence layer): the Alembic environment, run programmatically by database.py.

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``; there
is no alembic.ini and no URL, so this works from an installed (non-editable) package.
"""

from __future__ import annotations

from alembic import context

from narrative_app.models.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run the migrations through narrative_app.models.database.")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("Offline (SQL script) migrations are not supported.")
run_migrations_online()
