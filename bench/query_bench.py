"""Latency of the example queries through ``kg query``, through ``kg serve``, on raw pyoxigraph and
on rdflib's in-memory engine — in one run, on the same graph: the seeds graph and a synthetic
graph of ≥ 1 million triples in the same vocabulary.

Goal: through the service, a query costs at most 1.5× raw Oxigraph. "Raw" is the same work done
in-process: ``store.query(q)`` and the JSON results written by Oxigraph's own serialiser (also
shown: iterating the solutions into Python tuples). Each figure is the median of ``--repeat``
runs after a warm-up; rdflib gets one run per query with a time limit.

    /work/venv/bin/python bench/query_bench.py                   # seeds + 1.2 M triples
    /work/venv/bin/python bench/query_bench.py --scale 0.1       # a quick look
    /work/venv/bin/python bench/query_bench.py --no-rdflib       # skip the slow engine
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["positions.rq", "district-places.rq", "district-programs.rq", "fact-evidence.rq", "most-mentioned.rq", "two-hop.rq"]
GOAL = 1.5

KG = "https://w3id.org/kg-zh/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SDO = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
BASE = "https://w3id.org/kg-zh/id/"


def synthetic(path: Path, scale: float = 1.0, seed: int = 7) -> int:
    """Write an N-Triples graph (also valid Turtle) shaped like ``kg build`` output: districts →
    towns → villages (kg:partOf), organisations located in them (some sub-organisations), people
    holding posts (kg:Membership with org:role), programs with an organizer, documents that
    mention entities, and for every fact a kg:Assertion with kg:Evidence in a kg:Sentence.
    Returns the number of triples."""
    rnd = random.Random(seed)
    n = lambda x: max(1, int(x * scale))
    lines: list[str] = []
    out = lines.append
    conf = lambda: f'"0.{rnd.randint(300, 999)}"^^<{XSD}decimal>'

    def entity(kind: str, i: int, cls: str, label: str) -> str:
        iri = f"<{BASE}{kind}/{i}>"
        out(f"{iri} <{RDF}type> <{KG}{cls}> .")
        out(f'{iri} <{RDFS}label> "{label}"@zh .')
        out(f"{iri} <{KG}confidence> {conf()} .")
        out(f'{iri} <{KG}extractedBy> "lexicon" .')
        if i % 5 == 0:
            out(f'{iri} <http://www.w3.org/2004/02/skos/core#altLabel> "{label[:-1]}"@zh .')
        return iri

    docs = [f"<{BASE}doc/{i:05d}>" for i in range(n(5000))]
    for i, d in enumerate(docs):
        out(f"{d} <{RDF}type> <{SDO}NewsArticle> .")
        out(f'{d} <{DCT}source> "corpus/{i:05d}.txt" .')
        out(f'{d} <{DCT}identifier> "{i:05d}.txt" .')
        out(f'{d} <{KG}encoding> "utf-8" .')
        out(f'{d} <{SDO}headline> "第{i}号新闻标题"@zh .')
    sentences: list[tuple[str, str]] = []
    for d in docs:
        for s in range(4):
            iri = f"<{d[1:-1]}/s{s}>"
            sentences.append((iri, d))
            out(f"{iri} <{RDF}type> <{KG}Sentence> .")
            out(f"{iri} <{KG}inDocument> {d} .")
            out(f'{iri} <{SDO}text> "这是{d[-6:-1]}号文档的第{s}句，讲述某地某人某事。"@zh .')
            out(f'{iri} <{KG}startOffset> "{s * 40}"^^<{XSD}integer> .')
            out(f'{iri} <{KG}endOffset> "{s * 40 + 39}"^^<{XSD}integer> .')
            out(f'{iri} <{KG}sentenceKind> "body" .')
    facts = 0

    def fact(s: str, p: str | None, o: str, membership_role: str | None = None) -> None:
        nonlocal facts
        facts += 1
        f = f"<{BASE}fact/{facts}>"
        if p is None:
            out(f"{f} <{RDF}type> <{KG}Membership> .")
            out(f"{f} <{ORG}member> {s} .")
            out(f"{f} <{ORG}organization> {o} .")
            out(f"{f} <{ORG}role> {membership_role} .")
        else:
            out(f"{s} {p} {o} .")
            out(f"{f} <{RDF}type> <{KG}Assertion> .")
            out(f"{f} <{RDF}subject> {s} .")
            out(f"{f} <{RDF}predicate> {p} .")
            out(f"{f} <{RDF}object> {o} .")
        out(f"{f} <{KG}confidence> {conf()} .")
        sent, doc = rnd.choice(sentences)
        e = f"<{BASE}fact/{facts}/e>"
        out(f"{f} <{KG}evidence> {e} .")
        out(f"{e} <{RDF}type> <{KG}Evidence> .")
        out(f"{e} <{KG}inDocument> {doc} .")
        out(f"{e} <{KG}inSentence> {sent} .")
        out(f'{e} <{KG}startOffset> "{rnd.randint(0, 100)}"^^<{XSD}integer> .')
        out(f'{e} <{KG}endOffset> "{rnd.randint(100, 200)}"^^<{XSD}integer> .')
        out(f'{e} <{KG}extractedBy> "relate.test" .')
        out(f"{e} <{KG}confidence> {conf()} .")
        out(f"{doc} <{SDO}mentions> {s} .")
        out(f"{doc} <{SDO}mentions> {o} .")

    part_of, located, sub_org, organizer = (f"<{KG}{p}>" for p in ("partOf", "locatedIn", "subOrganizationOf", "organizer"))
    districts = [entity("place", i, "Place", f"第{i}区") for i in range(n(200))]
    towns, villages = [], []
    for t in range(len(districts) * 10):
        towns.append(entity("place", 100000 + t, "Place", f"第{t}街道"))
        fact(towns[-1], part_of, districts[t // 10])
    for v in range(len(towns) * 10):
        villages.append(entity("place", 200000 + v, "Place", f"第{v}村"))
        fact(villages[-1], part_of, towns[v // 10])
    places = districts + towns + villages
    orgs = [entity("organization", i, "Organization", f"第{i}局") for i in range(n(5000))]
    for i, o in enumerate(orgs):
        fact(o, located, rnd.choice(districts + towns))
        if i % 5 == 4:
            fact(o, sub_org, orgs[rnd.randrange(i)])
    roles = [f"<{BASE}role/{i}>" for i in range(50)]
    for i, r in enumerate(roles):
        out(f"{r} <{RDF}type> <{KG}Role> .")
        out(f'{r} <{RDFS}label> "第{i}种职务"@zh .')
    for i in range(n(20000)):
        p = entity("person", i, "Person", f"某人{i}号")
        fact(p, None, rnd.choice(orgs), rnd.choice(roles))
        if i % 4 == 0:
            fact(p, f"<{KG}hometown>", rnd.choice(places))
    for i in range(n(3000)):
        fact(entity("program", i, "Program", f"第{i}项工程"), organizer, rnd.choice(orgs))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def interleaved(fns: dict, repeat: int) -> dict[str, float]:
    """Median ms of each function, run in turn in every round: on a shared machine a burst of
    load then hits all of them alike, so their ratios stay fair."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for f in fns.values():
        f()  # warm-up
    for _ in range(repeat):
        for k, f in fns.items():
            t0 = time.perf_counter()
            f()
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) * 1000 for k, v in times.items()}


