"""Network analysis with networkx: the entity graph, centrality, groups, paths, timelines, dyads.

Build the graph once with :func:`to_networkx`, then measure it; the functions that show
evidence (:func:`path`, :func:`timeline`) read it from the store.
"""

from graph.analyze.dyads import LEVELS, Dyad, dyads
from graph.analyze.export import GRAPH_FORMATS, generate_csv, write_csv, write_network
from graph.analyze.measures import MEASURES, Score, centrality, communities, scores, write_scores
from graph.analyze.network import DIRECT_RELATIONS, comention_graph, find_node, to_networkx
from graph.analyze.paths import Cited, Step, path
from graph.analyze.timeline import Entry, timeline

__all__ = [
    "DIRECT_RELATIONS",
    "GRAPH_FORMATS",
    "LEVELS",
    "MEASURES",
    "Cited",
    "Dyad",
    "Entry",
    "Score",
    "Step",
    "centrality",
    "comention_graph",
    "communities",
    "dyads",
    "find_node",
    "generate_csv",
    "path",
    "scores",
    "timeline",
    "to_networkx",
    "write_csv",
    "write_network",
    "write_scores",
]
