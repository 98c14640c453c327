"""The command line: formats, named queries, exit codes, help and docs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from graph.cli import cli
from graph.query import named_queries

REPO = Path(__file__).resolve().parents[1]
FACTS = ("subject,predicate,object,date,note\n"
         "Jeanne Martin,met,Omar Haddad,2024-11-05,talks in Tunis\n"
         "Omar Haddad,visited,Tunis,2024-11,\n")
MET_QUERY = "SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"


@pytest.fixture
def built(kg, tmp_path: Path):
    (tmp_path / "facts.csv").write_text(FACTS)
    kg("build", "facts.csv", check=True)
    return kg


def test_acceptance_query_returns_the_pairs_as_sparql_json(built) -> None:
    done = built("query", "--format", "json", MET_QUERY)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    pairs = {(r["a"]["value"], r["b"]["value"]) for r in rows}
    assert pairs == {("Jeanne Martin", "Omar Haddad"), ("Omar Haddad", "Jeanne Martin")}


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_every_format(built, fmt: str) -> None:
    done = built("query", "--format", fmt, MET_QUERY)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["a", "b"] and len(rows) == 3
    elif fmt == "tsv":
        assert out.splitlines()[0] == "?a\t?b" and len(out.splitlines()) == 3
    elif fmt == "xml":
        assert "<sparql" in out and out.count("<result>") == 2
    elif fmt == "table":
        assert "Jeanne Martin" in out and "(2 rows)" in out
    else:
        assert len(json.loads(out)["results"]["bindings"]) == 2


def test_construct_prints_turtle_and_ask_prints_yes(built) -> None:
    done = built("query", "CONSTRUCT { ?x kg:met ?y } WHERE { ?x kg:met ?y }")
    assert "@prefix kg:" in done.stdout and "kg:met" in done.stdout
    assert built("query", "ASK { ?x kg:visited ?y }").stdout.strip() == "yes"
    assert built("query", "--format", "json", "ASK { ?x kg:said ?y }").stdout.startswith(
        '{"head":{},"boolean":false')


def test_a_row_two_sources_hold_prints_once_unless_all(built, tmp_path: Path) -> None:
    """The default graph is the union of the sources: the same triple in two files."""
    (tmp_path / "more.csv").write_text("subject,predicate,object\nJeanne Martin,met,Omar Haddad\n")
    built("build", "more.csv", check=True)
    assert "(2 rows)" in built("query", MET_QUERY).stdout
    every = re.search(r"\((\d+) rows\)", built("query", "--all", MET_QUERY).stdout)
    assert every and int(every.group(1)) > 2  # the labels, the edge: once per source
    rows = json.loads(built("query", "--format", "json", MET_QUERY).stdout)
    assert len(rows["results"]["bindings"]) == 2


def test_query_from_file_and_stdin(built, tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_text(MET_QUERY)
    assert "(2 rows)" in built("query", "q.rq").stdout
    assert "(2 rows)" in built("query", "-", input=MET_QUERY).stdout


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_run_and_document_their_parameters(built, name: str) -> None:
    done = built("query", f"@{name}", "--format", "json")
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout)
    text = named_queries()[name].text
    declared = set(re.findall(r"VALUES \?(\w+) \{ UNDEF \}", text))
    assert declared == set(named_queries()[name].params)


def test_named_query_parameters_filter(built) -> None:
    done = built("query", "@meetings", "-p", "person=omar haddad", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 1 and rows[0]["sentence"].startswith("Jeanne Martin,met")
    none = built("query", "@meetings", "-p", "person=Nobody", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(none.stdout)))) == 0
    facts = built("query", "@facts", "-p", "relation=visited", "--format", "csv")
    assert [r["object"] for r in csv.DictReader(io.StringIO(facts.stdout))] == ["Tunis"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(["query", "SELECT * WHERE { ?s ?p }"], 1, "malformed SPARQL", id="bad-query"),
        pytest.param(["query", "@nope"], 1, "no named query '@nope'", id="unknown-named"),
        pytest.param(["query", "@people", "-p", "who=x"], 1, "unknown parameter who",
                     id="unknown-param"),
        pytest.param(["query", "--format", "yaml", "ASK {}"], 2, "Invalid value", id="usage"),
        pytest.param(["build", "missing.csv"], 1, "missing.csv: no such file", id="missing-file"),
        pytest.param(["frobnicate"], 2, "No such command", id="unknown-command"),
        pytest.param(["remove", "nothing.csv"], 1, "no such source", id="unknown-source"),
    ],
)
def test_exit_codes(built, args: list[str], code: int, message: str) -> None:
    done = built(*args)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_reading_a_missing_store_is_an_error(kg) -> None:
    done = kg("query", "ASK {}", "--store", "nowhere")
    assert done.returncode == 1 and "no store at nowhere" in done.stderr


def test_bad_csv_exit_1_with_line_and_store_unchanged(built, tmp_path: Path) -> None:
    before = built("export", "-f", "nq").stdout
    (tmp_path / "facts.csv").write_text(FACTS + "Amina Diallo,rencontre,Omar Haddad,,\n")
    done = built("build", "facts.csv")
    assert done.returncode == 1
    assert "facts.csv:4: unknown predicate 'rencontre'" in done.stderr
    assert built("export", "-f", "nq").stdout == before


def test_build_twice_same_stats(built) -> None:
    first = built("stats", "--format", "json").stdout
    built("build", "facts.csv", check=True)
    assert built("stats", "--format", "json").stdout == first
    counts = json.loads(first)
    assert counts["classes"]["kg:Person"] == 2 and counts["predicates"]["kg:met"] == 2


def test_remove_and_export_to_file(built, tmp_path: Path) -> None:
    built("export", "-f", "ttl", "-o", "out.ttl", check=True)
    assert "kg:met" in (tmp_path / "out.ttl").read_text()
    built("remove", "facts.csv", check=True)
    assert built("query", "ASK { ?x kg:met ?y }").stdout.strip() == "no"


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 20, name
        assert f"kg {name}" in readme, f"kg {name} is not documented in the README"
