"""Reading articles from files, folders, globs and JSONL streams."""

from tacitus.ingest.readers import expand_paths, read_articles, read_file

__all__ = ["expand_paths", "read_articles", "read_file"]
