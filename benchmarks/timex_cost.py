"""Cost of the time stage (tagging + dating events) as a share of parse + actors + events.

.venv/bin/python benchmarks/timex_cost.py --articles 100 ../shared/data/news/allsides-dev.jsonl.gz
"""

from __future__ import annotations

import argparse
import time

from tacitus.config import load_settings
from tacitus.pipeline import CodeSummary, DocumentCoder, clean_articles
from tacitus.timex import TimeTagger, date_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    settings = load_settings()
    documents = []
    for document in clean_articles([args.path], settings, CodeSummary()):
        documents.append(document)
        if len(documents) >= args.articles:
            break
    coder = DocumentCoder(settings)
    coder.setup()
    tagger = TimeTagger(settings.date_order)
    tagger.setup()
    pipeline_seconds = time_seconds = 0.0
    expressions = events = 0
    for start in range(0, len(documents), settings.code_batch_size):
        batch = documents[start : start + settings.code_batch_size]
        began = time.perf_counter()
        docs = list(coder.parser.pipe(d.clean_text for d in batch))
        coded = []
        for document, doc in zip(batch, docs, strict=True):
            actors = coder.actors.analyse(doc)
            coded.append(coder.events(doc, document, actors)[1])
        middle = time.perf_counter()
        for document, doc, found in zip(batch, docs, coded, strict=True):
            timexes = tagger(doc, document.date)
            dated = date_events(found, doc, timexes, document.date)
            expressions += len(timexes)
            events += len(dated)
        pipeline_seconds += middle - began
        time_seconds += time.perf_counter() - middle
    print(
        f"{len(documents)} articles, {expressions} time expressions, {events} events dated\n"
        f"parse + actors + events: {pipeline_seconds:.2f} s; time stage: {time_seconds:.2f} s "
        f"({100 * time_seconds / pipeline_seconds:.1f} % of the rest)"
    )


if __name__ == "__main__":
    main()
