import time
from collections.abc import Callable
from typing import Any

import pytest

from tacitus.pipeline import DocumentCoder
from tacitus.quotes import QuoteFinder
from tacitus.types import Quote
from tests.conftest import make_document


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    found = QuoteFinder()
    found.setup()
    return found


@pytest.fixture(scope="module")
def quotes(document_coder: DocumentCoder, finder: QuoteFinder) -> Callable[[str], list[Quote]]:
    def run(text: str) -> list[Quote]:
        doc = document_coder.parser.nlp(text)
        return finder(doc, make_document(text), document_coder.actors.analyse(doc))

    return run


def only(found: list[Quote], kind: str | None = None) -> Quote:
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def speaker(quote: Quote) -> tuple[str, Any, Any]:
    assert quote.speaker is not None
    return quote.speaker.text, quote.speaker.country, quote.speaker.sector


def test_inverted_attribution_with_title(quotes: Callable[[str], list[Quote]]) -> None:
    text = '"A joint committee is not needed at this point," said Pentagon spokesman Carl Denholm.'
    quote = only(quotes(text))
    assert quote.kind == "direct"
    assert quote.text == "A joint committee is not needed at this point"
    assert text[quote.start : quote.end] == quote.text
    assert speaker(quote) == ("Pentagon spokesman Carl Denholm", "USA", "MIL")
    assert quote.cue is not None and quote.cue.text == "said"


def test_trailing_attribution_and_interrupted_quote(quotes: Callable[[str], list[Quote]]) -> None:
    text = "“We will not accept new conditions,” the Iranian foreign minister said, “and nobody should expect it.”"
    found = quotes(text)
    assert [q.text for q in found] == ["We will not accept new conditions", "and nobody should expect it."]
    assert {speaker(q)[1:] for q in found} == {("IRN", "GOV")}
    assert all(q.cue is not None and q.cue.text == "said" for q in found)


def test_colon_introduction_and_multi_sentence_quote(quotes: Callable[[str], list[Quote]]) -> None:
    text = 'The Japanese prime minister said: "Our patrols will continue. We see no reason to stop them."'
    quote = only(quotes(text))
    assert quote.text == "Our patrols will continue. We see no reason to stop them."
    assert speaker(quote)[1:] == ("JPN", "GOV")


def test_apposition_names_the_speaker(quotes: Callable[[str], list[Quote]]) -> None:
    text = '"The border stays open," said Lena Marsh, a spokeswoman for the Canadian government.'
    quote = only(quotes(text))
    assert quote.speaker is not None and quote.speaker.text == "Lena Marsh"


def test_uncoded_speaker_is_kept_without_a_code(quotes: Callable[[str], list[Quote]]) -> None:
    quote = only(quotes('"It was a long night," said Tomas Verhoeven.'))
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.country, quote.speaker.sector, quote.speaker.code) == (
        "Tomas Verhoeven",
        None,
        None,
        "",
    )


def test_pronoun_and_role_noun_resolve_to_the_earlier_person(quotes: Callable[[str], list[Quote]]) -> None:
    text = (
        "Turkish Foreign Minister Mevlut Cavusoglu arrived in Berlin on Tuesday.\n\n"
        '"We came to listen," he told reporters.\n\n'
        "Talks will resume in May, the minister said."
    )
    found = quotes(text)
    direct = only(found, "direct")
    assert speaker(direct) == ("Turkish Foreign Minister Mevlut Cavusoglu", "TUR", "GOV")
    indirect = only(found, "indirect")
    assert indirect.text == "Talks will resume in May"
    assert speaker(indirect)[0] == "Turkish Foreign Minister Mevlut Cavusoglu"


def test_paragraph_without_cue_inherits_the_speaker(quotes: Callable[[str], list[Quote]]) -> None:
    text = (
        '"The sanctions hurt ordinary people," the Russian ambassador said on Friday.\n\n'
        '"They do nothing to change policy."\n\n'
        "The meeting ended without a statement."
    )
    found = quotes(text)
    assert [q.text for q in found] == ["The sanctions hurt ordinary people", "They do nothing to change policy."]
    assert speaker(found[1]) == speaker(found[0])
    assert speaker(found[0])[1:] == ("RUS", "GOV")


def test_quote_over_several_paragraphs_reopens_each_paragraph(quotes: Callable[[str], list[Quote]]) -> None:
    text = (
        "“We have waited for a reply since March.\n\n"
        "“Our patience is not endless,” the Indian foreign secretary said.\n\n"
        "Officials declined to comment."
    )
    found = quotes(text)
    assert [q.text for q in found] == ["We have waited for a reply since March.", "Our patience is not endless"]
    assert all(speaker(q)[1:] == ("IND", "GOV") for q in found)


