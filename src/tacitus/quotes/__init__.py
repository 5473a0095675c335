"""Quotes: direct, mixed and indirect speech with speaker and cue, tied to the events."""

from tacitus.quotes.cues import Cue, CueLexicon, load_cues
from tacitus.quotes.finder import Attribution, QuoteFinder
from tacitus.quotes.ties import tie_events

__all__ = ["Attribution", "Cue", "CueLexicon", "QuoteFinder", "load_cues", "tie_events"]
