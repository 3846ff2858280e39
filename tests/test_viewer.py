"""The HTML viewer, opened in headless Chromium with every network request blocked.

Runs on the seeds graph (built once) and on small invented graphs. Skipped only when Debian's
/usr/bin/chromium is missing. A screenshot of the seeds view is kept in test-artifacts/.
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.namespace import XSD as _XSD

from kg.viewer import render_html
from kg.viewer.data import view_model
from kg.write.namespaces import KG, ORG, SDO

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
SIX = ("Person", "Place", "Organization", "Program", "Event", "Award")
X = "urn:test:"
DECIMAL = _XSD.decimal
del _XSD  # pytest probes module attributes; rdflib warns about XSD._mock_name


# ---------------------------------------------------------------- invented graphs
def _entity(g: Graph, name: str, type_: str, *aliases: str) -> URIRef:
    e = URIRef(X + type_ + "/" + str(zlib.crc32(name.encode())))
    g.add((e, RDF.type, KG[type_]))
    g.add((e, RDFS.label, Literal(name, lang="zh")))
    for a in aliases:
        g.add((e, SKOS.altLabel, Literal(a, lang="zh")))
    return e


def _doc(g: Graph, name: str, headline: str) -> URIRef:
    d = URIRef(X + "doc/" + name)
    g.add((d, RDF.type, SDO.NewsArticle))
    g.add((d, DCTERMS.source, Literal("news/" + name)))
    g.add((d, DCTERMS.identifier, Literal(name)))
    g.add((d, SDO.headline, Literal(headline, lang="zh")))
    return d


def _sentence(g: Graph, doc: URIRef, n: int, text: str, mentions: dict) -> URIRef:
    s = URIRef(f"{doc}/s{n}")
    g.add((s, RDF.type, KG.Sentence))
    g.add((s, KG.inDocument, doc))
    g.add((s, SDO.text, Literal(text, lang="zh")))
    g.add((s, KG.startOffset, Literal(n * 100)))
    for surface, ent in mentions.items():
        at = text.index(surface)
        m = URIRef(f"{doc}/m{n * 100 + at}")
        g.add((m, RDF.type, KG.Mention))
        g.add((m, KG.denotes, ent))
        g.add((m, KG.surface, Literal(surface, lang="zh")))
        g.add((m, KG.inSentence, s))
        g.add((m, KG.inDocument, doc))
        g.add((doc, SDO.mentions, ent))
    return s


def _fact(g: Graph, s, p, o, sentence: URIRef, doc: URIRef, conf: str) -> URIRef:
    g.add((s, p, o))
    a = URIRef(f"{X}fact/{zlib.crc32(str((s, p, o)).encode())}")
    g.add((a, RDF.type, KG.Assertion))
    g.add((a, RDF.subject, s)), g.add((a, RDF.predicate, p)), g.add((a, RDF.object, o))
    g.add((a, KG.confidence, Literal(conf, datatype=DECIMAL)))
    ev = URIRef(f"{a}/e1")
    g.add((a, KG.evidence, ev))
    g.add((ev, RDF.type, KG.Evidence))
    g.add((ev, KG.inSentence, sentence))
    g.add((ev, KG.inDocument, doc))
    g.add((ev, KG.extractedBy, Literal("test")))
    g.add((ev, KG.confidence, Literal(conf, datatype=DECIMAL)))
    return a


def tiny_graph() -> Graph:
    """Two invented articles: a person holding a post, an organisation in a town, an award."""
    g = Graph()
    li = _entity(g, "林晓雯", "Person", "林书记")
    org = _entity(g, "青溪镇农业合作社", "Organization", "青溪合作社")
    town = _entity(g, "青溪镇", "Place")
    county = _entity(g, "云台县", "Place")
    award = _entity(g, "全国文明村镇", "Award")
    d1 = _doc(g, "a1.txt", "青溪镇发展特色农业")
    d2 = _doc(g, "a2.txt", "云台县表彰先进")
    s1 = _sentence(g, d1, 0, "青溪镇农业合作社位于青溪镇东部。", {"青溪镇农业合作社": org, "青溪镇": town})
    s2 = _sentence(g, d1, 1, "合作社党支部书记林晓雯介绍了今年的收成。", {"林晓雯": li})
    s3 = _sentence(g, d2, 0, "云台县青溪镇获评全国文明村镇。", {"云台县": county, "全国文明村镇": award})
    _fact(g, org, KG.locatedIn, town, s1, d1, "0.900")
    _fact(g, town, KG.partOf, county, s3, d2, "0.800")
    _fact(g, town, KG.award, award, s3, d2, "0.700")
    m = URIRef(X + "membership/1")
    g.add((m, RDF.type, KG.Membership))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, li)), g.add((m, ORG.organization, org))
    role = URIRef(X + "role/1")
    g.add((role, RDF.type, KG.Role)), g.add((role, RDFS.label, Literal("党支部书记", lang="zh")))
    g.add((m, ORG.role, role))
    ev = URIRef(X + "membership/1/e1")
    g.add((m, KG.evidence, ev)), g.add((ev, KG.inSentence, s2)), g.add((ev, KG.inDocument, d1))
    return g


def entity_count(g: Graph) -> int:
    return len({s for t in SIX for s in g.subjects(RDF.type, KG[t])})


# ---------------------------------------------------------------- browser fixtures
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium): browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A viewer page with every request that is not file:/data:/blob: aborted and recorded."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 800, hash: str = ""):
        self.page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri() + hash)
        self.page.wait_for_function("() => window.kgStats && window.kgStats.stabilized", timeout=60000)

    def _route(self, route):
        url = route.request.url
        if url.split(":", 1)[0] in ("file", "data", "blob"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def stats(self) -> dict:
        return self.page.evaluate("() => Object.assign({}, window.kgStats)")

    def entity_index(self, label: str) -> int:
        return self.page.evaluate("(l) => kgView.data.ents.findIndex(e => e.label === l)", label)

    def click_node(self, i: int, double: bool = False) -> None:
        self.page.evaluate("(i) => kgView.network.focus('n' + i, {scale: 1.5})", i)
        xy = self.page.evaluate("(i) => { const n = kgView.network; return n.canvasToDOM(n.getPositions(['n' + i])['n' + i]); }", i)
        box = self.page.locator("#mynetwork").bounding_box()
        x, y = box["x"] + xy["x"], box["y"] + xy["y"]
        if double:
            self.page.mouse.dblclick(x, y)
        else:
            self.page.mouse.click(x, y)

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from kg.pipeline import build

    result = build([ROOT / "seeds"])
    path = tmp_path_factory.mktemp("viewer") / "graph.html"
    render_html(result.graph, path)
    return result.graph, path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    g = tiny_graph()
    path = tmp_path_factory.mktemp("tiny") / "graph.html"
    render_html(g, path)
    return g, path


def _type_input(page, text: str) -> None:
    page.click("#search")
    page.keyboard.type(text, delay=20)


# ---------------------------------------------------------------- the seeds graph
def test_seeds_page_opens_offline_and_draws_every_entity(browser, seeds):
    g, path = seeds
    html = path.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?(https?:)?//|@import""", html, re.I)
    view = Opened(browser, path)
    try:
        stats = view.stats()
        assert view.errors == [] and view.requests == []
        assert stats["entities"] == entity_count(g) > 0
        assert stats["drawn"] == stats["entities"]
        # settled: physics is off and nothing moves any more
        before = view.page.evaluate("() => kgView.network.getPositions()")
        view.page.wait_for_timeout(600)
        assert view.page.evaluate("() => kgView.network.physics.options.enabled") is False
        assert view.page.evaluate("() => kgView.network.getPositions()") == before
        ARTIFACTS.mkdir(exist_ok=True)
        view.page.screenshot(path=str(ARTIFACTS / "viewer-seeds.png"))
    finally:
        view.close()


