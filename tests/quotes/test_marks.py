import time

from tacitus.quotes.marks import find_segments


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "we are ready" and she said “so are we” on Monday.'
    assert quoted(text) == ["we are ready", "so are we"]


def test_single_quotes_inside_double_are_not_separate_quotes() -> None:
    text = "“The envoy told us ‘no deal’ twice,” the minister said."
    assert quoted(text) == ["The envoy told us ‘no deal’ twice,"]


def test_apostrophes_are_not_marks() -> None:
    text = "Don’t ask O’Neill about the ’90s, the officials’ leader said."
    assert quoted(text) == []


def test_headline_single_quotes() -> None:
    text = "Minister: 'We will not retreat'\nThe minister spoke in the capital."
    assert quoted(text) == ["We will not retreat"]


def test_doubled_apostrophes_as_marks() -> None:
    text = "''We will see,'' the governor said."
    assert quoted(text) == ["We will see,"]


def test_quote_reopened_in_each_paragraph_is_linked() -> None:
    text = "“The first part ends here.\n\n“The second part goes on.\n\n“The last part closes,” she said."
    segments = find_segments(text)
    assert [text[s.start : s.end].strip() for s in segments] == [
        "The first part ends here.",
        "The second part goes on.",
        "The last part closes,",
    ]
    assert segments[0].following is segments[1] and segments[1].following is segments[2]
    assert segments[2].previous is segments[1] and segments[2].closed and not segments[0].closed


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = 'The mayor said "the bridge will open soon.\nThe council met on Friday. "We agree," a member said.'
    segments = find_segments(text)
    first = segments[0]
    assert not first.closed and first.end == text.index("\n")
    assert text[segments[1].start : segments[1].end] == "We agree,"


def test_long_unclosed_quote_is_dropped() -> None:
    text = 'A "stray mark ' + "and more words " * 200
    assert find_segments(text) == []


def test_thousands_of_marks_in_one_paragraph_take_linear_time() -> None:
    def run(repeats: int) -> float:
        text = 'word "a" ' * repeats + '"open ' * repeats + "’ ' ‘ " * repeats
        began = time.perf_counter()
        segments = find_segments(text)
        assert all(0 < s.end - s.start <= 6000 for s in segments)
        return time.perf_counter() - began

    small, large = run(5_000), run(20_000)
    assert large < small * 8 + 0.5


def test_two_megabyte_single_paragraph() -> None:
    sentence = 'The delegation said "talks continue" while observers waited for news of "progress. '
    text = sentence * (2_000_000 // len(sentence))
    began = time.perf_counter()
    segments = find_segments(text)
    assert time.perf_counter() - began < 10
    assert segments and all(s.end - s.start <= 6000 for s in segments)
