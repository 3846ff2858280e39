"""`kg build` end to end, as a user runs it (README command 1)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_build_seeds_writes_turtle_html_and_summary(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", "seeds", "-o", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert (out / "graph.ttl").stat().st_size > 0
    assert (out / "graph.html").stat().st_size > 0
    summary = r.stdout
    assert "documents  5" in summary
    for t in ("Person", "Place", "Organization", "Program", "Event", "Award"):
        assert t in summary
    assert "seconds" in summary
    assert "Traceback" not in r.stderr


def test_build_with_nothing_readable_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path), "-o", str(tmp_path / "out")],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "empty.txt" in r.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
