"""Node positions computed in Python, so that large networks draw at once with physics off.

Each connected component is laid out on its own — small ones with networkx's spring layout,
large ones with a force layout in numpy whose repulsion is estimated from a sample of nodes
(cost grows as nodes × sample, not nodes²) — and the components are packed in rows, largest
first.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["ASPECT", "SPRING_LIMIT", "importance", "layout_positions"]

SPRING_LIMIT = 300
"""Components up to this many nodes use :func:`networkx.spring_layout` (dense, exact)."""

_SPACING = 60.0  # screen units between neighbours

ASPECT = 1.25
"""Width over height of the area the components are packed into (the page's canvas beside
its side panel, roughly)."""


def importance(graph: nx.Graph) -> dict[object, float]:
    """Return each node's degree scaled to [0, 1] (the largest degree is 1).

    Examples
    --------
    >>> importance(nx.star_graph(3))[0]
    1.0
    """
    degrees = dict(graph.degree())
    top = max(degrees.values(), default=0) or 1
    return {node: degree / top for node, degree in degrees.items()}


def _force_layout(graph: nx.Graph, seed: int, iterations: int = 50,
                  sample: int = 40) -> dict[object, tuple[float, float]]:
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64)
    src, dst = pairs[:, 0], pairs[:, 1]
    # Start from breadth-first rings around the best-connected node: neighbours start close.
    hub = max(graph.degree(), key=lambda item: item[1])[0]
    rings = nx.single_source_shortest_path_length(graph, hub)
    radius = np.array([rings.get(node, 0) for node in nodes], dtype=np.float32)
    angle = rng.uniform(0, 2 * math.pi, n).astype(np.float32)
    scale = math.sqrt(n) / (radius.max() or 1)
    pos = np.column_stack([np.cos(angle), np.sin(angle)]) * (radius * scale)[:, None]
    pos = (pos + rng.normal(scale=0.1, size=pos.shape)).astype(np.float32)
    step = math.sqrt(n) * 0.1
    cooling = 0.02 ** (1 / iterations)
    for _ in range(iterations):
        picked = pos[rng.choice(n, size=min(sample, n), replace=False)]
        dx = pos[:, 0:1] - picked[None, :, 0]
        dy = pos[:, 1:2] - picked[None, :, 1]
        inverse = 1.0 / (dx * dx + dy * dy + 0.01)
        weight = n / len(picked)  # each sampled node stands for n / sample others
        move = np.column_stack([(dx * inverse).sum(axis=1), (dy * inverse).sum(axis=1)]) * weight
        along = pos[src] - pos[dst]
        pull = along * np.sqrt((along * along).sum(axis=1))[:, None]  # spring force ~ d², k = 1
        for axis in (0, 1):
            move[:, axis] -= np.bincount(src, weights=pull[:, axis], minlength=n)
            move[:, axis] += np.bincount(dst, weights=pull[:, axis], minlength=n)
        size = np.sqrt((move * move).sum(axis=1)) + 1e-9
        pos += (move / size[:, None] * np.minimum(size, step)[:, None]).astype(np.float32)
        step *= cooling
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _component_layout(graph: nx.Graph, seed: int) -> dict[object, tuple[float, float]]:
    n = len(graph)
    if n == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    if n <= SPRING_LIMIT:
        raw = nx.spring_layout(graph, seed=seed, iterations=60)
        coords = {node: (float(x), float(y)) for node, (x, y) in raw.items()}
    else:
        coords = _force_layout(graph, seed)
    xs = [x for x, _ in coords.values()]
    ys = [y for _, y in coords.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    size = _SPACING * 1.6 * math.sqrt(n)
    return {node: ((x - cx) / span * size, (y - cy) / span * size) for node, (x, y) in
            coords.items()}


def layout_positions(graph: nx.Graph, *, seed: int = 7) -> dict[object, tuple[float, float]]:
    """Return ``{node: (x, y)}`` for every node of ``graph``, in screen units.

    Parameters
    ----------
    graph : networkx.Graph
        Directions are ignored.
    seed : int
        Makes the layout the same on every run.

    Examples
    --------
    >>> pos = layout_positions(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    """
    undirected = nx.Graph(graph)
    parts = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    placed: dict[object, tuple[float, float]] = {}
    boxes = [_component_layout(undirected.subgraph(part).copy(), seed) for part in parts]
    total = sum((_box_side(box) + _SPACING) ** 2 for box in boxes)
    row_width = max(math.sqrt(total * ASPECT), max((_box_side(b) for b in boxes), default=0.0))
    x = y = row_height = 0.0
    for box in boxes:
        side = _box_side(box)
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + _SPACING, 0.0
        for node, (px, py) in box.items():
            placed[node] = (round(x + side / 2 + px, 1), round(y + side / 2 + py, 1))
        x += side + _SPACING
        row_height = max(row_height, side)
    return placed


def _box_side(box: dict[object, tuple[float, float]]) -> float:
    xs = [x for x, _ in box.values()]
    ys = [y for _, y in box.values()]
    return max(max(xs) - min(xs), max(ys) - min(ys), _SPACING / 2)
