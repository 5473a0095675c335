"""Places: mentions in the text → offline GeoNames gazetteer entries → each event's location."""

from tacitus.places.gazetteer import Candidate, Gazetteer, Place
from tacitus.places.mentions import PlaceMention, find_dateline, find_mentions
from tacitus.places.resolver import DocumentPlaces, PlaceResolver, location_record

__all__ = [
    "Candidate",
    "DocumentPlaces",
    "Gazetteer",
    "Place",
    "PlaceMention",
    "PlaceResolver",
    "find_dateline",
    "find_mentions",
    "location_record",
]
