// kg-builder network view. Every piece of data is shown with textContent: text, never HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // --- text matching: accents, case and spacing ignored ----------------------------------
  function foldChar(c) {
    return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function fold(text) {
    return Array.from(String(text)).map(foldChar).join("").replace(/\s+/g, " ").trim();
  }
  // Folded copy of text plus, for each folded character, the index of its original character.
  function foldMap(text) {
    var folded = "", map = [], i = 0;
    Array.from(text).forEach(function (c) {
      var f = foldChar(c);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
      i += c.length;
    });
    map.push(i);
    return { folded: folded, map: map };
  }
  // Append text to parent with every occurrence of one of terms wrapped in <mark>.
  function appendHighlighted(parent, text, terms) {
    var fm = foldMap(text), ranges = [];
    terms.map(fold).filter(function (t) { return t.length > 1; })
      .sort(function (a, b) { return b.length - a.length; })
      .forEach(function (term) {
        var from = 0, at;
        while ((at = fm.folded.indexOf(term, from)) >= 0) {
          var start = fm.map[at], end = fm.map[at + term.length];
          if (!ranges.some(function (r) { return start < r[1] && end > r[0]; })) ranges.push([start, end]);
          from = at + term.length;
        }
      });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var last = 0;
    ranges.forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(last, r[0])));
      parent.appendChild(el("mark", text.slice(r[0], r[1])));
      last = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // --- dates: an ISO date of any precision covers [first day, last day] ------------------
  var LIST_LIMIT = 200;  // relations listed in a node's panel
  var ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  function bounds(d) {
    var parts = String(d).slice(0, 10).split("-");
    var low = parts.concat(["01", "01"].slice(0, 3 - parts.length)).join("-");
    var high = parts.length === 1 ? parts[0] + "-12-31" : parts.length === 2 ? parts.join("-") + "-31" : parts.join("-");
    return [low, high];
  }

  // --- the data ------------------------------------------------------------------------
  var nodeById = new Map(), edgeById = new Map(), edgesOf = new Map();
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); edgesOf.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) edgesOf.get(e.to).push(e);
  });

  var state = {
    classes: new Set(data.classes.map(function (c) { return c.name; })),
    relations: new Set(data.relations.map(function (r) { return r.name; })),
    since: null, until: null, focus: null, depth: 1
  };
  var visibleNodes = new Set(), visibleEdges = new Set();

  function dateOk(e) {
    if (!state.since && !state.until) return true;
    var low = state.since ? bounds(state.since)[0] : "0000", high = state.until ? bounds(state.until)[1] : "9999";
    return (e.dates || []).some(function (d) { var b = bounds(d); return b[1] >= low && b[0] <= high; });
  }

  function compute() {
    var linked = new Set();
    visibleEdges = new Set();
    data.edges.forEach(function (e) {
      if (!state.relations.has(e.rel) || !dateOk(e)) return;
      if (!state.classes.has(nodeById.get(e.from).cls) || !state.classes.has(nodeById.get(e.to).cls)) return;
      visibleEdges.add(e.id); linked.add(e.from); linked.add(e.to);
    });
    var dated = Boolean(state.since || state.until);
    visibleNodes = new Set();
    data.nodes.forEach(function (n) {
      if (!state.classes.has(n.cls)) return;
      if (linked.has(n.id) || (edgesOf.get(n.id).length === 0 && !dated)) visibleNodes.add(n.id);
    });
    if (state.focus !== null && visibleNodes.has(state.focus)) {
      var seen = new Set([state.focus]), frontier = [state.focus];
      for (var step = 0; step < state.depth; step++) {
        var next = [];
        frontier.forEach(function (id) {
          edgesOf.get(id).forEach(function (e) {
            if (!visibleEdges.has(e.id)) return;
            var other = e.from === id ? e.to : e.from;
            if (!seen.has(other)) { seen.add(other); next.push(other); }
          });
        });
        frontier = next;
      }
      visibleNodes = seen;
      visibleEdges = new Set(Array.from(visibleEdges).filter(function (id) {
        var e = edgeById.get(id); return seen.has(e.from) && seen.has(e.to);
      }));
    }
  }

  function showStatus() {
    var status = $("status");
    status.dataset.nodes = String(visibleNodes.size);
    status.dataset.edges = String(visibleEdges.size);
    status.textContent = visibleNodes.size + " of " + data.nodes.length + " nodes · " +
      visibleEdges.size + " of " + data.edges.length + " edges" + (state.focus !== null ? " (focus)" : "");
  }

  // --- fitting the drawing to the canvas ------------------------------------------------
  // The layout is stretched along one axis (at most STRETCH times) to the canvas's shape, so
  // that the network fills the canvas; labels are then enlarged when the network opens zoomed
  // out, so that edge labels stay legible (up to twice their size in the drawing).
  var STRETCH = 1.8;
  var container = $("network");
  function stretchFactors(points) {
    var width = container.clientWidth, height = container.clientHeight;
    if (points.length < 2 || !width || !height) return [1, 1];
    var xs = points.map(function (p) { return p.x; }), ys = points.map(function (p) { return p.y; });
    var spanX = Math.max.apply(null, xs) - Math.min.apply(null, xs);
    var spanY = Math.max.apply(null, ys) - Math.min.apply(null, ys);
    if (!(spanX > 0 && spanY > 0)) return [1, 1];
    var want = width / height, have = spanX / spanY;
    return have < want ? [Math.min(want / have, STRETCH), 1] : [1, Math.min(have / want, STRETCH)];
  }
  // A network laid out in Python is large: its edge labels keep their size, and show once
  // zoomed in (labels under 7 px on screen are not drawn), rather than cover the drawing.
  function legibleLabels() {
    var scale = network.getScale(), grow = scale > 0 ? 1 / scale : 1;
    if (grow <= 1) return;
    var options = { nodes: { font: { size: data.options.nodes.font.size * Math.min(grow, 1.5) } } };
    if (data.physics) options.edges = { font: { size: data.options.edges.font.size * Math.min(grow, 2) } };
    network.setOptions(options);
  }
  function fitWithMargin() {  // room for the labels of the nodes on the edges of the drawing
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.92, animation: false });
  }
  function fitToCanvas() {
    var ids = network.body.nodeIndices, positions = network.getPositions(ids);
    var factors = stretchFactors(ids.map(function (id) { return positions[id]; }));
    if (factors[0] !== 1 || factors[1] !== 1) {
      ids.forEach(function (id) {
        network.moveNode(id, positions[id].x * factors[0], positions[id].y * factors[1]);
      });
    }
    fitWithMargin();
    legibleLabels();
  }
  if (!data.physics) {  // positions computed in Python: stretch them before the first frame
    var placed = data.nodes.filter(function (n) { return typeof n.x === "number"; });
    var factors = stretchFactors(placed);
    placed.forEach(function (n) { n.x *= factors[0]; n.y *= factors[1]; });
  }

  // --- the network ---------------------------------------------------------------------
  compute();
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, data.options);

  function apply() {
    compute();
    nodeView.refresh();
    edgeView.refresh();
    showStatus();
  }

  function markReady() {
    document.body.dataset.ready = "1";
    window.kgReadyAt = performance.now();
  }
  var fitted = false;
  network.on("afterDrawing", function () {
    if (fitted && document.body.dataset.ready !== "1") markReady();
  });
  if (data.physics && data.nodes.length > 1) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fitToCanvas();
      fitted = true;
      network.redraw();
    });
  } else {
    fitWithMargin();
    legibleLabels();
    fitted = true;
    network.redraw();
  }

  // --- legend and filters --------------------------------------------------------------
  function checkbox(set, name, labelParts) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = name;
    box.addEventListener("change", function () {
      if (box.checked) set.add(name); else set.delete(name);
      apply();
    });
    label.appendChild(box);
    labelParts.forEach(function (part) { label.appendChild(part); });
    return label;
  }
  data.classes.forEach(function (c) {
    var swatch = el("span", null, "swatch");
    swatch.style.background = c.color;
    $("classes").appendChild(checkbox(state.classes, c.name,
      [swatch, el("span", c.name), document.createTextNode(" "), el("span", "(" + c.count + ")", "count")]));
  });
  data.relations.forEach(function (r) {
    $("relations").appendChild(checkbox(state.relations, r.name,
      [el("span", " " + r.name + " "), el("span", "(" + r.count + ")", "count")]));
  });
  ["since", "until"].forEach(function (name) {
    $(name).addEventListener("change", function () {
      var value = $(name).value.trim();
      state[name] = ISO.test(value) ? value : null;
      apply();
    });
  });
  $("show-all").addEventListener("click", function () {
    state.focus = null;
    state.classes = new Set(data.classes.map(function (c) { return c.name; }));
    state.relations = new Set(data.relations.map(function (r) { return r.name; }));
    state.since = state.until = null;
    $("since").value = $("until").value = "";
    document.querySelectorAll("#classes input, #relations input").forEach(function (b) { b.checked = true; });
    apply();
    network.fit();
  });

  // --- search --------------------------------------------------------------------------
  var searchIndex = data.nodes.map(function (n) {
    return { id: n.id, names: [n.name].concat(n.aliases || []).map(fold) };
  });
  function matches(query) {
    var q = fold(query);
    if (!q) return [];
    var scored = [];
    searchIndex.forEach(function (entry) {
      var best = 9;
      entry.names.forEach(function (name) {
        if (name === q) best = Math.min(best, 0);
        else if (name.indexOf(q) === 0) best = Math.min(best, 1);
        else if ((" " + name).indexOf(" " + q) >= 0) best = Math.min(best, 2);
        else if (name.indexOf(q) >= 0) best = Math.min(best, 3);
      });
      if (best < 9) scored.push([best, nodeById.get(entry.id).name, entry.id]);
    });
    scored.sort(function (a, b) {
      return a[0] - b[0] || a[1].length - b[1].length || a[1].localeCompare(b[1]);
    });
    return scored.slice(0, 12).map(function (s) { return s[2]; });
  }
  function jumpTo(id) {
    if (!visibleNodes.has(id)) {
      state.focus = null;
      state.classes.add(nodeById.get(id).cls);
      document.querySelectorAll("#classes input").forEach(function (b) { if (b.value === nodeById.get(id).cls) b.checked = true; });
      apply();
      if (!visibleNodes.has(id)) $("show-all").click();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }
  function listResults(ids) {
    var list = $("search-results");
    list.replaceChildren();
    ids.forEach(function (id) {
      var item = el("li"), button = el("button", nodeById.get(id).name);
      button.type = "button";
      button.appendChild(el("span", " · " + nodeById.get(id).cls, "count"));
      button.addEventListener("click", function () { list.hidden = true; jumpTo(id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = ids.length === 0;
  }
  $("search").addEventListener("input", function () { listResults(matches($("search").value)); });
  $("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var found = matches($("search").value);
    $("search-results").hidden = true;
    if (found.length) jumpTo(found[0]);
    else { clearPanel(); $("panel").appendChild(el("p", "Nothing is labelled “" + $("search").value + "”.", "hint")); }
  });

  // --- the side panel ------------------------------------------------------------------
  function clearPanel() { $("panel").replaceChildren(); }
  function definitions(pairs) {
    var dl = el("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null || pair[1] === "") return;
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", pair[1]));
    });
    return dl;
  }
  function nodeButton(id) {
    var b = el("button", nodeById.get(id).name, "link");
    b.type = "button";
    b.addEventListener("click", function () { jumpTo(id); });
    return b;
  }
  function edgeButton(e, text) {
    var b = el("button", text, "link");
    b.type = "button";
    b.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
    return b;
  }
  function evidenceBlock(ev, terms) {
    var box = el("div", null, "evidence"), doc = data.documents[ev.doc] || {};
    if (ev.sentence) {
      var quote = el("blockquote");
      appendHighlighted(quote, ev.sentence, terms);
      box.appendChild(quote);
    }
    if (ev.note) box.appendChild(el("p", "Note: " + ev.note));
    var where = ev.line !== undefined ? "line " + ev.line
      : ev.start !== undefined ? "characters " + ev.start + "–" + ev.end : null;
    box.appendChild(definitions([
      ["Document", doc.title || (doc.source ? String(doc.source).split("/").pop() : doc.iri)], ["Date", ev.date || doc.date], ["Source", doc.source],
      ["Where", where], ["Method", ev.method],
      ["Confidence", ev.confidence !== undefined ? Number(ev.confidence).toFixed(2) : null],
      ["Cites", ev.cites]
    ]));
    box.lastChild.classList.add("meta");
    return box;
  }
  function showEdge(id) {
    var e = edgeById.get(id), a = nodeById.get(e.from), b = nodeById.get(e.to);
    var panel = $("panel");
    clearPanel();
    panel.dataset.edge = String(id);
    delete panel.dataset.node;
    var head = el("h3");
    head.appendChild(nodeButton(a.id));
    head.appendChild(el("span", e.arrows ? " → " + e.rel + " → " : " — " + e.rel + " — "));
    head.appendChild(nodeButton(b.id));
    panel.appendChild(head);
    panel.appendChild(el("p", (e.dates.length ? "Dated " + e.dates.join(", ") + " · " : "") +
      e.ev.length + " piece" + (e.ev.length === 1 ? "" : "s") + " of evidence", "kind"));
    var terms = [a.name, b.name].concat(a.aliases || [], b.aliases || []);
    e.ev.forEach(function (ev) { panel.appendChild(evidenceBlock(ev, terms)); });
  }
  function showNode(id) {
    var n = nodeById.get(id), panel = $("panel");
    clearPanel();
    panel.dataset.node = String(id);
    delete panel.dataset.edge;
    panel.appendChild(el("h3", n.name));
    panel.appendChild(el("p", n.cls, "kind"));
    var pairs = [["IRI", n.iri]];
    if (n.aliases && n.aliases.length) pairs.push(["Also", n.aliases.join("; ")]);
    if (n.articles) pairs.push(["Named in", n.articles + " article" + (n.articles === 1 ? "" : "s")]);
    (n.attrs || []).forEach(function (pair) { pairs.push(pair); });
    panel.appendChild(definitions(pairs));
    var row = el("div", null, "focus-row"), depth = el("input"), go = el("button", "Focus");
    depth.type = "number"; depth.min = "1"; depth.max = "6"; depth.value = String(state.depth);
    depth.id = "focus-depth"; depth.setAttribute("aria-label", "Depth");
    go.type = "button"; go.id = "focus-button";
    go.addEventListener("click", function () {
      state.focus = id;
      state.depth = Math.max(1, parseInt(depth.value, 10) || 1);
      apply();
      network.fit({ nodes: Array.from(visibleNodes), animation: false });
    });
    row.appendChild(go); row.appendChild(el("span", " on this node, depth ")); row.appendChild(depth);
    panel.appendChild(row);
    var facts = edgesOf.get(id);
    panel.appendChild(el("h2", facts.length + " relation" + (facts.length === 1 ? "" : "s")));
    var list = el("ul");
    facts.slice(0, LIST_LIMIT).forEach(function (e) {
      var other = e.from === id ? e.to : e.from, item = el("li");
      var text = e.arrows ? (e.from === id ? e.rel + " → " : "← " + e.rel + " · ") : e.rel + " — ";
      item.appendChild(edgeButton(e, text));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(nodeButton(other));
      item.appendChild(el("span", " (" + e.ev.length + ")", "count"));
      list.appendChild(item);
    });
    panel.appendChild(list);
    if (facts.length > LIST_LIMIT) {
      panel.appendChild(el("p", "… and " + (facts.length - LIST_LIMIT) + " more (use Focus to see them)", "hint"));
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  showStatus();
  if (data.selected !== null && data.selected !== undefined && nodeById.has(data.selected)) {
    network.selectNodes([data.selected]);
    showNode(data.selected);
  }
  window.kgView = {
    network: network, visibleNodes: function () { return visibleNodes.size; },
    visibleEdges: function () { return visibleEdges.size; }, jumpTo: jumpTo, showEdge: showEdge
  };
})();
