"""Benchmark step 7 (write): documents + resolution → rdflib graph → Turtle bytes, as the input grows.

Extracts the corpus once (default: ``seeds/`` and ``../shared/data/msra-val/docs``), then repeats
the extracted documents under new paths ×1, ×4, ×16 … (``--scales``) so the writer sees many
documents without waiting for extraction. For each scale it prints documents, triples, seconds
for ``to_graph`` and for ``turtle_bytes``, and triples per second: a writer linear in its input
keeps triples/s flat as the scale grows.

    /work/venv/bin/python bench/write_bench.py
    /work/venv/bin/python bench/write_bench.py --scales 1 10 100
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = [ROOT / "seeds", ROOT.parent / "shared" / "data" / "msra-val" / "docs"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scales", nargs="+", type=int, default=[1, 4, 16])
    a = ap.parse_args()

    from kg.pipeline import extract_doc
    from kg.read import ReadError, find_inputs, read_file
    from kg.resolve import resolve
    from kg.write import to_graph
    from kg.write.turtle import turtle_bytes

    docs = []
    for f in find_inputs([p for p in a.corpus if p.exists()]):
        try:
            docs.append(extract_doc(read_file(f)))
        except ReadError as e:
            print(f"skipped: {e}", file=sys.stderr)
    print(f"corpus: {len(docs)} documents, {sum(len(d.text) for d in docs)} characters")
    print(f"{'scale':>5} {'docs':>6} {'triples':>9} {'to_graph s':>10} {'turtle s':>9} {'triples/s':>10}")
    for k in a.scales:
        batch = []
        for i in range(k):
            for d in docs:
                c = copy.copy(d)
                c.path = f"copy{i}/{d.path}"
                batch.append(c)
        res = resolve(batch)
        t0 = time.perf_counter()
        g = to_graph(batch, res)
        t1 = time.perf_counter()
        data = turtle_bytes(g)
        t2 = time.perf_counter()
        print(f"{k:>5} {len(batch):>6} {len(g):>9} {t1 - t0:>10.2f} {t2 - t1:>9.2f} {len(g) / (t2 - t0):>10.0f}  ({len(data) >> 10} KiB)")


if __name__ == "__main__":
    main()
