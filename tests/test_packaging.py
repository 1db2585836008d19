"""The wheel holds every module and data file of the four folders: nothing can be dropped silently."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import ROOT

TOP = ("graph", "loaders", "ontology", "queries")


def test_the_wheel_holds_every_file_of_the_four_folders(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel, = tmp_path.glob("govgraph-*.whl")
    inside = {n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("govgraph/")}
    want = {"govgraph/" + str(f.relative_to(ROOT)) for top in TOP for f in (ROOT / top).rglob("*")
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc"}
    want = {n.replace("govgraph/graph/root/", "govgraph/") for n in want}  # graph/root is the package itself
    assert len(want) > 60
    assert not want - inside, f"left out of the wheel: {sorted(want - inside)}"
    assert "govgraph/loaders/extract/lexicon/surnames.txt" in inside
    assert "govgraph/__init__.py" in inside  # import govgraph: the Python API
    assert "govgraph/queries/meetings_chaired_by.cypher" in inside
