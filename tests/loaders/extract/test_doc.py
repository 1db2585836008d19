"""The Doc, the normalised text the rules read, and how components declare what they read and write."""
from __future__ import annotations

import pytest

from govgraph.loaders.extract.doc import Doc, check_order, component, normalise
from govgraph.loaders.extract.pipeline import PIPELINE


@pytest.mark.parametrize("raw,want", [
    ("省委常委会(扩大)会议举行", "省委常委会（扩大）会议举行"),
    ("12月6日,市委书记许光友主持召开市委常委会,研究", "12月6日，市委书记许光友主持召开市委常委会，研究"),
    ("发布日期:2020-01-27", "发布日期：2020-01-27"),
    ("上午10:30举行,共1,200人", "上午10:30举行，共1,200人"),
    ("WTO (World Trade Organization)", "WTO (World Trade Organization)"),
])
def test_normalise_writes_ascii_punctuation_full_width_between_chinese(raw, want):
    assert normalise(raw) == want
    assert len(normalise(raw)) == len(raw)


def test_a_doc_keeps_the_text_as_written_and_the_rules_read_the_copy():
    d = Doc(text="市委常委会(扩大)会议")
    assert d.text == "市委常委会(扩大)会议" and d.norm == "市委常委会（扩大）会议"


def test_every_component_says_what_it_reads_and_writes_and_the_order_holds():
    for c in PIPELINE:
        assert c.info.assigns and c.__doc__
    check_order(PIPELINE)
    with pytest.raises(ValueError, match="needs"):
        check_order(list(reversed(PIPELINE)))


def test_a_component_cannot_name_a_field_the_doc_lacks():
    with pytest.raises(ValueError, match="fields the Doc does not have"):
        @component(requires=("nonsense",), assigns=("meetings",))
        def broken(doc):
            pass
