"""The tour notebook runs top to bottom and produces its tables and the inline viewer."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def test_tour_notebook_executes(tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "tour.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    tables = [o["data"]["text/html"] for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]
    assert len(tables) >= 3, "three query results shown as tables"
    assert all("<td>" in t for t in tables), "every table has at least one row"
    assert any("<iframe" in o.get("data", {}).get("text/html", "") for o in outputs), "viewer shown inline"
    assert (ROOT / "out" / "graph.ttl").exists()
