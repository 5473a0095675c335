from __future__ import annotations

from collections.abc import Iterator

import pytest

from tacitus.config import Settings
from tacitus.executors import InProcessExecutor, PoolExecutor, open_local_executor, plan_workers
from tacitus.executors import local as local_executors
from tacitus.executors.local import split_batch
from tacitus.types import Document


def documents(count: int) -> Iterator[list[Document]]:
    for number in range(count):
        text = f"Report number {number}."
        yield [Document(f"d{number}", "mem", text, text, f"h{number}", "txt")]


def test_explicit_worker_counts_are_kept(settings: Settings) -> None:
    workers, batches = plan_workers(settings.with_overrides(workers=3), documents(2))
    assert workers == 3
    assert len(list(batches)) == 2


@pytest.mark.parametrize(("cpus", "articles", "expected"), [(8, 500, 7), (8, 50, 1), (2, 500, 1), (3, 500, 2)])
def test_automatic_workers_leave_one_core_free_and_need_enough_articles(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, cpus: int, articles: int, expected: int
) -> None:
    monkeypatch.setattr(local_executors, "usable_cpus", lambda: cpus)
    automatic = settings.with_overrides(workers=0, pool_min_articles=200)
    workers, batches = plan_workers(automatic, documents(articles))
    assert workers == expected
    assert [b[0].doc_id for b in batches] == [f"d{n}" for n in range(articles)]


def test_executor_kinds(settings: Settings) -> None:
    assert isinstance(open_local_executor(settings, 1), InProcessExecutor)
    pool = open_local_executor(settings, 2)
    assert isinstance(pool, PoolExecutor) and pool.workers == 2


@pytest.mark.parametrize(
    ("size", "pieces", "expected"), [(64, 2, [32, 32]), (5, 2, [3, 2]), (7, 3, [3, 2, 2]), (1, 4, [1])]
)
def test_a_batch_is_split_into_near_equal_parts_in_order(size: int, pieces: int, expected: list[int]) -> None:
    batch = [document for part in documents(size) for document in part]
    parts = split_batch(batch, pieces)
    assert [len(part) for part in parts] == expected
    assert [document for part in parts for document in part] == batch
