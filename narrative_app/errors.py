"""Errors: the exceptions every layer raises, each carrying a message fit for the user.

A message says what happened and what to do, in plain UK English, in one line, because the
command line prints it as is and the UI shows it in a dialog.
"""

from __future__ import annotations


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
