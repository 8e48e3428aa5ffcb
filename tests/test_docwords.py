"""``DocWords`` reads the same words as the ``Token`` attributes it stands in for."""

from processors.docwords import DocWords


def test_columns_match_token_attributes(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("The KREMLIN Denied it. Allegations that Putin’s aides were behind the Talks were rejected.")
    words = DocWords.of(doc)
    assert words.text == [t.text for t in doc]
    assert words.lower == [t.lower_ for t in doc]
    assert words.lemma == [t.lemma_.lower() for t in doc]


def test_lemma_lookups_stay_inside_the_range(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Moscow denied it. Kyiv denied it too.")
    words = DocWords.of(doc)
    first, second = doc.sents
    assert words.with_lemma(first.start, first.end, {"deny"}) == [1]
    assert words.with_lemma(second.start, second.end, {"deny"}) == [second.start + 1]
    assert words.has_lemma(second.start, second.end, {"too"})
    assert not words.has_lemma(first.start, first.end, {"too"})


def test_an_empty_doc_has_no_words(nlp):  # type: ignore[no-untyped-def]
    words = DocWords.of(nlp(""))
    assert words.text == words.lower == words.lemma == []
