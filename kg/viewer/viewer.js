/* kg viewer: find, filter, read evidence, grow on demand. Every text goes in as textContent. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var readJSON = function (id) { return JSON.parse($(id).textContent); };
  var D = readJSON("kg-data");
  var OPTIONS = readJSON("kg-options");
  var NODE_SPEC = readJSON("kg-nodes");
  var EDGE_SPEC = readJSON("kg-edges");
  var N = D.ents.length;
  var t0 = performance.now();

  // ------------------------------------------------------------------ indexes
  var nodeSpec = new Array(N);
  NODE_SPEC.forEach(function (n) { nodeSpec[+n.id.slice(1)] = n; });
  var edgeSpec = {};
  EDGE_SPEC.forEach(function (e) { edgeSpec[+e.id.slice(1)] = e; });
  var adj = [];  // entity → relation indices touching it
  for (var i = 0; i < N; i++) adj.push([]);
  D.rels.forEach(function (r, j) {
    adj[r.s].push(j);
    if (r.o !== null && r.o !== r.s) adj[r.o].push(j);
  });
  var nid = function (i) { return "n" + i; };
  var eid = function (j) { return "e" + j; };
  var lower = function (s) { return String(s).toLowerCase(); };
  var names = D.ents.map(function (e) { return [e.label].concat(e.aliases); });
  var namesLower = names.map(function (ns) { return ns.map(lower); });
  var surfaces = D.ents.map(function (e, i) {
    var s = {};
    names[i].forEach(function (x) { s[x] = 1; });
    e.ment.forEach(function (m) { m[1].forEach(function (x) { s[x] = 1; }); });
    return Object.keys(s);
  });
  var byDegree = D.ents.map(function (_, i) { return i; }).sort(function (a, b) {
    return D.ents[b].deg - D.ents[a].deg || a - b;
  });
  var relDocs = D.rels.map(function (r) {
    var s = {};
    r.ev.forEach(function (ev) { if (ev[1] >= 0) s[ev[1]] = 1; });
    return s;
  });

  // ------------------------------------------------------------------ DOM helpers
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "class") node.className = attrs[k];
      else if (k === "style") node.style.cssText = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    for (var a = 2; a < arguments.length; a++) {
      var c = arguments[a];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  // The sentence as text, with every occurrence of any of `words` wrapped in <mark>.
  function highlighted(text, words) {
    var out = el("div", { "class": "sent" });
    var ws = words.filter(function (w) { return w; }).sort(function (a, b) { return b.length - a.length; });
    var pos = 0;
    while (pos < text.length) {
      var best = -1, bestW = "";
      for (var k = 0; k < ws.length; k++) {
        var at = text.indexOf(ws[k], pos);
        if (at >= 0 && (best < 0 || at < best || (at === best && ws[k].length > bestW.length))) { best = at; bestW = ws[k]; }
      }
      if (best < 0) break;
      if (best > pos) out.appendChild(document.createTextNode(text.slice(pos, best)));
      out.appendChild(el("mark", null, bestW));
      pos = best + bestW.length;
    }
    if (pos < text.length) out.appendChild(document.createTextNode(text.slice(pos)));
    return out;
  }
  function docName(di) {
    var d = D.docs[di];
    if (!d) return "";
    return d.title ? d.title + "（" + d.name + "）" : d.name;
  }
  function typeChip(ti) {
    var t = D.types[ti];
    return el("span", { "class": "chip" }, el("span", { "class": "dot", style: "background:" + t.colour }), t.label);
  }
  function conf(c) { return c === null || c === undefined ? "" : "置信度 " + Number(c).toFixed(2); }

  // ------------------------------------------------------------------ network
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var inView = new Uint8Array(N);     // 1 when the entity's node is in the DataSet
  var edgeInView = new Uint8Array(D.rels.length);
  var state = { hiddenTypes: {}, hiddenKinds: {}, doc: -1, focus: -1 };
  var dimmed = {};

  function tooltip(i) {
    var e = D.ents[i];
    var tip = el("div", { "class": "tip" }, el("b", null, e.label), " · ",
      e.types.map(function (t) { return D.types[t].label; }).join("、"));
    if (e.aliases.length) tip.appendChild(el("div", null, "别名：" + e.aliases.join("、")));
    e.ment.slice(0, 2).forEach(function (m) {
      var s = D.sents[m[0]];
      if (s) tip.appendChild(highlighted(s[1].length > 90 ? s[1].slice(0, 90) + "…" : s[1], surfaces[i]));
    });
    if (e.ment.length > 2) tip.appendChild(el("div", { "class": "muted" }, "共 " + e.ment.length + " 句提及，点击查看"));
    return tip;
  }
  function edgeTooltip(j) {
    var r = D.rels[j];
    var tip = el("div", { "class": "tip" }, el("b", null, D.ents[r.s].label + " → " + r.label + " → " + D.ents[r.o].label));
    if (r.c !== null) tip.appendChild(el("div", { "class": "conf" }, conf(r.c)));
    var ev = r.ev[0];
    if (ev && D.sents[ev[0]]) tip.appendChild(highlighted(D.sents[ev[0]][1], surfaces[r.s].concat(surfaces[r.o])));
    return tip;
  }
  // Tooltips are filled in on first hover: building thousands of them up front delays the page.
  var nodeTips = {}, edgeTips = {};
  function lazyTip() { return el("div", { "class": "tip" }); }
  function fillTip(tip, build) {
    if (tip && tip.childNodes.length === 0) { var full = build(); while (full.firstChild) tip.appendChild(full.firstChild); }
  }
  function nodeItem(i, x, y) {
    var spec = nodeSpec[i];
    var item = { id: spec.id, label: spec.label, color: spec.color, value: spec.value, shape: spec.shape };
    item.title = nodeTips[i] = nodeTips[i] || lazyTip();
    if (spec.x !== undefined) { item.x = spec.x; item.y = spec.y; }
    else if (x !== undefined) { item.x = x; item.y = y; }
    return item;
  }
  function edgeItem(j) {
    var spec = edgeSpec[j];
    return { id: spec.id, from: spec.from, to: spec.to, label: spec.label, title: edgeTips[j] = edgeTips[j] || lazyTip() };
  }

  // Seed positions for big graphs: breadth-first from the hubs along a sunflower spiral, so
  // neighbours start close and the physics needs few iterations to settle.
  function seedPositions(list) {
    var pos = {}, seen = {}, order = [], member = {};
    list.forEach(function (i) { member[i] = 1; });
    list.forEach(function (root) {
      if (seen[root]) return;
      var queue = [root]; seen[root] = 1;
      while (queue.length) {
        var i = queue.shift(); order.push(i);
        adj[i].map(function (j) { var r = D.rels[j]; return r.s === i ? r.o : r.s; })
          .filter(function (k) { return k !== null && member[k] && !seen[k]; })
          .sort(function (a, b) { return D.ents[b].deg - D.ents[a].deg || a - b; })
          .forEach(function (k) { seen[k] = 1; queue.push(k); });
      }
    });
    var golden = Math.PI * (3 - Math.sqrt(5));
    order.forEach(function (i, k) {
      var r = 22 * Math.sqrt(k + 1);
      pos[i] = [r * Math.cos(k * golden), r * Math.sin(k * golden)];
    });
    return pos;
  }

  var initial = N > D.maxInitial ? byDegree.slice(0, D.maxInitial) : byDegree.slice();
  var big = initial.length > 150;
  var seeds = big && !D.positioned ? seedPositions(initial) : {};
  var firstNodes = initial.slice().sort(function (a, b) { return a - b; }).map(function (i) {
    inView[i] = 1;
    return seeds[i] ? nodeItem(i, seeds[i][0], seeds[i][1]) : nodeItem(i);
  });
  var firstEdges = [];
  D.rels.forEach(function (r, j) {
    if (r.o !== null && inView[r.s] && inView[r.o]) { edgeInView[j] = 1; firstEdges.push(edgeItem(j)); }
  });
  nodes.add(firstNodes);
  edges.add(firstEdges);

  // Size-dependent drawing: straight edges and no edges while dragging once the graph is large.
  var many = firstEdges.length > 1500 || firstNodes.length > 800;
  OPTIONS.layout.improvedLayout = !big;
  OPTIONS.physics.stabilization.iterations = big ? Math.max(100, Math.min(300, Math.round(60000 / firstNodes.length))) : 1000;
  if (D.positioned) OPTIONS.physics.enabled = false;  // laid out already (kg/viewer/layout.py)
  if (many) {
    OPTIONS.edges.arrows.to.enabled = false;
    OPTIONS.edges.scaling = { label: { drawThreshold: 12 } };  // edge labels from zoom 1 on
    OPTIONS.nodes.borderWidth = 0;  // a stroke per node is a good part of each frame
    OPTIONS.interaction.hover = firstNodes.length <= 2500;
    OPTIONS.edges.smooth = false;
    OPTIONS.interaction.hideEdgesOnDrag = true;
    OPTIONS.interaction.hideEdgesOnZoom = true;
    OPTIONS.physics.stabilization.updateInterval = 10;
  }

  var stats = window.kgStats = {
    entities: N, relations: D.rels.filter(function (r) { return r.o !== null; }).length,
    documents: D.docs.length, drawn: 0, drawnEdges: 0, inView: 0, stabilized: false, readyMs: null,
  };
  var container = $("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, OPTIONS);

  // Arrow heads are most of a frame on thousands of edges and too small to see when zoomed out:
  // big graphs draw them only from a readable zoom on.
  if (many) {
    var arrowsOn = network.getScale() >= 0.6;
    network.setOptions({ edges: { arrows: { to: { enabled: arrowsOn, scaleFactor: 0.5 } } } });
    network.on("zoom", function (p) {
      var want = p.scale >= 0.6;
      if (want === arrowsOn) return;
      arrowsOn = want;
      network.setOptions({ edges: { arrows: { to: { enabled: want, scaleFactor: 0.5 } } } });
    });
  }
  network.on("beforeDrawing", function (ctx) {  // white, not transparent, in saved PNGs
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  network.on("stabilizationProgress", function (p) {
    $("loading-text").textContent = "正在布局… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function settled() {
    if (stats.stabilized) return;
    network.setOptions({ physics: { enabled: false } });
    stats.stabilized = true;
    stats.readyMs = Math.round(performance.now());
    stats.layoutMs = Math.round(performance.now() - t0);
    $("loading").className = "done";
    network.fit();
    openFromHash();
  }
  // graph.html#名称 opens that entity: a view can be shared as a link.
  function openFromHash() {
    var q = "";
    try { q = decodeURIComponent(location.hash.slice(1)); } catch (err) { q = ""; }
    if (!q) return;
    var hits = find(q);
    if (hits.length) focusEntity(hits[0]);
  }
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (firstNodes.length === 0) settled();
  else if (D.positioned) network.once("afterDrawing", function () { setTimeout(settled, 0); });

  // ------------------------------------------------------------------ filters
  function nodeVisible(i) {
    var e = D.ents[i];
    if (state.hiddenTypes[e.t]) return false;
    if (state.doc >= 0 && e.docs.indexOf(state.doc) < 0) return false;
    return true;
  }
  function edgeVisible(j, visibleNode) {
    var r = D.rels[j];
    if (state.hiddenKinds[r.k]) return false;
    if (!visibleNode[r.s] || !visibleNode[r.o]) return false;
    if (state.doc >= 0 && !relDocs[j][state.doc]) return false;
    return true;
  }
  function applyFilters() {
    var vis = new Uint8Array(N), nodeUpd = [], edgeUpd = [];
    var drawn = 0, drawnEdges = 0;
    for (var i = 0; i < N; i++) {
      if (!inView[i]) continue;
      vis[i] = nodeVisible(i) ? 1 : 0;
      drawn += vis[i];
      var cur = nodes.get(nid(i), { fields: ["hidden"] });
      if (!!(cur && cur.hidden) !== !vis[i]) nodeUpd.push({ id: nid(i), hidden: !vis[i] });
    }
    for (var j = 0; j < D.rels.length; j++) {
      if (!edgeInView[j]) continue;
      var v = edgeVisible(j, vis);
      drawnEdges += v ? 1 : 0;
      var ce = edges.get(eid(j), { fields: ["hidden"] });
      if (!!(ce && ce.hidden) !== !v) edgeUpd.push({ id: eid(j), hidden: !v });
    }
    if (nodeUpd.length) nodes.update(nodeUpd);
    if (edgeUpd.length) edges.update(edgeUpd);
    stats.drawn = drawn; stats.drawnEdges = drawnEdges; stats.inView = nodes.length;
    showStatus();
  }
  function showStatus() {
    var parts = [stats.drawn + " / " + N + " 个实体", stats.drawnEdges + " 条关系", D.docs.length + " 篇文档"];
    var text = parts.join(" · ");
    if (nodes.length < N) text += " — 先显示连接最多的实体：双击节点展开邻居，或点“显示更多”";
    else text += " — 搜索名称 · 点图例筛选类型 · 点节点看证据 · 双击展开邻居";
    $("status").textContent = text;
    $("more").hidden = nodes.length >= N;
  }

  function buildLegend() {
    var legend = $("legend");
    D.types.forEach(function (t, ti) {
      var chip = el("span", { "class": "chip" + (t.count ? "" : " empty"), role: "checkbox", tabindex: "0",
        "aria-checked": "true", "data-type": t.id, title: t.count ? "点击显示/隐藏" + t.label : "无" + t.label },
        el("span", { "class": "dot", style: "background:" + t.colour }), t.label, el("span", { "class": "n" }, String(t.count)));
      var toggle = function () {
        if (!t.count) return;
        state.hiddenTypes[ti] = !state.hiddenTypes[ti];
        chip.classList.toggle("off", !!state.hiddenTypes[ti]);
        chip.setAttribute("aria-checked", state.hiddenTypes[ti] ? "false" : "true");
        applyFilters();
      };
      chip.addEventListener("click", toggle);
      chip.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); } });
      legend.appendChild(chip);
    });
    var kinds = $("kinds");
    var edgeCount = D.kinds.map(function () { return 0; });
    D.rels.forEach(function (r) { if (r.o !== null) edgeCount[r.k]++; });
    D.kinds.forEach(function (k, ki) {
      if (!edgeCount[ki]) return;  // facts with a value (成立时间) are in the panel, not drawn
      var box = el("input", { type: "checkbox", "data-kind": k.label });
      box.checked = true;
      box.addEventListener("change", function () { state.hiddenKinds[ki] = !box.checked; applyFilters(); });
      kinds.appendChild(el("label", { "class": "chip" }, box, k.label, el("span", { "class": "n" }, String(edgeCount[ki]))));
    });
    if (!kinds.childNodes.length) kinds.appendChild(el("span", { "class": "muted" }, "（无关系）"));
    var sel = $("doc");
    sel.appendChild(el("option", { value: "-1" }, "全部文档（" + D.docs.length + "）"));
    D.docs.forEach(function (d, di) { sel.appendChild(el("option", { value: String(di) }, docName(di))); });
    sel.addEventListener("change", function () { state.doc = +sel.value; applyFilters(); });
  }

  // ------------------------------------------------------------------ grow on demand
  function around(i) {  // a free spot near an entity already in view
    var p = inView[i] ? network.getPositions([nid(i)])[nid(i)] : null;
    if (!p) return null;
    var a = ((i * 2654435761) % 360) * Math.PI / 180;
    return [p.x + 90 * Math.cos(a), p.y + 90 * Math.sin(a)];
  }
  function bring(list) {  // add entities (and their edges to what is in view) to the network
    var add = [], addE = [];
    list.forEach(function (i) {
      if (inView[i]) return;
      var near = null;
      adj[i].some(function (j) {
        var r = D.rels[j], k = r.s === i ? r.o : r.s;
        if (k !== null && inView[k]) { near = around(k); return true; }
        return false;
      });
      if (!near) {
        var R = 60 * Math.sqrt(nodes.length + add.length + 1);
        var a = (nodes.length + add.length) * 2.39996;
        near = [R * Math.cos(a), R * Math.sin(a)];
      }
      inView[i] = 1;
      add.push(nodeItem(i, near[0], near[1]));
    });
    if (!add.length) return 0;
    nodes.add(add);
    list.forEach(function (i) {
      adj[i].forEach(function (j) {
        var r = D.rels[j];
        if (r.o !== null && !edgeInView[j] && inView[r.s] && inView[r.o]) { edgeInView[j] = 1; addE.push(edgeItem(j)); }
      });
    });
    edges.add(addE);
    applyFilters();
    return add.length;
  }
  function neighbours(i) {
    var out = [];
    adj[i].forEach(function (j) { var r = D.rels[j]; var k = r.s === i ? r.o : r.s; if (k !== null && k !== i) out.push(k); });
    return out;
  }
  function expand(i) { return bring(neighbours(i)); }
  function showMore() {
    var step = Math.max(100, Math.min(D.maxInitial, 1000)), next = [];
    for (var k = 0; k < byDegree.length && next.length < step; k++) if (!inView[byDegree[k]]) next.push(byDegree[k]);
    return bring(next);
  }

  // ------------------------------------------------------------------ highlight + focus
  function highlight(i) {
    clearHighlight();
    if (i < 0) return;
    var keep = {}; keep[i] = 1;
    neighbours(i).forEach(function (k) { keep[k] = 1; });
    var upd = [];
    for (var k = 0; k < N; k++) {
      if (inView[k] && !keep[k]) { dimmed[k] = 1; upd.push({ id: nid(k), color: "#e4e4e4", font: { color: "#bbbbbb" } }); }
    }
    nodes.update(upd);
    state.focus = i;
  }
  function clearHighlight() {
    var upd = Object.keys(dimmed).map(function (k) {
      return { id: nid(k), color: nodeSpec[k].color, font: { color: OPTIONS.nodes.font.color } };
    });
    dimmed = {};
    if (upd.length) nodes.update(upd);
    state.focus = -1;
  }
  function revealFor(i) {  // make sure filters do not hide the entity we jump to
    var changed = false;
    if (state.hiddenTypes[D.ents[i].t]) {
      state.hiddenTypes[D.ents[i].t] = false; changed = true;
      var chip = $("legend").querySelector('[data-type="' + D.types[D.ents[i].t].id + '"]');
      if (chip) { chip.classList.remove("off"); chip.setAttribute("aria-checked", "true"); }
    }
    if (state.doc >= 0 && D.ents[i].docs.indexOf(state.doc) < 0) { state.doc = -1; $("doc").value = "-1"; changed = true; }
    if (changed) applyFilters();
  }
  function focusEntity(i) {
    bring([i]);
    expand(i);
    revealFor(i);
    network.selectNodes([nid(i)]);
    highlight(i);
    showEntity(i);
    var shift = panel.hidden ? 0 : -panel.offsetWidth / 2;
    network.focus(nid(i), { scale: Math.max(network.getScale(), 1.0), offset: { x: shift, y: 0 },
      animation: { duration: 350, easingFunction: "easeInOutQuad" } });
  }

  // ------------------------------------------------------------------ side panel
  var panel = $("panel"), body = $("panel-body");
  function openPanel(children) {
    body.textContent = "";
    children.forEach(function (c) { if (c) body.appendChild(c); });
    panel.hidden = false;
    body.scrollTop = 0;
  }
  function entityLink(i) {
    return el("button", { type: "button", "class": "link", onclick: function () { focusEntity(i); } }, D.ents[i].label);
  }
  function evidenceList(ev, words, limit) {
    var ul = el("ul");
    ev.slice(0, limit).forEach(function (x) {
      var s = D.sents[x[0]];
      var meta = [docName(x[1])];
      if (x[4]) meta.push("抽取：" + x[4]);
      if (x[5] !== null && x[5] !== undefined) meta.push(conf(x[5]));
      ul.appendChild(el("li", null, s ? highlighted(s[1], words) : el("div", { "class": "muted" }, "（无句子）"),
        el("div", { "class": "src" }, meta.filter(Boolean).join(" · "))));
    });
    if (ev.length > limit) ul.appendChild(el("li", { "class": "muted" }, "另有 " + (ev.length - limit) + " 条证据"));
    return ul;
  }
  function showEntity(i) {
    var e = D.ents[i];
    var parts = [el("div", { "class": "types" }, e.types.map(typeChip).reduce(function (f, c) { f.appendChild(c); return f; }, document.createDocumentFragment())),
      el("h2", null, e.label)];
    parts.push(el("div", null, el("span", { "class": "muted" }, "别名："), e.aliases.length ? e.aliases.join("、") : "（无）"));
    parts.push(el("div", { "class": "iri" }, e.iri));
    // Relations, each with its own evidence and confidence.
    parts.push(el("h3", null, "关系（" + adj[i].length + "）"));
    var rl = el("ul", { "class": "rels" });
    adj[i].slice(0, 200).forEach(function (j) {
      var r = D.rels[j];
      var head = el("div", { "class": "rel-head" });
      if (r.o === null) head.appendChild(el("span", null, el("span", { "class": "rel-kind" }, r.label + "："), r.lit));
      else if (r.s === i) head.appendChild(el("span", null, "→ ", el("span", { "class": "rel-kind" }, r.label), " → ", entityLink(r.o)));
      else head.appendChild(el("span", null, entityLink(r.s), " → ", el("span", { "class": "rel-kind" }, r.label), " → ", el("b", null, e.label)));
      if (r.c !== null) head.appendChild(el("span", { "class": "conf" }, conf(r.c)));
      var words = surfaces[r.s].concat(r.o !== null ? surfaces[r.o] : [r.lit]);
      rl.appendChild(el("li", { "data-rel": String(j) }, head, evidenceList(r.ev, words, 1)));
    });
    if (adj[i].length > 200) rl.appendChild(el("li", { "class": "muted" }, "另有 " + (adj[i].length - 200) + " 条关系"));
    if (!adj[i].length) rl.appendChild(el("li", { "class": "muted" }, "（无）"));
    parts.push(rl);
    // The documents that mention it, each with its sentences and the name marked.
    var perDoc = {};
    e.ment.forEach(function (m) {
      var s = D.sents[m[0]];
      if (s) (perDoc[s[0]] = perDoc[s[0]] || []).push(m);
    });
    parts.push(el("h3", null, "提及它的文档（" + e.docs.length + " 篇 · " + e.ment.length + " 句）"));
    var groups = el("div", { "class": "docs" });
    var addGroup = function (di) {
      var ms = perDoc[di] || [];
      var ul = el("ul", { "class": "sents" });
      var fill = function (limit) {
        ul.textContent = "";
        ms.slice(0, limit).forEach(function (m) {
          ul.appendChild(el("li", null, highlighted(D.sents[m[0]][1], m[1].concat(surfaces[i]))));
        });
        if (ms.length > limit) {
          ul.appendChild(el("li", null, el("button", { type: "button", "class": "link", onclick: function () { fill(ms.length); } },
            "显示全部 " + ms.length + " 句")));
        }
      };
      fill(3);
      groups.appendChild(el("section", { "class": "doc-group", "data-doc": String(di) },
        el("h4", null, docName(di), el("span", { "class": "muted" }, " · " + ms.length + " 句 "),
          el("button", { type: "button", "class": "link", title: "只显示这篇文档提及的实体",
            onclick: function () { state.doc = di; $("doc").value = String(di); applyFilters(); } }, "只看此文")),
        el("div", { "class": "src" }, D.docs[di].source), ul));
    };
    e.docs.slice(0, 30).forEach(addGroup);
    if (e.docs.length > 30) {
      var rest = el("button", { type: "button", "class": "link", onclick: function () { rest.remove(); e.docs.slice(30).forEach(addGroup); } },
        "显示其余 " + (e.docs.length - 30) + " 篇");
      groups.appendChild(rest);
    }
    parts.push(groups);
    parts.push(el("div", { "class": "muted" }, "双击节点展开它的全部邻居"));
    openPanel(parts);
    panel.setAttribute("data-entity", String(i));
    try { history.replaceState(null, "", "#" + encodeURIComponent(e.label)); } catch (err) { /* some viewers forbid it */ }
  }
  function showRelation(j) {
    var r = D.rels[j];
    var kind = D.kinds[r.k];
    var parts = [el("div", { "class": "muted" }, "关系" + (kind && kind.label !== r.label ? "：" + kind.label : "")),
      el("h2", null, entityLink(r.s), " → ", r.label, " → ", r.o !== null ? entityLink(r.o) : r.lit)];
    if (r.c !== null) parts.push(el("div", { "class": "conf" }, conf(r.c)));
    parts.push(el("h3", null, "证据（" + r.ev.length + "）"));
    parts.push(evidenceList(r.ev, surfaces[r.s].concat(r.o !== null ? surfaces[r.o] : [r.lit]), 50));
    openPanel(parts);
    panel.setAttribute("data-entity", "");
  }
  function closePanel() { panel.hidden = true; network.unselectAll(); clearHighlight(); }
  $("close").addEventListener("click", closePanel);

  network.on("click", function (p) {
    if (p.nodes.length) { var i = +String(p.nodes[0]).slice(1); highlight(i); showEntity(i); }
    else if (p.edges.length) { clearHighlight(); showRelation(+String(p.edges[0]).slice(1)); }
    else closePanel();
  });
  network.on("hoverNode", function (p) {
    var i = +String(p.node).slice(1);
    fillTip(nodeTips[i], function () { return tooltip(i); });
  });
  network.on("hoverEdge", function (p) {
    var j = +String(p.edge).slice(1);
    fillTip(edgeTips[j], function () { return edgeTooltip(j); });
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length) { var i = +String(p.nodes[0]).slice(1); expand(i); highlight(i); }
  });

  // ------------------------------------------------------------------ search
  var search = $("search"), results = $("results"), hits = [], active = 0;
  function find(q) {
    q = lower(q.trim());
    if (!q) return [];
    var scored = [];
    for (var i = 0; i < N; i++) {
      var ns = namesLower[i], best = -1;
      for (var k = 0; k < ns.length; k++) {
        var at = ns[k].indexOf(q);
        if (at < 0) continue;
        var score = (ns[k] === q ? 0 : at === 0 ? 1 : 2) * 2 + (k === 0 ? 0 : 1);
        if (best < 0 || score < best) best = score;
      }
      if (best >= 0) scored.push([best, -D.ents[i].deg, names[i][0].length, i]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return scored.map(function (s) { return s[3]; });
  }
  function showResults() {
    results.textContent = "";
    hits = find(search.value);
    active = 0;
    if (!search.value.trim()) { results.hidden = true; return; }
    if (!hits.length) results.appendChild(el("li", { "class": "hint" }, "没有找到"));
    hits.slice(0, 15).forEach(function (i, k) {
      var e = D.ents[i];
      var q = lower(search.value.trim());
      var alias = e.aliases.filter(function (a) { return lower(a).indexOf(q) >= 0; })[0];
      var li = el("li", { role: "option", "data-entity": String(i), "aria-selected": k === 0 ? "true" : "false" },
        el("span", { "class": "dot", style: "display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:6px;background:" + D.types[e.t].colour }),
        e.label, alias && lower(e.label).indexOf(q) < 0 ? el("span", { "class": "hint" }, "（别名 " + alias + "）") : null,
        el("span", { "class": "hint" }, " " + D.types[e.t].label));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    if (hits.length > 15) results.appendChild(el("li", { "class": "hint" }, "…共 " + hits.length + " 个"));
    results.hidden = false;
  }
  function choose(i) { results.hidden = true; search.blur(); focusEntity(i); }
  function mark(k) {
    var items = results.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (k + items.length) % items.length;
    items.forEach(function (li, n) { li.setAttribute("aria-selected", n === active ? "true" : "false"); });
  }
  search.addEventListener("input", showResults);
  search.addEventListener("focus", function () { if (search.value.trim()) showResults(); });
  search.addEventListener("blur", function () { setTimeout(function () { results.hidden = true; }, 150); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); mark(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); mark(active - 1); }
    else if (ev.key === "Enter") { ev.preventDefault(); if (hits.length) choose(hits[Math.min(active, hits.length - 1)]); }
    else if (ev.key === "Escape") { results.hidden = true; search.blur(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
    else if (ev.key === "Escape" && document.activeElement !== search) closePanel();
  });

  // ------------------------------------------------------------------ buttons
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("more").addEventListener("click", showMore);
  // The PNG is the current view with the legend of the types shown drawn in its top-left corner.
  function snapshot() {
    var src = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    var ratio = src.width / Math.max(1, src.clientWidth);
    ctx.scale(ratio, ratio);
    ctx.font = "13px " + OPTIONS.nodes.font.face;
    ctx.textBaseline = "middle";
    var y = 16;
    D.types.forEach(function (t, ti) {
      if (!t.count || state.hiddenTypes[ti]) return;
      ctx.fillStyle = t.colour; ctx.beginPath(); ctx.arc(16, y, 6, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = "#333333"; ctx.fillText(t.label + " " + t.count, 28, y);
      y += 20;
    });
    return out.toDataURL("image/png");
  }
  $("png").addEventListener("click", function () {
    var a = el("a", { download: "kg-graph.png", href: snapshot() });
    document.body.appendChild(a); a.click(); a.remove();
  });

  if (D.title) document.title = D.title;
  buildLegend();
  applyFilters();
  window.kgView = {
    network: network, nodes: nodes, edges: edges, data: D, find: find, focusEntity: focusEntity,
    showEntity: showEntity, showRelation: showRelation, expand: expand, showMore: showMore, applyFilters: applyFilters,
  };
})();