def test_typing_part_of_a_name_finds_the_node(browser, seeds):
    g, path = seeds
    view = Opened(browser, path)
    try:
        # the best-connected entity with a name of 3+ characters; type its name without the first one
        i, label = view.page.evaluate("""() => { const E = kgView.data.ents;
            const ok = E.map((e, i) => [e.deg, e.label, i]).filter(x => x[1].length >= 3).sort((a, b) => b[0] - a[0]);
            return [ok[0][2], ok[0][1]]; }""")
        _type_input(view.page, label[1:])
        options = view.page.locator("#results li[role=option]")
        assert label in options.all_text_contents()[0] or any(label in t for t in options.all_text_contents())
        view.page.locator(f'#results li[data-entity="{i}"]').click()
        assert view.page.evaluate("() => kgView.network.getSelectedNodes()") == [f"n{i}"]
        assert view.page.locator("#panel h2").text_content() == label
        # its neighbourhood stands out: neighbours keep their colour, every other node is greyed
        near, far = view.page.evaluate("""(i) => { const n = kgView.network, keep = new Set(n.getConnectedNodes('n' + i).concat(['n' + i]));
            const grey = id => kgView.nodes.get(id).color === '#e4e4e4';
            const ids = kgView.nodes.getIds();
            return [ids.filter(id => keep.has(id) && grey(id)).length, ids.filter(id => !keep.has(id) && !grey(id)).length]; }""", i)
        assert near == 0 and far == 0
        assert view.errors == []
    finally:
        view.close()


