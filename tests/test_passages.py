from mapapp.passages import MAX_PASSAGE_CHARS, mask_markup, passage_at, split_passages


def texts(text):
    return [text[a:b] for a, b in split_passages(text)]


def test_it_splits_sentences_and_keeps_closing_quotes():
    text = 'Mr. Smith went to Washington. He said "no." Then U.S. troops left.'
    assert texts(text) == ["Mr. Smith went to Washington.", 'He said "no."', "Then U.S. troops left."]


def test_it_ends_a_passage_at_a_line_break():
    assert texts("Heading\nBody text here. More.") == ["Heading", "Body text here.", "More."]


def test_it_keeps_initials_inside_a_caption():
    assert texts("Image: picture-alliance/AP Photo/E. Vucci") == ["Image: picture-alliance/AP Photo/E. Vucci"]


def test_it_returns_nothing_for_empty_or_blank_text():
    assert split_passages("") == []
    assert split_passages(" \n\t ") == []


def test_it_bounds_a_passage_in_text_without_stops():
    text = "word " * 5000
    spans = split_passages(text)
    assert len(spans) > 1
    assert all(0 < end - start <= MAX_PASSAGE_CHARS for start, end in spans)


def test_it_finds_the_passage_that_holds_an_offset():
    text = "First one. Second one here."
    spans = split_passages(text)
    assert text.__getitem__(slice(*passage_at(spans, text.index("Second")))) == "Second one here."


def test_it_splits_arabic_and_cyrillic_text():
    assert len(split_passages("قصف في حلب. نزح السكان.")) == 2
    assert len(split_passages("Обстрел Донецка продолжается. Жители уезжают.")) == 2


def test_masking_markup_blanks_tags_and_scripts_but_keeps_offsets():
    text = '<p>Shelling in <b>Idlib</b>.</p><script>alert("Damascus")</script>'
    masked = mask_markup(text)
    assert len(masked) == len(text)
    assert "Idlib" in masked and masked.index("Idlib") == text.index("Idlib")
    assert "Damascus" not in masked and "<" not in masked
