"""Train the CRF tagger behind ``statistical.py`` (``python -m kg.recognize.crf_train``).

Training data (research-use public sets in ``../shared/data``; see its README — the data itself
never ships, only the trained model does):

- ``msra-val`` — MSRA NER (SIGHAN 2006) validation split, 3,000 sentences, PER/LOC/ORG;
- ``pd-dev`` — People's Daily 1998 NER dev split, 2,318 sentences, PER/LOC/ORG;
- ``cluener2020`` train + dev (CLUENER2020, arXiv:2001.04351), 12,091 sentences, mapped:
  name → Person; company, government, organization → Organization; address, scene → Place
  (an address that strings several divisions together, 西昌市太和镇, is cut after each
  division suffix, as MSRA tags each division alone); position, book, movie, game → no entity.

msra-val and pd-dev come as documents with a document-level list of gold names, so sentence
labels are recovered by marking every occurrence of a gold name, longest first. A single-character
gold name (中, 美, 京 …) is marked only where jieba leaves it a word of its own and it sits beside
another one (中美), after a visit verb (访华, 驻京) or before 方/军/籍 (美方); a one-character person
only before 老/总/某 or after 老/小. Elsewhere 日 or 中 is a date or 'in', not a place.

Seeds are fixed (CRFsuite's L-BFGS is deterministic; folds are cut by document index), so the same
data gives the same model.

Model: 7 labels (BIO × PER/LOC/ORG), L-BFGS with L1 0.1 / L2 0.05, 150 iterations; 7–8 MB,
plus its compiled numpy tables (``ner.npz``, < 1 MB). Training takes 10–20 min on the 2 shared
cores. (L1 0.05 / L2 0.01 / 100 iterations scored 0.761 / 0.761 on held-out fold 0 below, this
setting 0.770 / 0.773: the one comparison made.)

Measured with ``score.py`` (entity P/R/F1, Person+Place+Organization), 2026-11-23 (second pass).

Held out — the honest numbers. 3-fold split by document index (``i % 3``); fold 0 = 25 msra-val
and 20 pd-dev documents never seen in training; the model trained on the rest + CLUENER, run
through the whole pipeline:

    ======================================================  ========  ========
    what ran (fold 0, score.py)                             msra-val  pd-dev
    ======================================================  ========  ========
    CRF alone, every span it decodes                          0.773     0.768
    pipeline, guesses scored by an emission softmax           0.752     0.755
    pipeline, guesses scored by marginals (0.8 / 0.5)          0.769     0.776
    + guesses extend rule names, persons in titles, 西安       0.775     0.782
    + foreign-name guesses at 0.5                              0.779     0.782
    + guesses jieba's dictionary lists as nr/ns/nt at 0.5      0.785     0.787
    + cities jieba lists as nouns (营口市), longer places,      0.794     0.793
      persons over places, org growth stops at 据|曾任
    + periodicals are units, a province opens no unit name     0.798     0.792
    + names after ages and ranks, more surnames                0.800     0.793
    + no dates or ordinary nouns in guessed units              0.800     0.798
    + one-character countries in lists, acting, 访华/抵京        0.809     0.810
    + surname + form of address (胡老, 刘老师)                   0.810     0.813
    + kinds of units are not names; pooled repeated guesses    0.811     0.813
    + 组建了“某某” is a body; a village opening a unit's name   0.810     0.814
    ======================================================  ========  ========

As shipped (the last row): msra-val P 0.877 R 0.753; pd-dev P 0.882 R 0.756. By type (msra-val /
pd-dev): Person 0.858 / 0.828, Place 0.826 / 0.852, Organization 0.735 / 0.738. What is left is mostly
recall the tagger never proposes (about 115 names per set, e.g. 木姐, 邝日容, 越秀酒家), guesses it
is unsure of (0.5–0.8: 宝马, 白宫, 西岸), and the news conventions (a country's team is an
organisation; a sub-unit is tagged whole, 教育部高校学生司).

Tried and not kept (fold 0, whole pipeline): gazetteer-match and transliteration-class features
with wider jieba windows, retrained — msra-val 0.793, pd-dev 0.805 (no better on average than the
shipped features, and slower); L1 0.05 / L2 0.05 / 300 iterations — CRF alone 0.767 / 0.772.

In sample (the shipped model was trained on these very documents, so these overstate what
unseen text gets): whole pipeline msra-val 0.918, pd-dev 0.929. seeds-dev (never trained on):
all six types 0.934, Person+Place+Organization 0.931.

Speed (``bench/extract_bench.py --rounds 3``, seeds + msra-val, 168k characters, same run):
``jieba.cut`` 160–245k chars/s (it varies with the machine's load more than the pipeline does),
whole pipeline 58–67k chars/s — ratio 0.26–0.35 (goal ≥ 0.25); the CRF tagger with marginals on
top of the shared segmentation 230–300k chars/s; peak RSS 205 MB; the model loads in 0.1 s.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

from . import statistical

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
CLUENER_TYPES = {
    "name": "PER",
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    "address": "LOC",
    "scene": "LOC",
}
GOLD_TYPES = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}
_DIVISION_CUT = re.compile(r"(?<=[省市县区州盟旗镇乡])(?=..)")

_VISIT = set("访来驻赴抵离援旅侨返在")  # 访华, 驻京, 援藏
_COUNTRY_NEXT = set("方军籍")  # 美方, 日军
_TITLE_NEXT = set("老总某")  # 胡老, 王总
Example = tuple[str, list[tuple[int, int, str]]]  # sentence, [(start, end, PER|LOC|ORG)]


# ---------------------------------------------------------------- data


def bio(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(text)
    for s, e, t in spans:
        tags[s] = "B-" + t
        for i in range(s + 1, e):
            tags[i] = "I-" + t
    return tags


def label_sentence(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """Mark occurrences of the document's gold ``names`` (name → PER/LOC/ORG) in one sentence."""
    import jieba

    taken = [False] * len(text)
    spans = []
    singles = {n for n in names if len(n) == 1}
    for name in sorted((n for n in names if len(n) > 1), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if not any(taken[m.start() : m.end()]):
                spans.append((m.start(), m.end(), names[name]))
                taken[m.start() : m.end()] = [True] * len(name)
    if singles:
        for word, s, e in jieba.tokenize(text, HMM=False):
            if len(word) == 2 and word[0] in _VISIT and word[1] in singles:
                s, word = s + 1, word[1]  # 访美, 驻华: the verb is glued to the place
            if len(word) > 3 or not all(ch in singles for ch in word) or any(taken[s:e]):
                continue
            for i in range(s, s + len(word)):
                ch, before, after = text[i], text[i - 1 : i], text[i + 1 : i + 2]
                if names[ch] == "LOC":
                    ok = before in _VISIT or after in _COUNTRY_NEXT or before in singles or after in singles
                else:
                    ok = after in _TITLE_NEXT or before in "老小"
                if ok:
                    spans.append((i, i + 1, names[ch]))
    return sorted(spans)


def gold_names(folder: Path) -> list[set[tuple[str, str]]]:
    """The gold (name, PER|LOC|ORG) set of each document, in ``gold_docs`` order."""
    out = []
    for txt in sorted((folder / "docs").glob("*.txt")):
        gold = json.loads((folder / "gold" / (txt.stem + ".json")).read_text(encoding="utf-8"))
        out.append({(e["name"], GOLD_TYPES[e["type"]]) for e in gold["entities"] if e["type"] in GOLD_TYPES})
    return out


def gold_docs(folder: Path) -> list[list[Example]]:
    """One list of labelled sentences per document of a ``docs/`` + ``gold/`` folder."""
    out = []
    for txt in sorted((folder / "docs").glob("*.txt")):
        gold = json.loads((folder / "gold" / (txt.stem + ".json")).read_text(encoding="utf-8"))
        names = {e["name"]: GOLD_TYPES[e["type"]] for e in gold["entities"] if e["type"] in GOLD_TYPES}
        sents = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines()]
        out.append([(s, label_sentence(s, names)) for s in sents if s])
    return out