def test_mixed_quote(quotes: Callable[[str], list[Quote]]) -> None:
    text = 'Russia said the new missiles "will not be a threat" to its neighbours.'
    quote = only(quotes(text))
    assert quote.kind == "mixed"
    assert quote.text == 'the new missiles "will not be a threat" to its neighbours'
    assert speaker(quote)[:2] == ("Russia", "RUS")


def test_indirect_speech(quotes: Callable[[str], list[Quote]]) -> None:
    found = quotes("China said that the exercises were routine. Germany reiterated its support for the talks.")
    assert [(q.kind, q.text, speaker(q)[1]) for q in found] == [
        ("indirect", "that the exercises were routine", "CHN"),
        ("indirect", "its support for the talks", "DEU"),
    ]
    assert [q.cue.text for q in found if q.cue] == ["said", "reiterated"]


def test_according_to(quotes: Callable[[str], list[Quote]]) -> None:
    found = quotes("According to the French defence ministry, two ships left the port.")
    quote = only(found)
    assert (quote.kind, quote.text) == ("indirect", "two ships left the port.")
    assert quote.cue is not None and quote.cue.text == "According to"
    assert speaker(quote)[1:] == ("FRA", "MIL")


def test_nested_single_quotes_stay_inside(quotes: Callable[[str], list[Quote]]) -> None:
    text = "“They told us ‘wait another year’ and we waited,” the Kenyan president said."
    quote = only(quotes(text))
    assert quote.text == "They told us ‘wait another year’ and we waited"


def test_headline_quote(quotes: Callable[[str], list[Quote]]) -> None:
    text = "Kenyatta: 'We will not be rushed'\nThe president spoke in Nairobi on Monday."
    quote = only(quotes(text))
    assert quote.text == "We will not be rushed"
    assert quote.speaker is not None and quote.speaker.text == "Kenyatta"


def test_scare_quotes_and_titles_are_not_quotes(quotes: Callable[[str], list[Quote]]) -> None:
    assert quotes('The so-called "peace plan" was shown on "Sunday Politics Weekly" last night.') == []


def test_unclosed_quote_does_not_swallow_the_article(quotes: Callable[[str], list[Quote]]) -> None:
    text = (
        'The Brazilian president said "the deal is dead.\n\n'
        "Markets fell on the news.\n\n"
        '"Nothing is settled," the Argentine economy minister said.'
    )
    found = quotes(text)
    assert all("Markets fell" not in q.text for q in found)
    last = found[-1]
    assert last.text == "Nothing is settled"
    assert speaker(last)[1] == "ARG"


def test_quote_ids_are_stable_and_records_match_the_text(quotes: Callable[[str], list[Quote]]) -> None:
    text = '"Aid will arrive this week," the Egyptian government said. Egypt also said that the crossing would open.'
    first, second = quotes(text), quotes(text)
    assert [q.quote_id for q in first] == [q.quote_id for q in second]
    assert len({q.quote_id for q in first}) == len(first) == 2
    for quote in first:
        assert text[quote.start : quote.end] == quote.text
        assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == quote.cue.text
        assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@pytest.mark.slow
def test_many_marks_and_unclosed_quotes_do_not_break_the_document(quotes: Callable[[str], list[Quote]]) -> None:
    noise = 'He wrote " and " and “ then ” again ‘ and ’ " ' * 300
    text = noise + '\n\n"The border is closed," the Polish interior minister said.\n\n"unclosed ' + "words " * 300
    found = quotes(text)
    assert any(q.text == "The border is closed" and q.speaker and q.speaker.country == "POL" for q in found)
    assert all(q.end - q.start < 6000 for q in found)


@pytest.mark.slow
def test_finding_quotes_takes_linear_time(document_coder: DocumentCoder, finder: QuoteFinder) -> None:
    unit = 'The Polish minister said "talks continue" while "observers waited. "It is late," he said. '

    def seconds(repeats: int) -> float:
        text = "Header line\n" + unit * repeats + ' "never closed'
        doc = document_coder.parser.nlp(text)
        actors = document_coder.actors.analyse(doc)
        began = time.perf_counter()
        found = finder(doc, make_document(text), actors)
        elapsed = time.perf_counter() - began
        assert len(found) >= repeats and all(q.end - q.start < 200 for q in found)
        return elapsed

    small, large = seconds(100), seconds(400)
    assert large < small * 10 + 1.0
