from tacitus.dedup.minhash import BANDS, band_keys, shingles, signature, similarity

STORY = (
    "The coast guard of Norway rescued eleven fishermen from a trawler that caught fire in the Barents Sea "
    "on Sunday night. A helicopter lifted the crew to safety in strong winds, and two of the men were taken "
    "to hospital in Tromso with burns. The owner of the vessel said the fire began in the engine room. "
    "Russian rescue services, which had been alerted, thanked their Norwegian colleagues for the quick response."
)
EDITED = STORY.replace("on Sunday night", "late on Sunday").replace("strong winds", "very strong winds")
OTHER = (
    "Parliament in Chile approved a bill to raise the minimum wage in two steps over the coming year. "
    "Business groups warned that small firms would struggle, while unions called the increase too small."
)


def test_shingles_are_word_trigrams_ignoring_case_and_punctuation() -> None:
    assert shingles("One, two THREE four.") == {"one two three", "two three four"}
    assert shingles("Two words") == {"two words"}
    assert shingles("  ... ") == set()
    assert signature("?!") is None


def test_similar_texts_have_similar_signatures() -> None:
    story, edited, other = signature(STORY), signature(EDITED), signature(OTHER)
    assert story is not None and edited is not None and other is not None
    assert similarity(story, story) == 1.0
    assert similarity(story, edited) >= 0.6
    assert similarity(story, other) < 0.2
    assert len(band_keys(story)) == BANDS
    assert set(band_keys(story)) & set(band_keys(edited))
    assert not set(band_keys(story)) & set(band_keys(other))


def test_signatures_do_not_depend_on_the_process() -> None:
    first = signature(STORY)
    assert first is not None
    assert first.tolist() == signature(STORY).tolist()  # type: ignore[union-attr]
    assert first.dtype.name == "uint32"
