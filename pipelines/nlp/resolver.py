"""Stable import path for the actor resolver used by quotes and events."""

from pipelines.nlp.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
