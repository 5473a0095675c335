"""A small corpus written for these tests: distinct reports, one exact copy, one lightly edited copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPORTS = [
    "Estonia summoned the Russian ambassador on Wednesday after a military plane crossed into its airspace "
    "over the island of Vaindloo. The foreign ministry in Tallinn said the flight lasted less than two minutes. "
    "Russia denied that its aircraft had entered Estonian airspace.",
    "Japan rejected a proposal from China to hold joint coast guard patrols near the disputed islands. "
    "Officials in Tokyo said the plan would weaken the Japanese claim. China criticised the decision.",
    "Germany and France signed an agreement on Monday to build a new generation of battle tanks together. "
    "The defence ministers of both countries met in Paris for the ceremony.",
    "India accused Pakistan of shelling villages along the Line of Control in Kashmir. "
    "Pakistan rejected the accusation and said Indian troops had fired first.",
    "The United States imposed sanctions on Venezuela's state oil company on Tuesday. "
    "Venezuela condemned the sanctions as economic warfare.",
    "Kenya and Ethiopia agreed to reopen their shared border to trade after talks in Nairobi. "
    "The presidents of the two countries praised the agreement.",
    "Turkey threatened to expel the ambassadors of ten Western countries over a joint statement. "
    "The European Union urged Turkey to respect the rule of law.",
    "Brazil and Argentina held talks in Brasilia on a common currency for trade between them. "
    "The finance ministers said the talks would continue next month.",
    "Police in Colombia arrested a rebel commander accused of kidnapping soldiers in the province of Cauca. "
    "The government praised the operation.",
    "Norway offered to mediate between the government of Sri Lanka and the Tamil rebels. "
    "Sri Lanka welcomed the offer, and the rebels said they would study it.",
]

EDITED_COPY = (
    REPORTS[0]
    .replace("on Wednesday", "on Wednesday evening")
    .replace("The foreign ministry in Tallinn said", "According to the foreign ministry in Tallinn,")
)


def corpus_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [
        {
            "id": f"report-{number:02d}",
            "text": text,
            "date": f"2021-03-{number + 1:02d}",
            "source": f"Outlet {number % 3}",
            "url": f"https://outlet{number % 3}.example/report-{number:02d}",
        }
        for number, text in enumerate(REPORTS)
    ]
    records.insert(4, {**records[1], "id": "copy-of-01", "source": "Reprint Daily", "url": "https://reprint.example/a"})
    records.insert(7, {**records[0], "id": "edited-00", "text": EDITED_COPY, "source": "Baltic Wire"})
    return records


def write_corpus(path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus_records()), encoding="utf-8")
    return path
