"""The lexicons are data files, one entry a line: every file loads, and none lists an entry twice."""
from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from govgraph.loaders.extract import lexicon

FILES = sorted(f.name for f in resources.files(lexicon.__name__).iterdir() if f.name.endswith((".txt", ".tsv")))


def test_the_lexicon_files_are_there():
    assert {"surnames.txt", "compound_surnames.txt", "titles.tsv", "group_labels.txt", "after_name.txt",
            "body_ends.txt", "kind_body_tails.txt"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_no_entry_twice(name):
    entries = [row.split("\t")[0] for row in lexicon.entries(name)]
    assert entries, f"{name} is empty"
    twice = [e for e, n in Counter(entries).items() if n > 1]
    assert not twice, f"{name} lists {twice} more than once"


def test_entries_are_clean_words():
    for name in FILES:
        for row in lexicon.entries(name):
            word = row.split("\t")[0]
            assert word == word.strip() and " " not in word, (name, row)


def test_what_the_rules_get_from_the_files():
    assert "王" in lexicon.SURNAMES and "欧阳" in lexicon.COMPOUND_SURNAMES
    assert lexicon.BODY_OF_BARE_TITLE["副市长"] == "市政府" and lexicon.BODY_OF_BARE_TITLE["总理"] == "国务院"
    assert lexicon.has_surname("邓群策") and not lexicon.has_surname("会议")
    assert lexicon.BODY_END_RE.search("衡阳市委常委会") and not lexicon.BODY_END_RE.search("衡阳市")
    forms = lexicon.MEETING_KIND_FORMS
    assert forms.index("党组扩大会议") < forms.index("扩大会议") < forms.index("会议")  # longest first
    assert "常委会（扩大）会议" in forms and "常务会议" in forms
