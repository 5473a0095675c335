"""A bounded run of the hostile-input check (benchmarks/fuzz_readers.py runs it for minutes)."""

from __future__ import annotations

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from tests.ingest.hostile import HostileFile, check_hostile_files, hostile_file, hostile_jsonl

from tacitus.config import Settings, load_settings

DEFAULTS = load_settings()
SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=SLOW_IS_FINE)
@given(st.lists(hostile_file(), min_size=1, max_size=3))
def test_hostile_files_give_articles_or_clear_problems(files: list[HostileFile]) -> None:
    check_hostile_files(files, DEFAULTS)


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=SLOW_IS_FINE)
@given(hostile_jsonl())
def test_no_jsonl_article_is_lost_among_broken_lines(feed: HostileFile) -> None:
    check_hostile_files([feed], DEFAULTS)


def test_known_hostile_cases(settings: Settings) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    cases = [
        HostileFile("deep.jsonl", f'{deep}\n{{"id": "ok", "text": "Estonia summoned the envoy."}}\n'.encode(), [2]),
        HostileFile("surrogate.jsonl", b'{"text": "Talks \\ud800 resumed.", "title": "\\udfff"}\n', [1]),
        HostileFile("wide.md", ("**a" * 30_000 + "\n\nEstonia summoned the envoy.").encode()),
        HostileFile("nested.html", ("<div>" * 5_000 + "<p>Estonia summoned the envoy.</p>").encode()),
        HostileFile("bom16.txt", "Estonia summoned the envoy.".encode("utf-16")),
        HostileFile("cut.jsonl.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03+I"),
    ]
    check_hostile_files(cases, settings)
