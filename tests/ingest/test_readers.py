import gzip
import json
from pathlib import Path

from tacitus.ingest import expand_paths, read_articles
from tacitus.types import RawArticle, ReadProblem


def split(items: list[RawArticle | ReadProblem]) -> tuple[list[RawArticle], list[ReadProblem]]:
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, ReadProblem)]


def test_reads_each_format_from_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nFrance accused Italy.", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.md").write_text("# Head\n\nBody text.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>Body</p></body></html>", encoding="utf-8")
    lines = [json.dumps({"id": "x1", "text": "One."}), json.dumps({"id": "x2", "text": "Two.", "date": "2019-01-02"})]
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    articles, problems = split(list(read_articles([str(tmp_path)])))
    assert problems == []
    assert sorted(a.fmt for a in articles) == ["html", "jsonl", "jsonl", "md", "txt"]
    jsonl = [a for a in articles if a.fmt == "jsonl"]
    assert [a.given_id for a in jsonl] == ["x1", "x2"]
    assert jsonl[1].date == "2019-01-02"
    assert jsonl[1].line == 2


def test_globs_expand_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    found = list(expand_paths([str(tmp_path / "*.txt")]))
    assert [p.name for p in found if isinstance(p, Path)] == ["a.txt", "b.txt"]


def test_bad_inputs_are_problems_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 text".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Japan rejected the plan.", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text('{"id": "ok", "text": "Fine."}\n{broken\n{"id": "no-text"}\n', "utf-8")
    articles, problems = split(list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")])))
    assert sorted(a.given_id or a.origin.rsplit("/", 1)[-1] for a in articles) == ["good.txt", "ok"]
    described = "\n".join(p.describe() for p in problems)
    assert "empty.txt" in described and "is empty" in described
    assert "binary.txt" in described and "binary" in described
    assert "latin1.txt" in described and "UTF-8" in described
    assert "mixed.jsonl:2" in described and "not valid JSON" in described
    assert "mixed.jsonl:3" in described and "'text'" in described
    assert "missing.txt" in described and "matches no file" in described


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    problems = [p for p in expand_paths([str(tmp_path)]) if isinstance(p, ReadProblem)]
    assert len(problems) == 1
    assert "contains no articles" in problems[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("text", encoding="utf-8")
    target.chmod(0)
    try:
        items = list(read_articles([str(target)]))
    finally:
        target.chmod(0o644)
    readable_anyway = any(isinstance(i, RawArticle) for i in items)
    if not readable_anyway:
        assert isinstance(items[0], ReadProblem)
        assert "cannot read" in items[0].message


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(b'{"id": "a", "text": "Text."}\n' * 50)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(read_articles([str(tmp_path / "cut.jsonl.gz")]))
    assert all(isinstance(i, ReadProblem) for i in items)
    assert "cannot read" in items[0].message
