"""Component: a character CRF tagger for Person / Place / Organization (source ``"crf"``).

The model (``models/ner.crfsuite``) is an ordinary CRFsuite model that ``crf_train.py`` trains
(data and measured scores are in that module's docstring). To keep the tagger fast enough for
the whole pipeline (the issue asks for ≥ 1/4 of ``jieba.cut``'s speed end to end), tagging does
not go through CRFsuite's per-string feature lookup: the model's weights are compiled into
numpy tables indexed by character and character-bigram ids (saved beside the model as
``ner.npz``), every feature of a sentence is a vectorised table look-up, and Viterbi runs over
all comma-separated pieces of a document at once.
``features`` is the single definition of the feature templates; training writes the very same
features as CRFsuite attribute strings, so the two can never drift apart (a test checks that the
numpy decoder and CRFsuite's own tagger agree).

Features of character i: the characters at i-2…i+2, the bigrams starting at i-2…i+1, the
character class (Han, digit, Latin, punctuation) at i-1…i+1, and at i-1…i+1 the jieba word
covering the character — its dictionary group (person nr, place ns, organisation nt, other
proper noun nz, other word, a new word jieba's HMM found, one character) and the character's
place in it (S/B/M/E). The segmentation is the one other recognisers already made
(``tokens.tokens_of``), so the tagger adds no jieba pass of its own.

>>> from kg.doc import Doc, Sentence
>>> text = "记者王建华报道，浙江省杭州市的华联科技有限公司昨天成立。"
>>> doc = Doc(path="x", text=text, sentences=[Sentence(0, len(text), text)])
>>> sorted((m.text, m.type) for m in recognize(doc))  # doctest: +NORMALIZE_WHITESPACE
[('华联科技有限公司', 'Organization'), ('杭州市', 'Place'), ('浙江省', 'Place'), ('王建华', 'Person')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..doc import Doc, Mention

MODEL_PATH = Path(__file__).with_name("models") / "ner.crfsuite"
TYPES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}
LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")

BOS, EOS = "\ue000", "\ue001"  # padding characters (private use area, never in news text)
UNI_OFFSETS = (-2, -1, 0, 1, 2)
BI_OFFSETS = (-2, -1, 0, 1)  # bigram text[i+k : i+k+2]
CLS_OFFSETS = (-1, 0, 1)
WORD_OFFSETS = (-1, 0, 1)
# word groups: 0 one-character word, 1 person (nr), 2 place (ns), 3 organisation (nt),
# 4 other proper noun (nz), 5 other dictionary word, 6 word jieba's HMM found (not in the dictionary)
_GROUP_OF_TAG = {"nr": 1, "nrfg": 1, "nrt": 1, "ns": 2, "nt": 3, "nz": 4}
WORD_CODES = 7 * 4 + 2  # group * 4 + position (0 S, 1 B, 2 M, 3 E); 28, 29 = BOS, EOS
_W = 8  # table width: the 7 labels and a zero column (8-float rows copy fast)
_MAXCP = 0x110000
_CHUNK = 200  # longer sentences are tagged in pieces of this many characters


# ---------------------------------------------------------------- feature ids (vectorised)


def _char_classes() -> np.ndarray:
    """Class of every BMP code point: 0 other, 1 Han, 2 digit, 3 Latin letter, 4 punctuation."""
    cls = np.zeros(0x10000, dtype=np.int8)
    cls[0x4E00:0xA000] = 1
    cls[0x3400:0x4DC0] = 1
    for lo, hi in ((0x30, 0x3A), (0xFF10, 0xFF1A)):
        cls[lo:hi] = 2
    for lo, hi in ((0x41, 0x5B), (0x61, 0x7B), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)):
        cls[lo:hi] = 3
    for ch in "〇零一二三四五六七八九十百千万亿两":
        cls[ord(ch)] = 2
    for ch in "，。、；：？！“”‘’（）《》〈〉【】—…·,.;:?!\"'()[]-/％%":
        cls[ord(ch)] = 4
    cls[ord(BOS)], cls[ord(EOS)] = 5, 6
    return cls


_CLS = _char_classes()


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


_GROUPS: dict[str, int] = {}  # word → group, for every word of jieba's dictionary


def word_codes(text: str, tokens: list[tuple[str, int, int]] | None = None) -> np.ndarray:
    """Per character: the group of the jieba word covering it × its place in the word (S/B/M/E).

    ``tokens`` are ``jieba.tokenize(text)``; pass them when another component already segmented
    the text (``kg.recognize.tokens`` caches one segmentation per document)."""
    import jieba

    if tokens is None:
        tokens = list(jieba.tokenize(text))
    if not tokens:
        return np.zeros(0, dtype=np.int64)
    memo = _groups()
    words = [w for w, _, _ in tokens]
    groups = np.array([memo.get(w, 6) for w in words], dtype=np.int64)
    lens = np.array([len(w) for w in words], dtype=np.int64)
    groups[lens == 1] = 0
    first = np.repeat(np.cumsum(lens) - lens, lens)
    at = np.arange(len(first)) - first
    ln = np.repeat(lens, lens)
    pos = np.where(ln == 1, 0, np.where(at == 0, 1, np.where(at == ln - 1, 3, 2)))
    return np.repeat(groups, lens) * 4 + pos


def _groups() -> dict[str, int]:
    if not _GROUPS:
        import jieba.posseg

        get = _GROUP_OF_TAG.get
        _GROUPS.update((w, get(t, 5) if len(w) > 1 else 0) for w, t in jieba.posseg.dt.word_tag_tab.items())
    return _GROUPS


def listed_type(word: str) -> str | None:
    """The entity type jieba's dictionary gives ``word`` (nr, ns, nt), if any.

    >>> listed_type("北京"), listed_type("学习")
    ('Place', None)
    """
    return {1: "Person", 2: "Place", 3: "Organization"}.get(_groups().get(word, 0))


@dataclass
class Features:
    """Per-character feature values of one text: the one feature definition."""

    text: str
    words: np.ndarray  # (n,) word code

    def attributes(self) -> list[list[str]]:
        """The same features as CRFsuite attribute strings (used for training)."""
        t = BOS + BOS + self.text + EOS + EOS
        cp = _codepoints(t)
        cls = _CLS[np.minimum(cp, 0xFFFF)].tolist()
        words = [WORD_CODES - 2] * 2 + self.words.tolist() + [WORD_CODES - 1] * 2
        out = []
        for i in range(len(self.text)):
            j = i + 2
            a = ["bias"]
            a += [f"u{k}:{t[j + k]}" for k in UNI_OFFSETS]
            a += [f"b{k}:{t[j + k:j + k + 2]}" for k in BI_OFFSETS]
            a += [f"k{k}:{cls[j + k]}" for k in CLS_OFFSETS]
            a += [f"w{k}:{words[j + k]}" for k in WORD_OFFSETS]
            out.append(a)
        return out


def features(text: str, tokens: list[tuple[str, int, int]] | None = None) -> Features:
    return Features(text, word_codes(text, tokens))


# ---------------------------------------------------------------- the compiled model


@dataclass
class Model:
    labels: tuple[str, ...]
    char_id: np.ndarray  # code point → row in the unigram tables (0 = unknown)
    bigram_keys: np.ndarray  # sorted cp1 * MAXCP + cp2 of known bigrams
    uni: list[np.ndarray]  # per offset: (chars+1, _W)
    bi: list[np.ndarray]  # per offset: (bigrams+1, _W)
    cls: list[np.ndarray]  # per offset: (7, _W)
    word: list[np.ndarray]  # per offset: (WORD_CODES, _W)
    bias: np.ndarray  # (_W,)
    trans: np.ndarray  # (L, L) from → to

    def emissions(self, cp: np.ndarray, words: np.ndarray) -> np.ndarray:
        """(N, L) state scores for code points ``cp`` (and word codes ``words``) in which every
        real character has two padding characters or real ones on each side; the first and
        last two rows (padding) are junk."""
        N, L = len(cp), len(self.labels)
        ids = self.char_id[cp]
        big = cp[:-1] * _MAXCP + cp[1:]
        pos = np.searchsorted(self.bigram_keys, big)
        pos[pos == len(self.bigram_keys)] = 0
        bid = np.where(self.bigram_keys[pos] == big, pos + 1, 0)
        cls = _CLS[np.minimum(cp, 0xFFFF)]
        e = np.empty((N, _W), dtype=np.float32)
        e[:] = self.bias
        body = e[2 : N - 2]
        n = N - 4
        for tables, offsets, values in (
            (self.uni, UNI_OFFSETS, ids),
            (self.bi, BI_OFFSETS, bid),
            (self.cls, CLS_OFFSETS, cls),
            (self.word, WORD_OFFSETS, words),
        ):
            for table, k in zip(tables, offsets):
                body += np.take(table, values[2 + k : 2 + k + n], axis=0)  # take: 4x fancy indexing
        return e[:, :L]

    def viterbi(self, em: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Best label ids (B, T) for padded emission sequences (B, T, L) sorted longest first:
        step t only touches the rows still running, so short rows cost nothing after their end."""
        B, T, L = em.shape
        back = np.zeros((T, B, L), dtype=np.intp)
        score = em[:, 0].copy()
        trans = np.ascontiguousarray(self.trans.T, dtype=np.float32)[None]  # (1, to, from)
        active = np.searchsorted(-lens, -np.arange(T), side="left")  # rows with len > t
        for t in range(1, T):
            k = active[t]
            cand = score[:k, None, :] + trans  # (k, to, from)
            back[t, :k] = cand.argmax(2)
            score[:k] = cand.max(2) + em[:k, t]
        rows = np.arange(B)
        y = score.argmax(1)
        path = np.zeros((B, T), dtype=np.intp)
        for t in range(T - 1, -1, -1):
            k = active[t]
            path[:k, t] = y[:k]
            y[:k] = back[t, rows[:k], y[:k]]
        return path


    def marginals(self, em: np.ndarray, lens: np.ndarray, path: np.ndarray) -> np.ndarray:
        """P(label at t = path[b, t] | the whole row) for the rows of ``viterbi``: forward-backward
        over the same pieces, in probability space with every step rescaled (a 7×7 product per
        step, no logarithms): how sure the model is of each character of what it decoded, the
        transitions included, unlike a per-character softmax of the emissions."""
        B, T, L = em.shape
        em = em.astype(np.float64)
        pot = np.exp(em - em.max(2, keepdims=True))  # (B, T, L); a constant per step cancels out
        step = np.exp(self.trans - self.trans.max())  # (from, to)
        active = np.searchsorted(-lens, -np.arange(T), side="left")
        alpha = np.empty((T, B, L))
        alpha[0] = pot[:, 0] / pot[:, 0].sum(1, keepdims=True)
        for t in range(1, T):
            k = active[t]
            a = (alpha[t - 1, :k] @ step) * pot[:k, t]
            alpha[t, :k] = a / a.sum(1, keepdims=True)
        beta = np.ones((T, B, L))
        for t in range(T - 2, -1, -1):
            k = active[t + 1]
            b = (beta[t + 1, :k] * pot[:k, t + 1]) @ step.T
            beta[t, :k] = b / b.sum(1, keepdims=True)
        post = alpha * beta  # (T, B, L), unnormalised
        rows = np.arange(B)[:, None]
        at = post.transpose(1, 0, 2)  # (B, T, L)
        picked = at[rows, np.arange(T)[None], path]
        return np.minimum(picked / np.maximum(at.sum(2), 1e-300), 1.0)