class _Alarm(Exception):
    pass


def rdflib_ms(graph, text: str, limit: float) -> float | None:
    """One run on rdflib's engine, stopped after ``limit`` seconds (None) — it is pure Python, so
    an alarm can interrupt it."""
    from kg.query import format_result, run_query

    def on_alarm(*_):
        raise _Alarm()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.perf_counter()
    try:
        format_result(run_query(graph, text), "json")
        return (time.perf_counter() - t0) * 1000
    except _Alarm:
        return None
    except Exception as e:  # kg.query wraps the alarm in its QueryError
        if "_Alarm" in repr(e) or time.perf_counter() - t0 >= limit:
            return None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def bench_graph(name: str, out: Path, repeat: int, rdflib_limit: float | None) -> list[dict]:
    import pyoxigraph as ox

    from kg.query import format_result, load_graph, run_query
    from kg.serve import Server
    from kg.store import open_store, prefixes

    store = open_store(out / "store")
    pre = prefixes()
    texts = {q: (ROOT / "queries" / q).read_text(encoding="utf-8") for q in QUERIES}
    rows: list[dict] = []
    server = Server(out, port=0, timeout=600, max_rows=10**8, workers=2, log=lambda line: None).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.httpd.server_address[1], timeout=600)
    try:
        qgraph = load_graph(out)  # kg query's graph: the store, through oxrdflib
        rgraph = None
        if rdflib_limit:
            from rdflib import Graph

            t0 = time.perf_counter()
            rgraph = Graph().parse(out / "graph.ttl", format="nt" if name != "seeds" else "turtle")
            print(f"  [{name}] rdflib parsed {len(rgraph)} triples in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for q, text in texts.items():
            def raw_json():
                return store.query(text, prefixes=pre).serialize(format=ox.QueryResultsFormat.JSON)

            def raw_tuples():
                return [tuple(s) for s in store.query(text, prefixes=pre)]

            def via_serve():
                conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": text}),
                             headers={"Accept": "application/sparql-results+json"})
                r = conn.getresponse()
                body = r.read()
                assert r.status == 200, body[:200]
                return body

            def via_query_function():
                return format_result(run_query(qgraph, text), "json")

            n_rows = len(json.loads(via_serve())["results"]["bindings"])
            assert n_rows == len(json.loads(raw_json())["results"]["bindings"])
            row = {"graph": name, "query": q, "rows": n_rows,
                   **interleaved({"raw_json": raw_json, "raw_tuples": raw_tuples, "serve": via_serve}, repeat),
                   "query_fn": median_ms(via_query_function, max(1, repeat // 2))}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg.cli", "query", str(out), "-f", str(ROOT / "queries" / q), "--format", "json"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            row["query_cli"] = (time.perf_counter() - t0) * 1000
            row["rdflib"] = rdflib_ms(rgraph, text, rdflib_limit) if rgraph is not None else None
            rows.append(row)
            print(f"  [{name}] {q}: {n_rows} rows, raw {row['raw_json']:.1f} ms, serve {row['serve']:.1f} ms", file=sys.stderr)
    finally:
        conn.close()
        server.close()
    return rows


def report(rows: list[dict], rdflib_limit: float | None) -> str:
    head = (f"{'graph':<10}{'query':<22}{'rows':>7}{'raw ms':>9}{'tuples':>9}{'serve':>9}{'×raw':>7}"
            f"{'query()':>9}{'×raw':>7}{'kg query':>10}{'rdflib':>10}{'×raw':>8}")
    lines = [head, "-" * len(head)]
    for r in rows:
        rd = "—" if r["rdflib"] is None and rdflib_limit is None else (f">{rdflib_limit:.0f}s" if r["rdflib"] is None else f"{r['rdflib']:.0f}")
        rdx = "" if r["rdflib"] is None else f"{r['rdflib'] / r['raw_json']:.0f}"
        lines.append(f"{r['graph']:<10}{r['query']:<22}{r['rows']:>7}{r['raw_json']:>9.1f}{r['raw_tuples']:>9.1f}"
                     f"{r['serve']:>9.1f}{r['serve'] / r['raw_json']:>7.2f}{r['query_fn']:>9.1f}{r['query_fn'] / r['raw_json']:>7.1f}"
                     f"{r['query_cli']:>10.0f}{rd:>10}{rdx:>8}")
    for g in dict.fromkeys(r["graph"] for r in rows):
        rs = [r for r in rows if r["graph"] == g]
        total_raw, total_serve = sum(r["raw_json"] for r in rs), sum(r["serve"] for r in rs)
        worst = max(rs, key=lambda r: r["serve"] / r["raw_json"])
        lines.append(f"{g}: serve / raw Oxigraph over all queries = {total_serve / total_raw:.2f}× "
                     f"(worst {worst['query']} {worst['serve'] / worst['raw_json']:.2f}×, "
                     f"overhead {worst['serve'] - worst['raw_json']:.1f} ms); goal ≤ {GOAL}×")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="synthetic graph size (1.0 ≈ 1.2 M triples)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-limit", type=float, default=60.0, help="seconds per query on rdflib (0: skip)")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the generated OUT folders here")
    ap.add_argument("--seeds-only", action="store_true", help="skip the synthetic graph")
    a = ap.parse_args(argv)
    limit = None if a.no_rdflib or not a.rdflib_limit else a.rdflib_limit

    from kg.pipeline import build, save
    from kg.store import write_store

    tmp = a.keep or Path(tempfile.mkdtemp(prefix="kg-query-bench-"))
    try:
        seeds = tmp / "seeds"
        save(build([ROOT / "seeds"]), seeds)
        write_store(seeds / "graph.ttl", seeds / "store")
        if a.seeds_only:
            print(report(bench_graph("seeds", seeds, a.repeat * 4, limit), limit))
            return 0
        synth = tmp / "synthetic"
        t0 = time.perf_counter()
        n = synthetic(synth / "graph.ttl", a.scale)
        t1 = time.perf_counter()
        write_store(synth / "graph.ttl", synth / "store")
        t2 = time.perf_counter()
        print(f"synthetic graph: {n} triples, generated in {t1 - t0:.1f} s, loaded into Oxigraph in {t2 - t1:.1f} s", file=sys.stderr)
        rows = bench_graph("seeds", seeds, a.repeat * 4, limit)
        rows += bench_graph("synthetic", synth, a.repeat, limit)
        print(f"synthetic graph: {n} triples (generated {t1 - t0:.1f} s, Oxigraph load {t2 - t1:.1f} s)")
        print("ms = median latency; raw = pyoxigraph query + its JSON writer in-process; tuples = iterating solutions")
        print("serve = HTTP GET through kg serve (keep-alive); query() = kg.query.run_query on the store + JSON;")
        print("kg query = the command, one process per query (startup included)\n")
        print(report(rows, limit))
    finally:
        if a.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
