"""Events: a CAMEO coder over dependency parses, with lexicon patterns kept in data files."""

from tacitus.events.coder import EventCoder
from tacitus.events.lexicon import Lexicon, Pattern, load_lexicon
from tacitus.events.ontology import CameoCode, load_ontology

__all__ = ["CameoCode", "EventCoder", "Lexicon", "Pattern", "load_lexicon", "load_ontology"]
