"""The interactive HTML network view: one self-contained, offline file.

pyvis holds the network (its ``nodes``/``edges`` lists are filled directly: ``add_edge`` on an
undirected pyvis network scans every edge). The page is rendered with our own Jinja2 template
(autoescaping on), not pyvis's, which loads assets from CDNs and runs some titles as HTML: it
inlines the vis-network script shipped inside pyvis, and the data goes in a JSON ``<script>``
block that the page's script reads and shows with ``textContent`` only.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.network import Network as PyvisNetwork

from graph.errors import KGError
from graph.model.vocab import vocabulary
from graph.store.base import Store
from graph.view.data import (
    Network,
    collapse_events,
    find_node,
    read_comentions,
    read_network,
    select,
)
from graph.view.layout import importance, layout_positions

__all__ = [
    "CLASS_COLOURS",
    "EDGE_FONT",
    "NODE_FONT",
    "PHYSICS_LIMIT",
    "drawn_label",
    "generate_html",
    "json_for_script",
    "vis_network_script",
    "write_html",
]

PHYSICS_LIMIT = 150
"""Up to this many nodes the browser lays the network out (bounded stabilisation, then
physics off); above it, positions are computed in Python and physics stays off."""

NODE_FONT = 14
"""Size of node labels, in pixels at zoom 1; the page enlarges them when it opens zoomed out."""

EDGE_FONT = 12
"""Size of edge labels, in pixels at zoom 1; the page keeps them at least this big on screen
when the network opens zoomed out (up to twice the size in the drawing)."""

CLASS_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Place": "#59a14f",
    "Country": "#2f7d32",
    "City": "#8cc665",
    "Region": "#b5d99c",
    "Position": "#b07aa1",
    "Event": "#e15759",
    "Meeting": "#d62728",
    "Visit": "#ff9d9a",
    "PressConference": "#c85a5a",
    "Election": "#a83232",
    "Agreement": "#edc948",
    "Topic": "#76b7b2",
    "Quote": "#9c755f",
    "Agent": "#bab0ac",
    "Other": "#d3d3d3",
}
"""Node colour by class (a class without its own colour takes its nearest ancestor's)."""

_LABEL_CHARS = 32
_QUOTE_CHARS = 22
_VIS_SCRIPT = ("lib", "vis-9.1.2", "vis-network.min.js")


def vis_network_script() -> str:
    """Return the vis-network script that ships inside the installed pyvis package.

    Examples
    --------
    >>> "vis" in vis_network_script()[:2000]
    True
    """
    path = resources.files("pyvis").joinpath(*_VIS_SCRIPT)
    return _script_safe(path.read_text(encoding="utf-8"))


def _script_safe(code: str) -> str:
    """Make code safe inside a ``<script>`` element (no early end tag, no comment opener)."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def json_for_script(value: Any) -> str:
    r"""Return JSON that can sit inside ``<script type="application/json">`` as it is.

    ``<``, ``>`` and ``&`` are written as ``\u003c``… escapes, so no text in the data can
    close the element; the JSON parses to the same value.

    Examples
    --------
    >>> json_for_script({"a": "</script><b>"})
    '{"a": "\\u003c/script\\u003e\\u003cb\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _colour(cls: str) -> str:
    if cls in CLASS_COLOURS:
        return CLASS_COLOURS[cls]
    ancestors = vocabulary().superclasses.get(cls, frozenset())
    for name, colour in CLASS_COLOURS.items():
        if name in ancestors:
            return colour
    return CLASS_COLOURS["Other"]


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:  # end on a whole word when one ends late enough
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def drawn_label(label: str, cls: str) -> str:
    """Return the label drawn beside a node: short, and a quote's first words only.

    The full label stays in the tooltip and the side panel.

    Examples
    --------
    >>> print(drawn_label("On a convenu d'un certain nombre de points avec le Maroc", "Quote"))
    « On a convenu d'un… »
    >>> drawn_label("Bruno Retailleau", "Person")
    'Bruno Retailleau'
    """
    text = label.strip().strip("«»\"“” \u00a0")
    if vocabulary().is_a(cls, "Quote"):
        return f"« {_short(text, _QUOTE_CHARS)} »"
    return _short(label)


def _proof_json(proof: Any, documents: dict[str, int], doc_rows: list[dict[str, Any]]) -> dict:
    key = proof.document or ""
    if key not in documents:
        documents[key] = len(doc_rows)
        doc_rows.append({"iri": proof.document, "title": proof.title, "date": proof.document_date,
                         "source": proof.source})
    out = {"doc": documents[key], "sentence": proof.sentence, "start": proof.start,
           "end": proof.end, "line": proof.line, "method": proof.method,
           "confidence": proof.confidence, "date": proof.date, "note": proof.note,
           "cites": proof.cites}
    return {k: v for k, v in out.items() if v is not None}


def _build(network: Network) -> tuple[PyvisNetwork, dict[str, Any]]:
    """Fill a pyvis network with our nodes and edges; return it with the page's extra data."""
    ids = {iri: i for i, iri in enumerate(sorted(network.nodes))}
    graph = nx.MultiGraph()
    graph.add_nodes_from(ids.values())
    graph.add_edges_from((ids[e.source], ids[e.target]) for e in network.edges)
    weight = importance(graph)
    physics = len(ids) <= PHYSICS_LIMIT
    positions = {} if physics else layout_positions(graph)
    degree = dict(graph.degree())
    most = max((n.articles for n in network.nodes.values()), default=0)
    if most:  # sized by the number of articles that name it
        weight = {ids[iri]: n.articles / most for iri, n in network.nodes.items()}

    net = PyvisNetwork(directed=True)
    for iri, i in ids.items():
        node = network.nodes[iri]
        title = f"{node.label}\n{node.cls} · {degree[i]} relation{'s' * (degree[i] != 1)}"
        if node.articles:
            title += f" · named in {node.articles} article{'s' * (node.articles != 1)}"
        if node.aliases:
            title += "\nalso: " + "; ".join(node.aliases[:5])
        entry: dict[str, Any] = {
            "id": i, "label": drawn_label(node.label, node.cls), "title": title, "shape": "dot",
            "size": round(8 + 22 * math.sqrt(weight.get(i, 0.0)), 1),
            "color": _colour(node.cls), "cls": node.cls, "iri": node.iri,
            "name": node.label, "aliases": node.aliases,
            "attrs": [list(pair) for pair in node.attributes], "articles": node.articles,
        }
        if i in positions:
            entry["x"], entry["y"] = positions[i]
        net.nodes.append(entry)
    net.node_ids = list(ids.values())
    documents: dict[str, int] = {}
    doc_rows: list[dict[str, Any]] = []
    for n, edge in enumerate(network.edges):
        source, target = network.nodes[edge.source], network.nodes[edge.target]
        link = "—" if edge.symmetric else "→"
        count = len(edge.proofs)
        title = f"{source.label} {link} {edge.relation} {link} {target.label}"
        if count:
            title += f"\n{count} piece{'s' * (count != 1)} of evidence"
        label = edge.relation
        extra: dict[str, Any] = {}
        if edge.relation == "comention":  # labelled and drawn by the number of articles
            label = f"{count} article{'s' * (count != 1)}"
            extra["width"] = round(1 + math.log2(max(count, 1)), 2)
        net.edges.append({
            **extra,
            "id": n, "from": ids[edge.source], "to": ids[edge.target], "label": label,
            "title": title, "arrows": "" if edge.symmetric else "to", "rel": edge.relation,
            "dates": edge.dates, "ev": [_proof_json(p, documents, doc_rows) for p in edge.proofs],
        })
    big = len(net.edges) > 2000
    net.options = {
        "autoResize": True,
        "nodes": {"shape": "dot", "font": {"size": NODE_FONT, "face": "sans-serif"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"smooth": False, "width": 1, "color": {"color": "#9aa5b1", "highlight": "#333"},
                  "font": {"size": EDGE_FONT, "align": "middle", "color": "#333",
                           "strokeWidth": 3, "face": "sans-serif"},
                  "scaling": {"label": {"drawThreshold": 7}},
                  "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 2},
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": ({"enabled": True, "solver": "barnesHut",
                     "barnesHut": {"gravitationalConstant": -5000, "springLength": 140,
                                   "avoidOverlap": 0.3},
                     "stabilization": {"enabled": True, "iterations": 200, "fit": True}}
                    if physics else {"enabled": False}),
    }
    return net, {"documents": doc_rows, "physics": physics, "ids": ids}


def generate_html(
    store: Store,
    *,
    focus: str | None = None,
    depth: int = 1,
    query: str | None = None,
    types: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    title: str | None = None,
    events: str = "nodes",
    notice: Callable[[str], None] | None = None,
    comentions: bool = False,
    min_articles: int = 1,
) -> str:
    """Return the network view of ``store`` as one self-contained HTML page.

    Parameters
    ----------
    store : Store
    focus : str, optional
        Label or alias of a node: draw it and its neighbours up to ``depth`` steps.
    depth : int
    query : str, optional
        A SPARQL CONSTRUCT query: draw only the triples it returns.
    types, relations : iterable of str, optional
        Class names (with their subclasses: ``Place`` keeps cities) and relation names to keep.
    since, until : str, optional
        ISO dates (``2025``, ``2025-04``, ``2025-04-14``): keep facts dated in that range.
    title : str, optional
        Page title (text).
    events : {"nodes", "edges"}
        Draw events (meetings, visits…) as nodes, or collapse each into edges between its
        participants and place (see :func:`~graph.view.data.collapse_events`).
    notice : callable, optional
        Called with a message when the page would draw nothing: the store holds no facts,
        the query returned none, or the filters left none. The page is still generated.
    comentions : bool
        Draw the co-mention network instead (:func:`~graph.view.data.read_comentions`):
        people and organisations linked by the articles that name both, the articles as
        evidence. ``types`` then chooses the classes linked.
    min_articles : int
        With ``comentions``: keep links that at least this many articles make.

    Returns
    -------
    str
        HTML that loads nothing from outside the file.

    Examples
    --------
    >>> from graph.store import open_store
    >>> page = generate_html(open_store("memory:"), title="<empty>")
    >>> "&lt;empty&gt;" in page and "http://" not in page.split("<script")[0]
    True
    >>> _ = generate_html(open_store("memory:"), notice=print)
    the store holds no facts: the page shows an empty network
    """
    if events not in ("nodes", "edges"):
        raise ValueError(f"events must be 'nodes' or 'edges', not {events!r}")
    if comentions:
        if query is not None:
            raise KGError("--comentions draws the articles' mentions: it takes no --query")
        network = read_comentions(store, types=list(types) if types else
                                  ["Person", "Organization"], min_articles=min_articles)
    else:
        network = _without_bare_mentions(read_network(store, construct=query))
    if events == "edges":
        network = collapse_events(network)
    whole = len(network.nodes)
    network = select(network, focus=focus, depth=depth, types=types, relations=relations,
                     since=since, until=until)
    if notice is not None and not network.nodes:
        notice(_empty_reason(whole, query is not None))
    net, extra = _build(network)
    ids = extra.pop("ids")
    classes: dict[str, int] = {}
    for node in net.nodes:
        classes[node["cls"]] = classes.get(node["cls"], 0) + 1
    rels: dict[str, int] = {}
    for edge in net.edges:
        rels[edge["rel"]] = rels.get(edge["rel"], 0) + 1
    payload = {
        "title": title or ("Co-mentions" if comentions else "Knowledge graph"),
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "classes": [{"name": c, "color": _colour(c), "count": n}
                    for c, n in sorted(classes.items())],
        "relations": [{"name": r, "count": n} for r, n in sorted(rels.items())],
        "selected": _focus_id(network, ids, focus),
        **extra,
    }
    template = _environment().from_string(_asset("view.html.j2"))
    return template.render(
        title=payload["title"],
        css=Markup(_asset("view.css")),
        data=Markup(json_for_script(payload)),
        vis=Markup(vis_network_script()),
        app=Markup(_script_safe(_asset("view.js"))),
    )


def _without_bare_mentions(network: Network) -> Network:
    """Leave out the entities an article only names: no relation, no fact of their own.

    They are drawn by the co-mention view and listed by ``@mentions``; in the network of
    relations they would only be a grid of isolated dots.

    Examples
    --------
    >>> from graph.view.data import Edge, Node
    >>> a, b = Node("http://x/a", "Person", "A", articles=2), Node("http://x/b", "City", "B")
    >>> named = Node("http://x/c", "Person", "C", articles=1)
    >>> net = Network({n.iri: n for n in (a, b, named)}, [Edge(a.iri, b.iri, "visited")])
    >>> sorted(n.label for n in _without_bare_mentions(net).nodes.values())
    ['A', 'B']
    """
    linked = {e.source for e in network.edges} | {e.target for e in network.edges}
    nodes = {iri: n for iri, n in network.nodes.items()
             if iri in linked or not n.articles or n.attributes}
    return Network(nodes, network.edges) if len(nodes) < len(network.nodes) else network


def _empty_reason(whole: int, queried: bool) -> str:
    """Say why a view draws nothing."""
    if queried and not whole:
        return "the query returned no facts to draw: the page shows an empty network"
    if not whole:
        return "the store holds no facts: the page shows an empty network"
    return (f"no node of the {whole:,} in the store matches the options: "
            "the page shows an empty network")


def _focus_id(network: Network, ids: dict[str, int], focus: str | None) -> int | None:
    """Return the id of the node ``focus`` names, selected when the page opens."""
    found = find_node(focus, network.nodes) if focus else None
    return ids[found] if found is not None else None


def write_html(store: Store, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write the network view of ``store`` to ``path`` atomically; return the path.

    Takes the keyword arguments of :func:`generate_html`. The page is written to a temporary
    file beside ``path`` and renamed over it, so a reader never sees half a page.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph.store import open_store
    >>> out = write_html(open_store("memory:"), pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    target = Path(path)
    page = generate_html(store, **options)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
