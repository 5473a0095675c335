"""Place-name keys: the same key for the spellings a news text and GeoNames give one name."""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = re.compile(r"['’‘`´ʼʻʾʿ]")
SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,]+")
LATIN_NAME = re.compile(r"^[A-Za-z0-9 .,'’()\-&]+$")
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """Casefolded, accents dropped, apostrophes dropped, separators as single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = APOSTROPHES.sub("", bare.casefold())
    return SEPARATORS.sub(" ", bare).strip()


def is_latin_name(name: str) -> bool:
    """A name an English text could use: Latin letters once accents are dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bool(LATIN_NAME.match(bare)) and any(ch.isalpha() for ch in bare)


def strip_article(text: str) -> str:
    return LEADING_ARTICLE.sub("", text.strip())
