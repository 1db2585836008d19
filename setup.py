"""Package discovery for the design card's layout: each top-level folder is a subpackage of ``govgraph``.

``graph/``, ``loaders/``, ``ontology/`` and ``queries/`` install as ``govgraph.graph`` and so on, and
``graph/root/`` is the ``govgraph`` package itself (``import govgraph``: the Python API). Every folder
below them is found here, and every non-Python file in it ships as package data, so a
new module, folder or data file can never be left out of the wheel (tests/test_packaging.py builds the wheel
and checks). Everything else about the project is in pyproject.toml.
"""
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).parent
TOP = ("graph", "loaders", "ontology", "queries")
ROOT_PACKAGE = "graph/root"  # the ``govgraph`` package itself: the Python API's front door
SKIP = {"__pycache__"}


def _packages() -> dict[str, Path]:
    """Every folder under the four that holds a file: a package, or a data folder (templates, samples)."""
    out = {}
    for top in TOP:
        for folder in [ROOT / top, *sorted(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if (SKIP & set(folder.relative_to(ROOT).parts) or folder == ROOT / ROOT_PACKAGE
                    or not any(f.is_file() for f in folder.iterdir())):
                continue
            out["govgraph." + ".".join(folder.relative_to(ROOT).parts)] = folder
    return out


def _data(folder: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir()
                  if f.is_file() and f.suffix not in (".py", ".pyc") and not f.name.startswith("."))


PACKAGES = {"govgraph": ROOT / ROOT_PACKAGE, **_packages()}
setup(
    packages=list(PACKAGES),
    package_dir={"govgraph": ROOT_PACKAGE, **{"govgraph." + top: top for top in TOP}},
    package_data={name: _data(folder) for name, folder in PACKAGES.items() if _data(folder)},
)
