"""Benchmark extraction speed against ``jieba.cut`` on the same texts, in the same run.

For every file of the corpus (default: ``seeds/`` and ``../shared/data/msra-val/docs``) it times

* ``jieba.cut``: ``list(jieba.cut(text))`` — the yardstick;
* the full extraction pipeline: ``kg.pipeline.extract`` (clean → split → recognize → relate);
* the CRF tagger alone (``kg.recognize.statistical.recognize`` on the split document), on top
  of the jieba segmentation that the rules recognisers share (``tokens.tokens_of``), which is
  timed on its own;

on one core, each as the best of ``--rounds`` interleaved rounds (the machine is shared, so the
best round is the least disturbed one), after a warm-up that loads every dictionary and model.
It prints characters per second, the ratio pipeline ÷ jieba (the goal is ≥ 0.25) and the peak
resident memory of the process (``getrusage`` maxrss).

    /work/venv/bin/python bench/extract_bench.py
    /work/venv/bin/python bench/extract_bench.py some/folder --rounds 5
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # single core, as the goal is stated
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = [ROOT / "seeds", ROOT.parent / "shared" / "data" / "msra-val" / "docs"]
GOAL = 0.25


def load_texts(paths: list[Path]) -> list[tuple[str, str]]:
    from kg.read import ReadError, find_inputs, read_file

    out = []
    for f in find_inputs(paths):
        try:
            out.append((str(f), read_file(f).raw))
        except ReadError as e:
            print(f"warning: {e}", file=sys.stderr)
    return out


def best_time(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(paths: list[Path], rounds: int = 3) -> dict[str, float]:
    import jieba

    from kg.clean import clean
    from kg.doc import Doc
    from kg.pipeline import extract
    from kg.recognize import statistical
    from kg.recognize.tokens import tokens_of, view
    from kg.split import split

    texts = load_texts(paths)
    chars = sum(len(t) for _, t in texts)
    t0 = time.perf_counter()
    jieba.initialize()
    extract("记者张三在北京市报道。", path="warm.txt")  # load every dictionary and model
    load = time.perf_counter() - t0
    docs = [split(clean(Doc(path=p, raw=t))) for p, t in texts]

    def cut():
        for _, t in texts:
            list(jieba.cut(t))

    def pipeline():
        for p, t in texts:
            extract(t, path=p)

    def segment():  # the shared jieba segmentation the rules recognisers make anyway
        for d in docs:
            tokens_of(view(d))

    def segment_crf():
        for d in docs:
            tokens_of(view(d))
            statistical.recognize(d)

    times = {"jieba": [], "pipeline": [], "segment": [], "segment_crf": []}
    for _ in range(rounds):  # interleave so that a busy moment hits all alike
        times["jieba"].append(best_time(cut, 1))
        times["pipeline"].append(best_time(pipeline, 1))
        times["segment"].append(best_time(segment, 1))
        times["segment_crf"].append(best_time(segment_crf, 1))
    times["crf"] = [max(min(times["segment_crf"]) - min(times["segment"]), 1e-9)]
    res = {
        "files": len(texts),
        "chars": chars,
        "load_s": round(load, 2),
        **{f"{k}_chars_per_s": round(chars / min(v)) for k, v in times.items()},
    }
    res["ratio"] = round(res["pipeline_chars_per_s"] / res["jieba_chars_per_s"], 3)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    r = run(args.paths, args.rounds)
    print(f"{r['files']} files, {r['chars']:,} characters (load {r['load_s']} s)")
    print(f"jieba.cut      {r['jieba_chars_per_s']:>10,} chars/s")
    print(f"pipeline       {r['pipeline_chars_per_s']:>10,} chars/s")
    print(f"  segmentation {r['segment_chars_per_s']:>10,} chars/s (jieba.tokenize, shared by the recognisers)")
    print(f"  crf tagger   {r['crf_chars_per_s']:>10,} chars/s (on top of the shared segmentation)")
    verdict = "ok" if r["ratio"] >= GOAL else "TOO SLOW"
    print(f"ratio pipeline/jieba = {r['ratio']:.3f} (goal ≥ {GOAL}: {verdict})")
    print(f"peak memory (maxrss) = {r['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
