"""Duplicates: exact duplicates kept as sightings (intake), near-duplicates clustered with
MinHash (minhash, clusters), event mentions merged into events (merge). Rules in
docs/scaling.md, "Duplicates"."""
