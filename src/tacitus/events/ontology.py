"""The CAMEO event ontology with Goldstein weights, quad classes and PLOVER mappings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tacitus.datafiles import load_entries, package_data
from tacitus.types import Plover

CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")
PLOVER_KEYS = {"type", "mode", "context"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: Plover | None
    symmetric: bool = False
    # The code the event takes when actors of several countries do it together ("joint exercises").
    joint: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.root)


def quad_class(root: str) -> int:
    """GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@lru_cache(maxsize=1)
def load_ontology() -> dict[str, CameoCode]:
    """Every CAMEO code from data/cameo.yaml, checked: unique codes, parents present, numeric weights."""
    codes: dict[str, CameoCode] = {}
    entries = load_entries(package_data("cameo.yaml"))
    for entry in entries:
        entry.check_keys({"code", "name", "goldstein", "plover", "symmetric", "joint"})
        code = entry.get_str("code")
        assert code is not None
        if not CAMEO_CODE.match(code):
            raise entry.fail(f"'{code}' is not a CAMEO event code (two to four digits, root 01-20)")
        if code in codes:
            raise entry.fail(f"code {code} is defined twice")
        goldstein = entry.fields.get("goldstein")
        if not isinstance(goldstein, int | float) or not -10.0 <= goldstein <= 10.0:
            raise entry.fail(f"'goldstein' must be a number from -10 to 10, got {goldstein!r}")
        plover = None
        raw = entry.fields.get("plover")
        if raw is not None:
            if not isinstance(raw, dict) or not isinstance(raw.get("type"), str) or set(raw) - PLOVER_KEYS:
                raise entry.fail("'plover' must be a mapping with 'type' and optional 'mode' and 'context'")
            context = raw.get("context")
            if isinstance(context, str):
                context = [context]
            plover = Plover(raw["type"], raw.get("mode") or None, tuple(context) if context else None)
        symmetric = entry.fields.get("symmetric", False)
        if not isinstance(symmetric, bool):
            raise entry.fail(f"'symmetric' must be true or false, got {symmetric!r}")
        joint = entry.get_str("joint", required=False)
        codes[code] = CameoCode(code, entry.get_str("name") or code, float(goldstein), plover, symmetric, joint)
    for entry in entries:
        code = str(entry.fields["code"])
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) > 2 and parent not in codes:
            raise entry.fail(f"code {code} has no parent code {parent}")
        joint = codes[code].joint
        if joint is not None and (joint not in codes or not codes[joint].symmetric):
            raise entry.fail(f"'joint' must name a symmetric code, got {joint!r}")
    return codes
