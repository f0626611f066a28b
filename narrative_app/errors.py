"""Errors: the exceptions every layer raises, each carrying a message fit for the user.

A message says what happened and what to do, in plain UK English, in one line, because the
command line prints it as is and the UI shows it in a dialog.
"""

from __future__ import annotations

import sqlite3


class NarrativeAppError(Exception):
    """Base of all expected failures; ``str(error)`` is the user-facing message."""


class BadInputError(NarrativeAppError):
    """A file or value the user gave us cannot be used (bad JSON, wrong format, too large...)."""


class BundleError(BadInputError):
    """A `.narrative` bundle that cannot be read."""


class StoreError(NarrativeAppError):
    """The narrative store could not do what was asked."""


class NotFoundError(StoreError):
    """No narrative (or version) with that id."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class DataFolderError(StoreError):
    """The data folder cannot be created, read or written."""


class TooLargeError(BadInputError):
    """A file or text over one of the limits in :mod:`narrative_app.limits`."""


class InvalidBundleValueError(BundleError):
    """A `.narrative` holds a value out of range or unusable (NaN, a huge number, bad text).

    Raised at the bundle boundary, so the command line and the window show the same line.
    """


class NotRegularFileError(BadInputError):
    """Asked to import something that is not a regular file (a folder, FIFO or device)."""


class ProtectedPathError(BadInputError):
    """An export or write aimed at the data folder's database, lock or backups."""


def describe_error(error: BaseException) -> str:
    """A short, plain reason for a failed save (no tracebacks, no SQL)."""
    if isinstance(error, NarrativeAppError):
        text = str(error)
    elif isinstance(error, OSError) and error.strerror:
        text = error.strerror
    else:
        orig = getattr(error, "orig", None)  # SQLAlchemy wraps the sqlite3 error
        if isinstance(orig, sqlite3.Error):
            error = orig
        text = str(error) or type(error).__name__
    text = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