def test_type_filter_hides_the_other_types(browser, seeds):
    g, path = seeds
    view = Opened(browser, path)
    try:
        places = len(set(g.subjects(RDF.type, KG.Place)))
        view.page.locator('#legend [data-type="Place"]').click()
        hidden = view.page.evaluate("""() => kgView.nodes.get().filter(n => n.hidden).map(n => +n.id.slice(1))
                                          .map(i => kgView.data.types[kgView.data.ents[i].t].id)""")
        assert hidden and set(hidden) == {"Place"}
        assert view.stats()["drawn"] == entity_count(g) - len(hidden)
        assert len(hidden) <= places
        view.page.locator('#legend [data-type="Place"]').click()
        assert view.stats()["drawn"] == entity_count(g)
    finally:
        view.close()


def test_clicking_a_node_shows_evidence_from_a_document_that_mentions_it(browser, seeds):
    g, path = seeds
    view = Opened(browser, path)
    try:
        # the best-connected entity that has evidence sentences
        i = view.page.evaluate("""() => kgView.data.ents.map((e, i) => [e.deg, e.ment.length, i]).filter(x => x[1] > 0)
                                        .sort((a, b) => b[0] - a[0] || a[2] - b[2])[0][2]""")
        iri = view.page.evaluate("(i) => kgView.data.ents[i].iri", i)
        view.click_node(i)
        assert view.page.locator("#panel").is_visible()
        assert view.page.locator("#panel").get_attribute("data-entity") == str(i)
        group = view.page.locator("#panel .doc-group").first
        sentence = group.locator(".sent").first.text_content()
        source = group.locator("h4").text_content()
        assert group.locator(".sent").first.locator("mark").count() >= 1
        # the graph agrees: that sentence mentions the entity, in the document the panel names
        truth = {}
        for m in g.subjects(KG.denotes, URIRef(iri)):
            s = g.value(m, KG.inSentence)
            if s is not None:
                truth[str(g.value(s, SDO.text))] = str(g.value(g.value(s, KG.inDocument), DCTERMS.identifier))
        assert sentence in truth
        assert truth[sentence] in source
        texts = group.locator(".sent").all_text_contents()
        assert len(texts) == len(set(texts))  # a sentence that names it twice is listed once
        view.page.mouse.move(5, 300)
        ARTIFACTS.mkdir(exist_ok=True)
        view.page.screenshot(path=str(ARTIFACTS / "viewer-seeds-panel.png"))
    finally:
        view.close()


