"""The text, lower-cased form, lemma and part of speech of every token of a document, read once.

Extraction looks for cue words (reporting verbs, event triggers, denial verbs) in every
sentence of every article. Reading ``token.lemma_`` for that builds a spaCy ``Token`` object
per token and per pass, which cost more than everything else extraction does. ``DocWords``
reads the columns once with ``Doc.to_array``; the passes test plain list entries against
their cue sets and make ``Token`` objects only where a cue is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class DocWords:
    """``text[i]`` is ``doc[i].text``, ``lower[i]`` its ``lower_``, ``lemma[i]`` its
    ``lemma_.lower()`` and ``pos[i]`` its ``pos_``."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, LOWER, LEMMA, POS]).tolist() if len(doc) else []
        return cls(
            [strings[orth] for orth, _, _, _ in columns],
            [strings[lower] for _, lower, _, _ in columns],
            [strings[lemma].lower() for _, _, lemma, _ in columns],
            [strings[pos] for _, _, _, pos in columns],
        )

    def with_lemma(self, start: int, end: int, cues: Collection[str]) -> list[int]:
        """Positions in ``[start, end)`` whose lemma is one of ``cues``."""
        lemma = self.lemma
        return [i for i in range(start, end) if lemma[i] in cues]

    def has_lemma(self, start: int, end: int, cues: Collection[str]) -> bool:
        """Whether a token in ``[start, end)`` has one of ``cues`` as its lemma."""
        lemma = self.lemma
        return any(lemma[i] in cues for i in range(start, end))
