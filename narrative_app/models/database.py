"""Models (persistence layer): the SQLite engine, its pragmas and schema migrations.

Every connection runs with WAL, ``foreign_keys=ON`` and ``synchronous=NORMAL``. The stored
schema revision is read with plain ``sqlite3``; Alembic is imported only when the database is
behind (a normal start never pays for it), and SQLAlchemy only when an engine is made.
``KNOWN_REVISIONS`` lists every migration in order; a test checks it against the migration
scripts.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Every migration revision, oldest first; the last one is the head.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_SECONDS = 10.0


def fold(text: str | None) -> str:
    """Case-insensitive form of ``text`` for searching, in any script."""
    if not text:
        return ""
    return unicodedata.normalize("NFKC", text).casefold()


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()
    dbapi_connection.create_function("nc_fold", 1, fold, deterministic=True)


def make_engine(db_path: Path) -> Engine:
    """An engine on ``db_path``, whatever characters the path holds.

    The URL is built with ``URL.create`` rather than by pasting the path into a string: in a
    pasted ``sqlite:///...`` URL a ``?`` or ``#`` in a folder name would end the file name,
    so the database would be written outside the data folder.
    """
    from sqlalchemy import URL, create_engine, event

    engine = create_engine(
        URL.create("sqlite", database=str(db_path)),
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def readonly_uri(db_path: Path) -> str:
    """A read-only SQLite URI for ``db_path``; ``as_uri`` percent-encodes ``?``, ``%``, ``#``."""
    return f"{db_path.resolve().as_uri()}?mode=ro"


@contextmanager
def open_readonly(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only sqlite3 connection that leaves the folder as it found it.

    Reading a WAL database creates empty ``-wal`` and ``-shm`` files; if they were not there
    before (so no other process has the database open) they are removed afterwards.
    """
    companions = [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [path.exists() for path in companions]
    uri = readonly_uri(db_path)
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
            yield conn
    finally:
        wal = companions[0]
        if not any(existed) and (not wal.exists() or wal.stat().st_size == 0):
            for path in companions:
                with suppress(OSError):
                    path.unlink()


def read_revision(db_path: Path) -> tuple[str | None, bool]:
    """(stored revision or None, whether the database has any table) read-only with sqlite3.

    Raises ``sqlite3.DatabaseError`` when the file is not a readable database.
    """
    with open_readonly(db_path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in names:
            return None, bool(names)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (row[0] if row else None), True


def needs_upgrade(revision: str | None) -> bool:
    return revision != HEAD_REVISION


def is_known(revision: str) -> bool:
    return revision in KNOWN_REVISIONS


def alembic_config(connection: Any = None) -> Any:
    """An Alembic Config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