# ---------------------------------------------------------------- invented graphs
def test_alias_search_membership_and_edge_evidence(browser, tiny):
    g, path = tiny
    view = Opened(browser, path)
    try:
        assert view.stats()["drawn"] == entity_count(g) == 5
        # hovering a node shows its type, aliases and an evidence sentence
        view.click_node(view.entity_index("林晓雯"))
        view.page.mouse.move(5, 5)
        xy = view.page.evaluate("() => { const n = kgView.network, i = kgView.data.ents.findIndex(e => e.label === '林晓雯'); return n.canvasToDOM(n.getPositions(['n' + i])['n' + i]); }")
        box = view.page.locator("#mynetwork").bounding_box()
        view.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        tip = view.page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5000)
        assert "人物" in tip.text_content() and "林书记" in tip.text_content() and "介绍了今年的收成" in tip.text_content()
        view.page.locator("#close").click()
        _type_input(view.page, "林书")  # an alias, not the name
        view.page.keyboard.press("Enter")
        li = view.entity_index("林晓雯")
        assert view.page.evaluate("() => kgView.network.getSelectedNodes()") == [f"n{li}"]
        panel = view.page.locator("#panel")
        assert panel.locator("h2").text_content() == "林晓雯"
        assert "林书记" in panel.text_content()
        rel = panel.locator("ul.rels li").first
        assert "党支部书记" in rel.text_content() and "青溪镇农业合作社" in rel.text_content()
        assert "合作社党支部书记林晓雯介绍了今年的收成。" in rel.text_content()
        # click the award edge: its own evidence sentence and confidence
        j = view.page.evaluate("() => kgView.data.rels.findIndex(r => r.label === '获得荣誉')")
        view.page.evaluate("() => kgView.network.fit()")
        xy = view.page.evaluate("""(j) => { const n = kgView.network, e = n.body.edges['e' + j];
            return n.canvasToDOM(e.edgeType.getPoint(0.5)); }""", j)
        box = view.page.locator("#mynetwork").bounding_box()
        view.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        assert "获得荣誉" in panel.locator("h2").text_content()
        assert panel.locator(".sent").first.text_content() == "云台县青溪镇获评全国文明村镇。"
        assert "a2.txt" in panel.text_content() and "0.70" in panel.text_content()
        assert view.errors == [] and view.requests == []
    finally:
        view.close()


def test_a_link_with_a_name_opens_that_entity(browser, tiny):
    from urllib.parse import quote

    view = Opened(browser, tiny[1], hash="#" + quote("青溪合作社"))  # an alias
    try:
        view.page.locator("#panel h2").wait_for(state="visible")
        assert view.page.locator("#panel h2").text_content() == "青溪镇农业合作社"
    finally:
        view.close()


def test_relation_kind_and_document_filters(browser, tiny):
    g, path = tiny
    view = Opened(browser, path)
    try:
        total = view.stats()["drawnEdges"]
        view.page.locator("#kinds-box summary").click()
        view.page.locator('#kinds input[data-kind="隶属于(地点)"]').uncheck()
        assert view.stats()["drawnEdges"] == total - 1
        view.page.locator('#kinds input[data-kind="隶属于(地点)"]').check()
        d2 = view.page.evaluate("() => kgView.data.docs.findIndex(d => d.name === 'a2.txt')")
        view.page.select_option("#doc", str(d2))
        mentioned = set(g.objects(URIRef(X + "doc/a2.txt"), SDO.mentions))
        assert view.stats()["drawn"] == len(mentioned) == 2
    finally:
        view.close()


def test_markup_in_names_and_sentences_is_shown_as_text(browser, tmp_path):
    g = tiny_graph()
    bad = '<img src=x onerror="window.__pwned=1;alert(1)">'
    evil = _entity(g, bad, "Person", "</script><script>window.__pwned=2</script>")
    d = _doc(g, "x.txt", "<b>标题</b>")
    _sentence(g, d, 0, f"据报道{bad}出席了会议。<script>window.__pwned=3</script>", {bad: evil})
    path = tmp_path / "graph.html"
    render_html(g, path)
    assert "</script><script>window.__pwned" not in path.read_text(encoding="utf-8")
    view = Opened(browser, path)
    try:
        i = view.entity_index(bad)
        assert i >= 0
        view.click_node(i)
        view.page.mouse.move(10, 10)
        panel = view.page.locator("#panel")
        assert panel.locator("h2").text_content() == bad
        assert bad in panel.locator(".sent").first.text_content()
        _type_input(view.page, "<img")
        assert view.page.locator("#results li[role=option]").count() == 1
        assert view.page.evaluate("() => document.querySelectorAll('img').length") == 0
        assert "<b>标题</b>" in view.page.locator("#doc").text_content()
        assert view.page.evaluate("() => window.__pwned") is None
        assert view.dialogs == [] and view.requests == []
    finally:
        view.close()


