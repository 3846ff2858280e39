"""Benchmark steps 1–3 (read's decode, clean, split) against ``jieba.cut`` on the same texts.

The pipeline as a whole must run at ≥ 1/4 of ``jieba.cut``'s speed, i.e. take at most 4× jieba's
time; clean + split may use at most 1/20 of that budget, i.e. 0.2× jieba's time — they must run
at ≥ 5× jieba's speed. Each figure is the best of ``--rounds`` interleaved rounds (the machine is
shared, so the best round is the least disturbed one), on one core, after a warm-up.

    /work/venv/bin/python bench/clean_split_bench.py
    /work/venv/bin/python bench/clean_split_bench.py some/folder --rounds 5
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = [ROOT / "seeds", ROOT.parent / "shared" / "data" / "msra-val" / "docs"]
GOAL = 5.0  # clean + split speed ÷ jieba.cut speed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[p for p in DEFAULT_CORPUS if p.exists()])
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)

    import jieba

    from kg.clean import clean
    from kg.doc import Doc
    from kg.read import ReadError, decode, find_inputs
    from kg.split import split

    jieba.setLogLevel(60)
    blobs = []
    for f in find_inputs(a.paths):
        try:
            data = f.read_bytes()
            decode(data, str(f))
            blobs.append(data)
        except (OSError, ReadError):
            pass
    texts = [decode(b)[0] for b in blobs]
    n = sum(map(len, texts))
    list(jieba.cut(texts[0]))  # load the dictionary

    def run_ours() -> None:
        for b in blobs:
            text, enc = decode(b)
            split(clean(Doc(path="x", raw=text, encoding=enc)))

    def run_jieba() -> None:
        for t in texts:
            list(jieba.cut(t))

    best = {"ours": float("inf"), "jieba": float("inf")}
    for _ in range(a.rounds):
        for name, fn in (("ours", run_ours), ("jieba", run_jieba)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    ratio = best["jieba"] / best["ours"]
    print(f"{len(texts)} files, {n:,} characters")
    print(f"decode+clean+split {n / best['ours']:>12,.0f} chars/s")
    print(f"jieba.cut          {n / best['jieba']:>12,.0f} chars/s")
    print(f"ratio {ratio:.1f}x jieba (goal ≥ {GOAL:.0f}x: {'met' if ratio >= GOAL else 'NOT met'})")
    return 0 if ratio >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
