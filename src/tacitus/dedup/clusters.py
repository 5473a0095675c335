"""Near-duplicate clusters kept in the store, linked as each batch of documents is written.

Every stored document has a row in `document_clusters`. Two documents are linked when
they share an LSH band key and their MinHash similarity reaches the threshold; a cluster
is a connected group of linked documents and is named by its smallest doc_id. Each new
document is compared with every document stored before it and in its own batch, so the
clusters do not depend on the order documents arrive in (whatever the executor, and
after a resumed run).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tacitus.dedup.minhash import NUM_HASHES, Signature, band_keys, signature, similarity


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        first, second = sorted((self.find(a), self.find(b)))
        if first != second:
            self.parent[second] = first


def _signatures(con: Any, doc_ids: list[str]) -> dict[str, Signature]:
    rows = con.execute(
        "SELECT doc_id, minhash FROM document_minhash WHERE doc_id IN (SELECT unnest(?))", [doc_ids]
    ).fetchall()
    return {doc_id: np.asarray(values, dtype=np.uint32) for doc_id, values in rows}


def forget_documents(con: Any, doc_ids: list[str]) -> None:
    for table in ("document_minhash", "document_bands", "document_clusters"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])


def link_documents(con: Any, documents: Sequence[tuple[str, str]], threshold: float) -> int:
    """Add (doc_id, clean_text) documents to the near-duplicate clusters; returns the links found.

    Runs inside the caller's transaction.
    """
    import pyarrow as pa

    if not documents:
        return 0
    ids = [doc_id for doc_id, _ in documents]
    signatures = {doc_id: sig for doc_id, text in documents if (sig := signature(text)) is not None}
    if signatures:
        con.register(
            "incoming_minhash",
            pa.table(
                {
                    "doc_id": list(signatures),
                    "minhash": pa.array([s.tolist() for s in signatures.values()], pa.list_(pa.uint32(), NUM_HASHES)),
                }
            ),
        )
        con.execute("INSERT INTO document_minhash SELECT doc_id, minhash FROM incoming_minhash")
        con.unregister("incoming_minhash")
        band_rows = [
            (band, key, doc_id) for doc_id, sig in signatures.items() for band, key in enumerate(band_keys(sig))
        ]
        con.register(
            "incoming_bands",
            pa.table(
                {
                    "band": pa.array([r[0] for r in band_rows], pa.int16()),
                    "bucket": pa.array([r[1] for r in band_rows], pa.int64()),
                    "doc_id": [r[2] for r in band_rows],
                }
            ),
        )
        con.execute("INSERT INTO document_bands SELECT band, bucket, doc_id FROM incoming_bands")
        con.unregister("incoming_bands")
    pairs = con.execute(
        """
        SELECT DISTINCT mine.doc_id, other.doc_id
        FROM document_bands AS mine JOIN document_bands AS other USING (band, bucket)
        WHERE mine.doc_id IN (SELECT unnest(?)) AND other.doc_id <> mine.doc_id
        """,
        [list(signatures)],
    ).fetchall()
    others = sorted({other for _, other in pairs} - signatures.keys())
    known = {**_signatures(con, others), **signatures} if others else signatures
    links = [(a, b) for a, b in pairs if similarity(known[a], known[b]) >= threshold]
    if not links:
        con.execute("INSERT INTO document_clusters SELECT unnest(?), unnest(?)", [ids, ids])
        return 0
    linked = sorted({doc for pair in links for doc in pair} - set(ids))
    current = dict(
        con.execute(
            "SELECT doc_id, cluster_id FROM document_clusters WHERE doc_id IN (SELECT unnest(?))", [linked]
        ).fetchall()
    )
    components = _Components()
    for doc_id, cluster_id in current.items():
        components.union(doc_id, cluster_id)
    for a, b in links:
        components.union(a, b)
    old_clusters = sorted(set(current.values()))
    relabel = {cluster: components.find(cluster) for cluster in old_clusters}
    changed = {cluster: new for cluster, new in relabel.items() if new != cluster}
    if changed:
        con.execute(
            """
            UPDATE document_clusters SET cluster_id = moves.new
            FROM (SELECT unnest(?) AS old, unnest(?) AS new) AS moves
            WHERE document_clusters.cluster_id = moves.old
            """,
            [list(changed), list(changed.values())],
        )
    con.execute("INSERT INTO document_clusters SELECT unnest(?), unnest(?)", [ids, [components.find(d) for d in ids]])
    return len({tuple(sorted(pair)) for pair in links})
