from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.events.lexicon import load_lexicon
from tacitus.events.petrarch import convert_petrarch_verbs, import_petrarch_verbs

SNIPPET = """\
# a verb dictionary written for this test
&GOODS
+GRAIN
+SPARE_PARTS

---  SCOLD   [111]  ---
SCOLD
UPBRAID {UPBRAIDS UPBRAIDED UPBRAIDING }
- * &GOODS                          [0211]  # SCOLD
- * (OVER BORDER)                   [1123]  # SCOLD
- * (FOR)                           [112]   # UPBRAID
- POLICE * REBEL                    [173]   # SCOLD
- * GRAIN                           [---]   # SCOLD
~ a (a b SCOLD) SAY = a b 111

---  HANG AROUND   [---]  ---
+HANG_AROUND
WIRE_+TAP
- * (WITH ENVOY)                    [040]   # HANG_AROUND
"""


def test_conversion_keeps_what_tacitus_can_express() -> None:
    conversion = convert_petrarch_verbs(SNIPPET, load_lexicon().ontology)
    found = {(p.verb, p.code, p.objects, p.prep) for p in conversion.patterns}
    assert ("scold", "111", (), None) in found
    assert ("upbraid", "0211", ("grain", "part"), None) in found
    assert ("scold", "1123", ("border",), "over") in found
    assert ("upbraid", "112", (), "for") in found
    assert ("hang around", "040", ("envoy",), "with") in found
    assert conversion.skipped["nouns before the verb"] == 1
    assert conversion.skipped["code not in CAMEO or null"] == 1
    assert conversion.skipped["verb transformation"] == 1
    assert conversion.skipped["pre-compounded verb"] == 1


def test_import_writes_a_lexicon_that_loads_and_codes(tmp_path: Path) -> None:
    source = tmp_path / "verbs.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    out = tmp_path / "petrarch.yaml"
    report = import_petrarch_verbs(source, out, load_lexicon())
    assert report["patterns_written"] == len([line for line in out.read_text().splitlines() if line.startswith("- id")])
    assert "scold" in report["new_trigger_examples"]
    lexicon = load_lexicon([out])
    assert lexicon.candidates("scold", None)[-1].code == "111"


def test_a_file_without_verb_blocks_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(TacitusError, match="E185"):
        import_petrarch_verbs(source, tmp_path / "out.yaml", load_lexicon())