def compile_model(path: str | Path = MODEL_PATH) -> Model:
    """Read a CRFsuite model and turn its weights into numpy tables."""
    import pycrfsuite

    if not Path(path).exists():
        raise FileNotFoundError(f"{path}: CRF model missing; train it with `python -m kg.recognize.crf_train`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    tagger.close()
    labels = LABELS  # fixed order: ``tag`` reads the type off the label id
    lid = {l: i for i, l in enumerate(labels)}
    L = len(labels)
    chars: dict[str, int] = {}
    bigrams: dict[str, int] = {}
    for (attr, _label) in info.state_features:
        kind, _, val = attr.partition(":")
        if kind[0] == "u":
            chars.setdefault(val, len(chars) + 1)
        elif kind[0] == "b" and kind != "bias":
            bigrams.setdefault(val, 0)
    big_sorted = sorted(bigrams, key=lambda s: ord(s[0]) * _MAXCP + ord(s[1]))
    bigram_keys = np.array([ord(s[0]) * _MAXCP + ord(s[1]) for s in big_sorted], dtype=np.int64)
    bigram_row = {s: i + 1 for i, s in enumerate(big_sorted)}
    char_id = np.zeros(_MAXCP, dtype=np.int32)
    for c, i in chars.items():
        char_id[ord(c)] = i
    uni = np.zeros((len(UNI_OFFSETS), len(chars) + 1, _W), dtype=np.float32)
    bi = np.zeros((len(BI_OFFSETS), len(bigrams) + 1, _W), dtype=np.float32)
    cls = np.zeros((len(CLS_OFFSETS), 7, _W), dtype=np.float32)
    word = np.zeros((len(WORD_OFFSETS), WORD_CODES, _W), dtype=np.float32)
    bias = np.array([0.0 if lab in info.labels else -1e4 for lab in labels] + [0.0], dtype=np.float32)
    for (attr, label), w in info.state_features.items():
        y = lid[label]
        if attr == "bias":
            bias[y] += w
            continue
        kind, _, val = attr.partition(":")
        if kind[0] == "u":
            uni[UNI_OFFSETS.index(int(kind[1:])), chars[val], y] = w
        elif kind[0] == "b":
            bi[BI_OFFSETS.index(int(kind[1:])), bigram_row[val], y] = w
        elif kind[0] == "k":
            cls[CLS_OFFSETS.index(int(kind[1:])), int(val), y] = w
        elif kind[0] == "w":
            word[WORD_OFFSETS.index(int(kind[1:])), int(val), y] = w
    trans = np.zeros((L, L), dtype=np.float64)
    for (a, b), w in info.transitions.items():
        trans[lid[a], lid[b]] = w
    return Model(labels, char_id, bigram_keys, list(uni), list(bi), list(cls), list(word), bias, trans)


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def save_tables(m: Model, path: Path, source: Path) -> Path:
    """Write the compiled tables (``ner.npz`` beside the model): reading CRFsuite's dump takes
    seconds, these load in milliseconds. They record the model file's sha256 and are used
    only while it matches."""
    cps = np.flatnonzero(m.char_id)
    np.savez_compressed(
        path,
        digest=np.array(_digest(source)),
        cps=cps,
        cp_ids=m.char_id[cps],
        bigram_keys=m.bigram_keys,
        uni=np.stack(m.uni),
        bi=np.stack(m.bi),
        cls=np.stack(m.cls),
        word=np.stack(m.word),
        bias=m.bias,
        trans=m.trans,
    )
    return path


def load_model(path: str | Path = MODEL_PATH) -> Model:
    """The model at ``path``, from its saved tables when they match it, else compiled."""
    path = Path(path)
    tables = path.with_suffix(".npz")
    if tables.exists() and path.exists():
        with np.load(tables) as z:
            if str(z["digest"]) == _digest(path):
                char_id = np.zeros(_MAXCP, dtype=np.int32)
                char_id[z["cps"]] = z["cp_ids"]
                return Model(
                    LABELS, char_id, z["bigram_keys"], list(z["uni"]), list(z["bi"]),
                    list(z["cls"]), list(z["word"]), z["bias"], z["trans"],
                )
    return compile_model(path)


@lru_cache(maxsize=1)
def model() -> Model:
    return load_model(MODEL_PATH)


# ---------------------------------------------------------------- the component

def _pieces(doc: Doc) -> list[tuple[int, str]]:
    """(start, text) spans to tag: the sentences, long ones cut after a comma or every _CHUNK chars."""
    spans = [(s.start, s.text) for s in doc.sentences] or [(0, doc.text)]
    out: list[tuple[int, str]] = []
    for start, text in spans:
        for line in re.finditer(r"[^\n]+", text):
            s, t = start + line.start(), line.group()
            while len(t) > _CHUNK:
                cut = max(t.rfind(c, 0, _CHUNK) for c in "，；,; ") + 1 or _CHUNK
                out.append((s, t[:cut]))
                s, t = s + cut, t[cut:]
            out.append((s, t))
    return out


_CUTS = np.array([ord(c) for c in "，、；：,;"], dtype=np.int64)


def tag(
    texts: list[str], m: Model | None = None, words: list[np.ndarray] | None = None
) -> list[list[tuple[int, int, str, float]]]:
    """Entity spans (start, end, PER|LOC|ORG, score) of each text (``words``: its
    ``word_codes``, computed here when not given).

    All texts are featurised as one padded string. Decoding is cut after every comma-like
    character, which is made to take label O: with one node of the chain fixed, the best path
    is the best paths of the pieces on either side, so the pieces are decoded as one batch
    (exactly as the whole, unless the model wanted a comma inside a name). The score is the
    span's mean marginal probability of its labels (forward-backward over the same pieces)."""
    m = m or model()
    if not texts:
        return []
    joined = "".join(BOS + BOS + t + EOS + EOS for t in texts)
    cp = _codepoints(joined)
    if words is None:
        words = [word_codes(t) for t in texts]
    pads = np.array([WORD_CODES - 2] * 2), np.array([WORD_CODES - 1] * 2)
    e = m.emissions(cp, np.concatenate([x for w in words for x in (pads[0], w, pads[1])]))
    lens = np.array([len(t) for t in texts])
    starts = np.cumsum(np.concatenate([[0], lens[:-1] + 4])) + 2
    real = np.zeros(len(cp) + 1, dtype=np.int64)
    np.add.at(real, starts, 1)
    np.add.at(real, starts + lens, -1)
    real = np.cumsum(real[:-1]) > 0
    cut = real & np.isin(cp, _CUTS)
    e[cut, 1:] = -1e4
    after = np.flatnonzero(cut[:-1] & real[1:]) + 1  # the label before these is O
    e[after] += m.trans[0].astype(np.float32)
    # segments: a text start, or the character after a cut
    seg_start = np.zeros(len(cp), dtype=bool)
    seg_start[starts] = True
    seg_start[after] = True
    seg_start &= real
    seg_id = np.cumsum(seg_start) - 1
    firsts = np.flatnonzero(seg_start)
    seg_len = np.bincount(seg_id[real], minlength=len(firsts))
    order = np.argsort(-seg_len, kind="stable")
    sl = seg_len[order]
    T = int(sl[0]) if len(sl) else 0
    lab = np.zeros(len(cp), dtype=np.intp)
    conf = np.zeros(len(cp))
    if T:
        idx = firsts[order][:, None] + np.arange(T)[None]
        live = np.arange(T)[None] < sl[:, None]
        idx = np.where(live, idx, 0)
        em = e[idx]
        path = m.viterbi(em, sl)
        lab[idx[live]] = path[live]
        named = np.flatnonzero((path * live).any(1))  # only pieces with a name need their marginals
        if len(named):
            sub = live[named]
            conf[idx[named][sub]] = m.marginals(em[named], sl[named], path[named])[sub]
    csum = np.concatenate([[0.0], np.cumsum(conf)])
    typ = (lab + 1) // 2  # LABELS order: O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG
    is_b = lab % 2 == 1
    prev = np.concatenate([[0], typ[:-1]])
    begin = (typ > 0) & (is_b | (prev != typ))
    nxt_cont = np.concatenate([(typ[1:] == typ[:-1]) & ~is_b[1:], [False]])
    end = (typ > 0) & ~nxt_cont
    names = [None, "PER", "LOC", "ORG"]
    out: list[list[tuple[int, int, str, float]]] = [[] for _ in texts]
    b_pos, e_pos = np.flatnonzero(begin), np.flatnonzero(end)
    owner = np.searchsorted(starts, b_pos, side="right") - 1
    for b0, e0, k in zip(b_pos.tolist(), e_pos.tolist(), owner.tolist()):
        s0 = int(starts[k])
        out[k].append((b0 - s0, e0 + 1 - s0, names[typ[b0]], float((csum[e0 + 1] - csum[b0]) / (e0 + 1 - b0))))
    return out


def _split_places(start: int, end: int, codes: np.ndarray) -> list[tuple[int, int]]:
    """A place span made of two or more dictionary place words (江苏如皋市, 山西阳高县) is as many
    places: the news conventions tag each division on its own."""
    span = codes[start:end]
    firsts = np.flatnonzero(span % 4 <= 1)  # S or B: a word starts here
    if len(firsts) < 2 or not (span // 4 == 2).all() or (np.diff(np.append(firsts, len(span))) < 2).any():
        return [(start, end)]
    bounds = np.append(firsts, len(span)) + start
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist()))


def recognize(doc: Doc) -> list[Mention]:
    from .tokens import tokens_of, view

    codes = word_codes(doc.text, tokens_of(view(doc))) if doc.text else np.zeros(0, dtype=np.int64)
    pieces = [(s, t) for s, t in _pieces(doc) if t.strip()]
    spans = tag([t for _, t in pieces], words=[codes[s : s + len(t)] for s, t in pieces])
    out: list[Mention] = []
    for (start, text), found in zip(pieces, spans):
        for i, j, typ, score in found:
            parts = _split_places(start + i, start + j, codes) if typ == "LOC" else [(start + i, start + j)]
            for a, b in parts:
                out.append(Mention(a, b, doc.text[a:b], TYPES[typ], "crf", round(score, 4)))
    return out
