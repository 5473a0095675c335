"""Time expressions: find them, resolve them on the publication date, and date events by them."""

from tacitus.timex.attach import date_events
from tacitus.timex.tagger import TimeTagger, parse_anchor
from tacitus.types import Timex

__all__ = ["TimeTagger", "Timex", "date_events", "parse_anchor"]
