import pytest

from tacitus.clean import Cleaner
from tacitus.types import Document, RawArticle, ReadProblem


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    stage = Cleaner(date_order="DMY")
    stage.setup()
    return stage


def clean(cleaner: Cleaner, text: str, fmt: str = "md", **fields: str) -> Document:
    result = cleaner(RawArticle(origin="mem", text=text, fmt=fmt, **fields))
    assert isinstance(result, Document)
    return result


def test_markdown_syntax_and_promotion_lines_are_removed(cleaner: Cleaner) -> None:
    text = (
        "# Ankara *defies* Washington\n\nApril 5, 2019\n\n"
        "Turkey **rejected** the [American demand](https://example.com/a) to cancel\nthe purchase.\n\n"
        "![Jets on a runway](https://example.com/jets.jpg)\n\n"
        "Also on example.com: five things to know\n\nRead more: the missile deal explained\n\n"
        "Share this article\n\nThe talks will continue."
    )
    doc = clean(cleaner, text)
    assert doc.title == "Ankara defies Washington"
    assert doc.date == "2019-04-05"
    assert doc.clean_text == "Turkey rejected the American demand to cancel the purchase.\n\nThe talks will continue."
    assert doc.raw_text == text


def test_text_title_and_ambiguous_numeric_byline(cleaner: Cleaner) -> None:
    doc = clean(cleaner, "India recalls envoy\n05/03/2019\n\nIndia recalled its envoy.", fmt="txt")
    assert doc.title == "India recalls envoy"
    assert doc.date == "2019-03-05"
    assert doc.date_ambiguous
    assert doc.clean_text == "India recalled its envoy."


def test_date_sources_in_order_of_trust(cleaner: Cleaner) -> None:
    text = "Title line\nMarch 1, 2019\n\nBody sentence here."
    assert clean(cleaner, text, fmt="txt").date == "2019-03-01"
    assert clean(cleaner, text, fmt="jsonl", date="2019-02-02").date == "2019-02-02"
    override = cleaner(RawArticle(origin="mem", text=text, fmt="txt"), date_override="2020-01-01")
    assert isinstance(override, Document) and override.date == "2020-01-01"


def test_a_date_inside_a_long_sentence_is_not_a_byline(cleaner: Cleaner) -> None:
    text = "Heading\n\nThe treaty signed on April 5, 2019 by both governments was suspended by Russia on Friday."
    doc = clean(cleaner, text, fmt="txt")
    assert doc.date is None
    assert "April 5, 2019" in doc.clean_text


def test_ids_are_the_given_id_or_the_content_hash(cleaner: Cleaner) -> None:
    first = clean(cleaner, "Same body.", fmt="jsonl")
    again = clean(cleaner, "Same   body.", fmt="jsonl")
    assert first.doc_id == again.doc_id == first.content_hash[:16]
    assert clean(cleaner, "Same body.", fmt="jsonl", given_id="wire-1").doc_id == "wire-1"


def test_html_navigation_and_footer_are_dropped(cleaner: Cleaner) -> None:
    html = (
        "<html><head><title>Estonia protests</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Estonia protests</h1><time datetime='2019-06-12'>12 June 2019</time>"
        "<p>Estonia summoned the Russian ambassador on Wednesday after two jets crossed into its airspace.</p>"
        "<p>Russia denied that its aircraft had entered Estonian airspace at any point during the flight.</p>"
        "</article><footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"
    )
    doc = clean(cleaner, html, fmt="html")
    assert doc.title == "Estonia protests"
    assert doc.date == "2019-06-12"
    assert "Estonia summoned the Russian ambassador" in doc.clean_text
    assert "Home" not in doc.clean_text and "Copyright" not in doc.clean_text


def test_nothing_left_after_cleaning_is_a_problem(cleaner: Cleaner) -> None:
    result = cleaner(RawArticle(origin="x.md", text="# Only a title\n\nSubscribe to our newsletter", fmt="md"))
    assert isinstance(result, ReadProblem)
    assert "empty after cleaning" in result.message
