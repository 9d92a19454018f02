"""Extraction of actors, quotes and events from article text with spaCy (pure Python)."""
