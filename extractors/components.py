"""spaCy components of the newsclaims pipeline (placeholder, being implemented)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsclaims_figures", default_config={})
def make_figure_component(nlp: Language, name: str):  # noqa: ANN201
    def component(doc: Doc) -> Doc:
        return doc

    return component
