"""Where batches of clean documents are coded: in this process, a local process pool, or Ray Data.

Every executor maps batches of Documents to CodedDocuments with the same DocumentCoder, loaded
once per worker, so the same input gives the same events whatever runs it.
"""

from tacitus.executors.local import (
    BatchExecutor,
    InProcessExecutor,
    PoolExecutor,
    open_local_executor,
    plan_workers,
    usable_cpus,
)

__all__ = [
    "BatchExecutor",
    "InProcessExecutor",
    "PoolExecutor",
    "open_local_executor",
    "plan_workers",
    "usable_cpus",
]
