"""Quotes: direct, mixed and indirect speech with their speakers."""
