"""`tacitus dict import petrarch-verbs FILE --out FILE`: a PETRARCH verb dictionary as a tacitus lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from tacitus.cli.common import ConfigOption, report_errors, settings_from
from tacitus.events.lexicon import load_lexicon
from tacitus.events.petrarch import import_petrarch_verbs


@report_errors
def command(
    source: Path = typer.Argument(..., help="PETRARCH verb dictionary, e.g. CAMEO.2.0.txt."),
    out: Path = typer.Option(..., "--out", help="Lexicon file (YAML) to write."),
    config: Path | None = ConfigOption,
) -> None:
    """Convert PETRARCH verb patterns; add the output to `[events] extra_lexicons` to use it."""
    settings = settings_from(config)
    lexicon = load_lexicon(settings.extra_lexicons)
    report = import_petrarch_verbs(source, out, lexicon)
    load_lexicon([*settings.extra_lexicons, out])
    typer.echo(json.dumps(report, indent=2))
    typer.echo(f"wrote {report['patterns_written']} patterns to {out}; it loads cleanly as an extra lexicon")