def test_an_article_with_markup_runs_nothing(browser, tmp_path):
    from kg.pipeline import build

    art = tmp_path / "news" / "markup.txt"
    art.parent.mkdir()
    # the cleaner drops tags; an escaped tag stays in the sentence and must be shown as written
    art.write_text("浙江省宁波市召开大会。\n会上<img src=x onerror=\"window.__pwned=1;alert(1)\">宁波市委书记讲话。"
                   "<script>window.__pwned=2</script>杭州市代表发言。\n"
                   "宁波市&lt;img src=x onerror=alert(1)&gt;举办展会。\n", encoding="utf-8")
    result = build([art.parent])
    path = tmp_path / "graph.html"
    render_html(result.graph, path)
    view = Opened(browser, path)
    try:
        n = view.stats()["entities"]
        assert n == entity_count(result.graph) > 0
        # open every entity's and every relation's panel: all sentences go through the page
        shown = view.page.evaluate("""() => { const texts = [];
            kgView.data.ents.forEach((_, i) => { kgView.showEntity(i); texts.push(document.getElementById('panel').textContent); });
            kgView.data.rels.forEach((r, j) => r.o !== null && kgView.showRelation(j));
            return texts.join('\\n'); }""")
        view.page.wait_for_timeout(200)
        assert "宁波市&lt;img src=x onerror=alert(1)&gt;举办展会。" in shown
        assert view.page.evaluate("() => document.querySelectorAll('img').length") == 0
        assert view.page.evaluate("() => window.__pwned") is None
        assert view.dialogs == [] and view.errors == [] and view.requests == []
    finally:
        view.close()


def test_big_graph_starts_with_the_most_connected_and_grows(browser, tmp_path):
    g = Graph()
    hub = _entity(g, "中心机构", "Organization")
    ents = [_entity(g, f"成员单位{k:03d}", "Organization") for k in range(59)]
    for k, e in enumerate(ents):
        g.add((e, KG.subOrganizationOf, hub))
        if k % 3 == 0:
            g.add((e, KG.locatedIn, ents[(k + 1) % 59]))
    path = tmp_path / "graph.html"
    render_html(g, path, max_initial_nodes=20)
    view = Opened(browser, path)
    try:
        s = view.stats()
        assert s["entities"] == 60 and s["inView"] == 20 == s["drawn"]
        assert view.page.evaluate("() => kgView.nodes.get('n' + kgView.data.ents.findIndex(e => e.label === '中心机构')) !== null")
        assert view.page.locator("#more").is_visible()
        view.click_node(view.entity_index("中心机构"), double=True)
        assert view.stats()["inView"] == 60
        assert view.page.locator("#more").is_hidden()
    finally:
        view.close()


def test_show_more_and_precomputed_layout(browser, tmp_path):
    g = Graph()
    ents = [_entity(g, f"站点{k:03d}", "Place") for k in range(45)]
    for k in range(1, 45):
        g.add((ents[k], KG.partOf, ents[(k - 1) // 3]))
    path = tmp_path / "graph.html"
    render_html(g, path, max_initial_nodes=15, layout_threshold=10)  # laid out in Python, no page physics
    view = Opened(browser, path)
    try:
        assert view.stats()["inView"] == 15
        view.page.click("#more")
        assert view.stats()["inView"] == view.stats()["drawn"] == 45
        pos = view.page.evaluate("() => Object.values(kgView.network.getPositions()).map(p => [Math.round(p.x), Math.round(p.y)])")
        assert len({tuple(p) for p in pos}) == 45  # every node has its own place
        assert view.errors == []
    finally:
        view.close()


def test_save_png_downloads_an_image(browser, tiny):
    view = Opened(browser, tiny[1])
    try:
        with view.page.expect_download() as dl:
            view.page.click("#png")
        assert Path(dl.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert view.requests == []
    finally:
        view.close()


# ---------------------------------------------------------------- no browser
def test_new_relation_kinds_show_with_their_chinese_label():
    g = tiny_graph()
    p = URIRef(X + "twinnedWith")
    g.add((p, RDFS.label, Literal("结对", lang="zh")))
    a, b = list(g.subjects(RDF.type, KG.Place))[:2]
    g.add((a, p, b))
    v = view_model(g)
    assert "结对" in [k["label"] for k in v["kinds"]]
    assert {"隶属于(地点)", "位于", "获得荣誉", "任职"} <= {k["label"] for k in v["kinds"]}


def test_the_page_is_deterministic(tmp_path):
    render_html(tiny_graph(), tmp_path / "a.html")
    render_html(tiny_graph(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
