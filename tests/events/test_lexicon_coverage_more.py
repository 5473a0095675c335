"""News phrasings of CAMEO codes beyond the plain verbs: phrasal verbs, light verbs with event
nouns, and the objects and complements that set sibling codes apart."""

from collections.abc import Callable

import pytest

from tacitus.types import CodedDocument

CASES = [
    # 01 statements
    ("Japan is exploring the possibility of new talks with China.", "014", "JPN", None),
    ("The Taliban took responsibility for the attack in Kabul.", "015", None, None),
    # 02 appeals
    ("Lebanon renewed its appeal to France for help.", "020", "LBN", "FRA"),
    ("Haiti asked the United Nations for food aid.", "0233", "HTI", None),
    ("Greece sought a new loan from Germany.", "0231", "GRC", "DEU"),
    # 03 intent
    ("Iran signaled its readiness to resume talks with Britain.", "030", "IRN", None),
    ("Syrian rebels swore to fight until Damascus falls.", "138", "SYR", None),
    # 04 consult
    ("The Turkish president attended a summit with Greece in Athens.", "040", "TUR", None),
    ("The Indian prime minister spoke with the Chinese president by phone.", "041", "IND", "CHN"),
    ("The Qatari emir paid a visit to Kuwait.", "042", "QAT", "KWT"),
    # 05 diplomatic cooperation
    ("Egypt and Sudan upgraded their diplomatic ties.", "050", "EGY", "SDN"),
    ("Poland paid tribute to Ukraine's soldiers.", "051", "POL", "UKR"),
    ("The European Union welcomed Iran's decision to free the sailors.", "051", "IGOEUR", "IRN"),
    ("Japan expressed regret to South Korea for the incident.", "055", "JPN", "KOR"),
    ("Japan expressed regret over South Korea's decision.", "110", "JPN", "KOR"),
    ("Iran and Iraq sealed a deal on oil exports.", "057", "IRN", "IRQ"),
    ("Chile and Peru sealed a deal on fishing rights.", "057", "CHL", "PER"),
    # 06 material cooperation
    ("The United States and South Korea began joint military exercises on Monday.", "062", "USA", "KOR"),
    ("Switzerland handed over bank information to the Indian government.", "064", "CHE", "IND"),
    # 07 aid
    ("Germany gave 50 million euros to Ethiopia.", "071", "DEU", "ETH"),
    ("Norway donated medical supplies to Yemen.", "073", "NOR", "YEM"),
    ("Canada contributed 300 troops to the peacekeeping mission in Mali.", "074", "CAN", None),
    ("Kenya opened its borders to Somali refugees.", "075", "KEN", "SOM"),
    ("Sweden sold fighter jets to Thailand.", "072", "SWE", "THA"),
    # 08 yield
    ("Ethiopia set the political prisoners free.", "0841", "ETH", None),
    ("Zimbabwe bowed to pressure from South Africa.", "080", "ZWE", None),
    ("Algeria scrapped the visa requirement for Tunisians.", "081", "DZA", None),
    ("Sudan declared a cessation of hostilities in Darfur.", "0871", "SDN", None),
    ("The Colombian rebels gave up their weapons.", "0873", "COL", None),
    # 09 investigate
    ("Brazil launched an investigation into corruption at the state oil company.", "091", "BRA", None),
    # 10 demand
    ("Armenia demanded the withdrawal of Azerbaijani troops.", "1056", "ARM", None),
    ("Protesters in Lebanon demanded the resignation of the prime minister.", "1041", "LBN", None),
    # 11 disapprove
    ("Beijing lashed out at Washington over the arms sale.", "111", "CHN", None),
    ("Iran accused Israel of espionage.", "1125", "IRN", "ISR"),
    ("The human rights group filed a lawsuit against Turkey.", "115", None, "TUR"),
    # 12 reject
    ("Kosovo turned down Serbia's offer of talks.", "125", "XKX", "SRB"),
    ("Iraq denied access to the United Nations inspectors.", "1245", "IRQ", None),
    # 13 threaten
    ("China warned Taiwan of a military response.", "1384", "CHN", "TWN"),
    ("Ecuador issued an ultimatum to Peru.", "139", "ECU", "PER"),
    # 14 protest
    ("Thousands of Kenyans took to the streets of Nairobi.", "141", "KEN", None),
    ("Nigerian teachers went on strike over unpaid salaries.", "1432", "NGA", None),
    ("Palestinian youths threw stones at Israeli soldiers.", "145", "PSE", "ISR"),
    # 15 force posture
    ("Israel placed its troops on high alert along the Lebanese border.", "152", "ISR", None),
    ("North Korea tested a ballistic missile on Sunday.", "150", "PRK", None),
    ("Russia amassed troops near the Ukrainian border.", "154", "RUS", None),
    # 16 reduce relations
    ("Bolivia severed ties with Israel.", "161", "BOL", "ISR"),
    ("The United States reduced military aid to Egypt.", "1622", "USA", "EGY"),
    ("Canada slapped sanctions on Russian officials.", "163", "CAN", "RUS"),
    ("Chad expelled the United Nations observers.", "1662", "TCD", None),
    # 17 coerce
    ("Iran seized a British tanker in the Gulf.", "1711", "IRN", "GBR"),
    ("Burundi shut down the independent radio station.", "1721", "BDI", None),
    ("Liberian police used tear gas to disperse demonstrators in Monrovia.", "175", "LBR", None),
    # 18 assault
    ("Taliban militants detonated a bomb in a market in Kabul.", "183", None, None),
    ("The Taliban carried out a suicide bombing in Kabul.", "1831", None, None),
    # 19 fight
    ("Indian and Pakistani troops exchanged fire across the Kashmir frontier.", "190", "IND", None),
    ("Turkish forces launched an offensive against Kurdish militias in Syria.", "190", "TUR", None),
    ("Armenian forces violated the ceasefire in Karabakh.", "196", "ARM", None),
    # 20 mass violence
    ("Syrian government forces used chlorine against civilians in Douma.", "2041", "SYR", None),
    # sub-codes told apart by the complement or the object's modifier
    ("Jordan asked Britain for military aid.", "0232", "JOR", "GBR"),
    ("Morocco and Spain agreed on a new trade pact.", "0311", "MAR", "ESP"),
    ("Russia threatened to cut off gas supplies to Ukraine.", "131", "RUS", "UKR"),
    ("The United States threatened to cut aid to Honduras.", "1311", "USA", "HND"),
    ("Hamas threatened to break off talks with Israel.", "134", None, "ISR"),
    ("A Kurdish journalist was killed in a car bomb in Erbil.", "1832", None, None),
    ("Croatia is investigating war crimes by its soldiers.", "094", "HRV", None),
    ("Belarus scrapped restrictions on the opposition press.", "0811", "BLR", None),
    ("Germany gave Tunisia 5 million dollars of aid.", "071", "DEU", "TUN"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "code", "source", "target"), CASES)
def test_news_phrasing_is_coded(
    code_text: Callable[..., CodedDocument], text: str, code: str, source: str | None, target: str | None
) -> None:
    events = [e for e in code_text(text).events if e.cameo == code and not e.negated]
    assert events, f"no {code} in {[(e.cameo, e.entry) for e in code_text(text).events]}"
    if source is not None:
        assert any(e.source is not None and e.source.code.startswith(source) for e in events)
    if target is not None:
        assert any(e.target is not None and e.target.code.startswith(target) for e in events)


NOT_CODED = [
    # an inauguration is no promise
    ("The new president of Chile was sworn in on Monday.", "03"),
    # a landing is not a visit
    ("The French jet landed in Algiers on Monday.", "04"),
    # tear gas is not a chemical weapon
    ("Kenyan police used tear gas against protesters in Nairobi.", "20"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "root"), NOT_CODED)
def test_lookalike_is_not_coded(code_text: Callable[..., CodedDocument], text: str, root: str) -> None:
    assert all(e.cameo_root != root for e in code_text(text).events)
