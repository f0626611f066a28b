"""Narrative Coach: write, rehearse and share a public narrative (Self, Us and Now)."""

__version__ = "0.1.0"
APP_NAME = "Narrative Coach"
