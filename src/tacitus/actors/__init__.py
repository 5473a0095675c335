"""Actors: mentions in the text → coded actors (country ISO3 + sector, or organisation code)."""

from tacitus.actors.knowledge import ActorEntry, ActorKnowledge, load_knowledge
from tacitus.actors.resolve import ActorCoder, DocumentActors

__all__ = ["ActorCoder", "ActorEntry", "ActorKnowledge", "DocumentActors", "load_knowledge"]
