"""The interactive HTML network view: ``generate_html(store)`` and ``write_html(store, path)``.

The page is one offline file: entities coloured by class with a legend and sized by degree,
relations as labelled edges, plain-text tooltips, a side panel with the evidence of what is
clicked, search by label or alias, filters by class, relation and date, and a focus mode.
"""

from graph.view.data import Network, collapse_events, read_network, select
from graph.view.html import generate_html, write_html

__all__ = [
    "Network", "collapse_events", "generate_html", "read_network", "select", "write_html",
]
