"""Actors: mentions, within-article resolution, coding and canonical keys."""
