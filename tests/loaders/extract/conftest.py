"""Running the pipeline up to one component over one sentence."""
from __future__ import annotations

from datetime import date

import pytest

from govgraph.loaders.extract.doc import Doc
from govgraph.loaders.extract.pipeline import PIPELINE, run


@pytest.fixture
def upto():
    """``upto(component, text, **doc_fields)``: the Doc after the pipeline has run up to that component."""
    def make(component, text: str, **fields) -> Doc:
        fields.setdefault("published", date(2024, 3, 20))
        return run(Doc(text=text, **fields), PIPELINE[:PIPELINE.index(component) + 1])
    return make