def cluener(path: Path) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        text, spans = d["text"], []
        for label, mentions in d["label"].items():
            t = CLUENER_TYPES.get(label)
            if not t:
                continue
            for name, places in mentions.items():
                for s, e in places:
                    if t == "LOC" and e + 1 - s > 3:  # cut 西昌市太和镇 into 西昌市 | 太和镇
                        cuts = [0] + [m.start() for m in _DIVISION_CUT.finditer(name)] + [len(name)]
                        for a, b in zip(cuts, cuts[1:]):
                            spans.append((s + a, s + b, t))
                    else:
                        spans.append((s, e + 1, t))
        spans.sort()
        # drop overlapping annotations (a few CLUENER spans nest)
        clean, end = [], -1
        for sp in spans:
            if sp[0] >= end:
                clean.append(sp)
                end = sp[1]
        out.append((text, clean))
    return out


# ---------------------------------------------------------------- training


def train(examples: list[Example], out: Path, max_iterations: int = 150, c1: float = 0.1, c2: float = 0.05) -> Path:
    """Fit a CRF on ``examples`` and write it to ``out`` (a CRFsuite model file)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in examples:
        trainer.append(statistical.features(text).attributes(), bio(text, spans))
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True}
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


# ---------------------------------------------------------------- evaluation


def doc_scores(docs: list[list[Example]], golds: list[set], extract) -> dict[str, float]:
    """Document-level entity P/R/F1 like score.py (sets of (name, type) per document, against
    the gold lists, not the recovered sentence labels)."""
    tp = fp = fn = 0
    for doc, gold in zip(docs, golds):
        text = "\n".join(s for s, _ in doc)
        pred = extract(text)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def crf_only(m: statistical.Model):
    rev = {v: k for k, v in statistical.TYPES.items()}

    def extract(text: str) -> set[tuple[str, str]]:
        from ..doc import Doc, Sentence

        doc = Doc(path="x", text=text, sentences=[Sentence(0, len(text), text)])
        return {(x.text, rev[x.type]) for x in _with_model(m, statistical.recognize, doc)}

    return extract


def whole_pipeline(m: statistical.Model):
    rev = {v: k for k, v in statistical.TYPES.items()}

    def extract(text: str) -> set[tuple[str, str]]:
        from ..pipeline import extract as run

        doc = _with_model(m, run, text)
        return {(x.label, rev[x.type]) for x in doc.mentions if x.type in rev}

    return extract


def _with_model(m: statistical.Model, fn, arg):
    saved = statistical.model
    statistical.model = lambda: m
    try:
        return fn(arg)
    finally:
        statistical.model = saved


def cross_validate(
    data: Path, folds: int, max_iterations: int, work: Path, run: int | None = None, reuse: bool = False,
    log=print,
) -> dict:
    """k-fold over the msra-val + pd-dev documents (CLUENER always in training); ``run``: only
    the first so many folds (each is a full training)."""
    sets = {name: gold_docs(data / name) for name in ("msra-val", "pd-dev")}
    golds = {name: gold_names(data / name) for name in sets}
    extra = cluener(data / "cluener2020" / "train.json") + cluener(data / "cluener2020" / "dev.json")
    results: dict = {}
    for k in range(run or folds):
        train_ex = list(extra)
        held: dict[str, tuple[list, list]] = {}
        for name, docs in sets.items():
            held[name] = (
                [d for i, d in enumerate(docs) if i % folds == k],
                [g for i, g in enumerate(golds[name]) if i % folds == k],
            )
            train_ex += [s for i, d in enumerate(docs) if i % folds != k for s in d]
        t0 = time.perf_counter()
        path = work / f"fold{k}.crfsuite"
        if not (reuse and path.exists()):
            train(train_ex, path, max_iterations)
        m = statistical.compile_model(path)
        for name, (docs, gold) in held.items():
            for what, fn in (("crf", crf_only(m)), ("pipeline", whole_pipeline(m))):
                r = doc_scores(docs, gold, fn)
                results.setdefault((name, what), []).append(r)
                log(f"fold {k} {name} {what}: {r}  ({time.perf_counter() - t0:.0f}s)")
    summary = {}
    for (name, what), rs in results.items():
        summary[f"{name} {what}"] = {key: round(sum(r[key] for r in rs) / len(rs), 4) for key in ("P", "R", "F1")}
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with msra-val, pd-dev, cluener2020")
    ap.add_argument("-o", "--out", type=Path, default=statistical.MODEL_PATH)
    ap.add_argument("--max-iterations", type=int, default=150)
    ap.add_argument("--folds", type=int, default=0, help="also report k-fold scores (k models)")
    ap.add_argument("--run-folds", type=int, default=None, help="train only the first N folds")
    ap.add_argument("--reuse", action="store_true", help="score fold models already in --work")
    ap.add_argument("--cv-only", action="store_true", help="k-fold scores only, no final model")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-crf"))
    ap.add_argument("--no-cluener", action="store_true")
    args = ap.parse_args(argv)
    if not (args.data / "msra-val").is_dir():
        print(f"error: {args.data}: no msra-val folder (pass --data)", file=sys.stderr)
        return 2
    random.seed(0)
    if args.folds:
        summary = cross_validate(args.data, args.folds, args.max_iterations, args.work, args.run_folds, args.reuse)
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        if args.cv_only:
            return 0
    examples = [s for name in ("msra-val", "pd-dev") for d in gold_docs(args.data / name) for s in d]
    if not args.no_cluener:
        examples += cluener(args.data / "cluener2020" / "train.json")
        examples += cluener(args.data / "cluener2020" / "dev.json")
    t0 = time.perf_counter()
    train(examples, args.out, args.max_iterations)
    tables = statistical.save_tables(statistical.compile_model(args.out), args.out.with_suffix(".npz"), args.out)
    print(f"trained on {len(examples)} sentences in {time.perf_counter() - t0:.0f}s → {args.out}, {tables}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
