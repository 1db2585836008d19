"""What a writer remembers of the chunks it handed to its store (graph/written.py)."""
from __future__ import annotations

from govgraph.graph import written as w
from govgraph.graph.written import Written


def test_a_node_is_written_again_only_when_its_lines_change():
    mem = Written()
    assert mem.new_node("meeting/1", b'<m> <date> "2023-01-01" .\n')
    assert not mem.new_node("meeting/1", b'<m> <date> "2023-01-01" .\n')
    assert mem.new_node("meeting/1", b'<m> <date> "2023-01-02" .\n')  # a later report dates it otherwise
    assert mem.new_node("meeting/2", b'<m> <date> "2023-01-01" .\n')


def test_statements_and_names_are_new_once_and_forget_clears_all_three():
    mem = Written()
    assert mem.new_statement("st") and not mem.new_statement("st")
    assert mem.new_name("body/1") and not mem.new_name("body/1")
    assert mem.new_node("n", b"x") and not mem.new_node("n", b"x")
    mem.forget()
    assert mem.new_statement("st") and mem.new_name("body/1") and mem.new_node("n", b"x")


def test_a_full_memory_empties_and_writes_again(monkeypatch):
    monkeypatch.setattr(w, "STATEMENTS_KEPT", 2)
    mem = Written()
    assert mem.new_statement("a") and mem.new_statement("b")
    assert mem.new_statement("c")  # full: emptied, so "a" is new again
    assert mem.new_statement("a")
