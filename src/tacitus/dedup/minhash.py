"""MinHash signatures of clean texts and their LSH band keys, for near-duplicate detection.

A text's shingles are its lower-cased word 3-grams. The signature holds, for each of
NUM_HASHES hash functions, the least hash over the shingles; the share of equal positions
in two signatures estimates the Jaccard similarity of their shingle sets. Signatures are
cut into BANDS bands of ROWS values; two texts sharing any band key are compared.
Changing any constant here invalidates signatures already stored.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np
import numpy.typing as npt

SHINGLE_WORDS = 3
NUM_HASHES = 128
BANDS = 32
ROWS = NUM_HASHES // BANDS
MERSENNE = np.uint64((1 << 61) - 1)
WORD = re.compile(r"\w+")

_rng = np.random.default_rng(20261126)
_A = _rng.integers(1, (1 << 61) - 1, size=NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=NUM_HASHES, dtype=np.uint64)

Signature = npt.NDArray[np.uint32]


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text, or None when it has no words."""
    found = shingles(text)
    if not found:
        return None
    hashed = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in found), dtype=np.uint64, count=len(found))
    # a·x + b wraps around 2**64 before the modulus; that scrambles the order of the shingles
    # differently for every hash function (without the wrap, small shingle hashes win everywhere).
    permuted = (np.outer(hashed, _A) + _B) % MERSENNE
    least: Signature = (permuted.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return least


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per band; equal keys mean equal bands (up to hash collisions)."""
    rows = sig.reshape(BANDS, ROWS)
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([band]) + rows[band].tobytes(), digest_size=8).digest(), "little", signed=True
        )
        for band in range(BANDS)
    ]


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_HASHES
