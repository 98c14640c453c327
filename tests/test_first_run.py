"""What a newcomer meets on a first run: empty folders, failed builds, empty stores, typos."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli import cli

FACTS = ("subject,predicate,object,date\n"
         "Jeanne Martin,met,Omar Haddad,2024-11-05\n"
         "Omar Haddad,visited,Tunis,2024-11\n")
KINDS = (".csv", ".jsonl", ".md", ".ttl", ".txt")


# -- 1. a folder with nothing to read ----------------------------------------------------------

@pytest.mark.parametrize("files", [(), ("report.pdf", "data.json", "notes.docx")],
                         ids=["empty", "pdf-json-only"])
def test_building_a_folder_with_nothing_to_read_fails_naming_folder_and_kinds(
        kg, tmp_path: Path, files: tuple[str, ...]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("{}")
    done = kg("build", "articles/")
    assert done.returncode == 1, done.stderr
    assert "articles" in done.stderr and "nothing to read" in done.stderr
    assert all(kind in done.stderr for kind in KINDS), done.stderr
    assert "0 sources" not in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "kg-store").exists()


# -- 2. a failed build creates nothing ---------------------------------------------------------

@pytest.mark.parametrize("inputs", [("nosuchfile.txt",), ("bad.csv",), ("good.csv", "bad.csv")],
                         ids=["missing", "malformed", "good-then-malformed"])
def test_a_failed_build_leaves_no_store_behind(kg, tmp_path: Path,
                                               inputs: tuple[str, ...]) -> None:
    (tmp_path / "good.csv").write_text(FACTS)
    (tmp_path / "bad.csv").write_text("subject,predicate,object\nA B,rencontre,C D\n")
    done = kg("build", *inputs, "--store", "new/deeper/store")
    assert done.returncode == 1 and "Error:" in done.stderr
    assert not (tmp_path / "new").exists()
    done = kg("build", *inputs)  # the default store, ./kg-store
    assert done.returncode == 1
    assert not (tmp_path / "kg-store").exists()


def test_a_failed_build_keeps_a_store_that_was_there(kg, tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text(FACTS)
    kg("build", "good.csv", check=True)
    assert kg("build", "nosuchfile.txt").returncode == 1
    assert kg("query", "ASK { ?a kg:met ?b }").stdout.strip() == "yes"


# -- 3. an empty view says so ------------------------------------------------------------------

def test_view_of_an_empty_store_warns_on_stderr_and_still_writes_the_page(
        kg, tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text(FACTS)
    kg("build", "good.csv", check=True)
    kg("remove", "good.csv", check=True)
    done = kg("view", "-o", "empty.html")
    assert done.returncode == 0, done.stderr
    assert "the store holds no facts" in done.stderr and done.stdout == ""
    assert (tmp_path / "empty.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_view_warns_when_the_options_leave_nothing_and_not_otherwise(kg, tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text(FACTS)
    kg("build", "good.csv", check=True)
    full = kg("view", "-o", "full.html")
    assert full.returncode == 0 and "Warning" not in full.stderr
    none = kg("view", "-o", "none.html", "--since", "2030")
    assert none.returncode == 0 and "matches the options" in none.stderr
    assert (tmp_path / "none.html").is_file()


# -- 4. SPARQL errors: one line, the token, a caret ------------------------------------------

@pytest.mark.parametrize(
    ("query", "first", "token"),
    [
        pytest.param("SELEC ?x WHERE { ?x ?p ?o }",
                     "line 1, column 1: unknown keyword 'SELEC' (did you mean SELECT?)",
                     "SELEC", id="misspelt-select"),
        pytest.param("SELECT ?x WHERE {\n  ?x kg:met ?y .\n  FILTR(?x != ?y) }",
                     "line 3, column 3: unknown keyword 'FILTR' (did you mean FILTER?)",
                     "FILTR", id="misspelt-filter-line-3"),
        pytest.param("SELECT ?x WHERE { ?x kg:met ?y } LIMIT ten",
                     "line 1, column 40: unexpected 'ten'", "ten", id="bad-limit"),
        pytest.param("SELECT ?x WHERE { ?x foo:bar ?y }",
                     "line 1, column 22: unknown prefix 'foo:'", "foo:bar", id="prefix"),
        pytest.param("SELECT ?x WHERE { ?x kg:met ?y } }",
                     "line 1, column 34: unexpected '}'", "}", id="extra-brace"),
        pytest.param("SELECT ?x WHERE { ?x kg:met ?y",
                     "line 1, column 31: the query ends before '{' (line 1, column 17) is closed",
                     "{",
                     id="unclosed"),
    ],
)
def test_sparql_errors_are_short_with_position_token_and_caret(
        kg, query: str, first: str, token: str) -> None:
    done = kg("query", query, "--store", "memory:")
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.rstrip("\n").split("\n")
    assert lines[0].startswith(f"Error: malformed SPARQL at {first}"), lines[0]
    assert len(lines) == 3 and len(lines[0]) < 120, done.stderr
    text, caret = lines[1], lines[2]
    assert set(caret.strip()) == {"^"}
    column = len(caret) - len(caret.lstrip())
    assert text[column:].startswith(token) and len(caret.strip()) == len(token)
    assert text.startswith("  ") and text[2:] in query.split("\n")
    assert "expected one of" not in done.stderr and "\\u{" not in done.stderr


# -- 5. one --events everywhere ----------------------------------------------------------------

def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def test_events_is_one_option_with_one_set_of_values_and_one_default() -> None:
    options = {name: param for name, command in _commands(cli).items()
               for param in command.params if param.name == "events"}
    assert {"view", "export", "analyze centrality", "analyze communities",
            "analyze path"} <= set(options)
    for name, param in options.items():
        assert isinstance(param, click.Option) and param.opts == ["--events"], name
        assert isinstance(param.type, click.Choice), name
        assert list(param.type.choices) == ["nodes", "edges"], name
        assert param.default == "nodes", name


def test_events_edges_collapses_and_old_values_are_refused(kg, tmp_path: Path) -> None:
    (tmp_path / "events.ttl").write_text(
        "@prefix kg: <https://w3id.org/kg-builder/ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        'ex:talks a kg:Meeting ; rdfs:label "talks" ; kg:participant ex:a, ex:b .\n'
        'ex:a a kg:Person ; rdfs:label "Ann Arbor" . ex:b a kg:Person ; rdfs:label "Bo Bell" .\n')
    kg("build", "events.ttl", check=True)
    nodes = kg("analyze", "centrality", "--format", "csv")
    edges = kg("analyze", "centrality", "--format", "csv", "--events", "edges")
    assert "talks" in nodes.stdout and "talks" not in edges.stdout, nodes.stderr
    assert kg("analyze", "communities", "--events", "edges").returncode == 0
    assert kg("export", "-f", "graphml", "--events", "collapse").returncode == 2


# -- 6. help: whole summaries, --store first ---------------------------------------------------

def test_help_lists_whole_summaries() -> None:
    for args in ([], ["analyze"]):
        out = CliRunner().invoke(cli, [*args, "--help"], terminal_width=80).output
        listed = out.split("Commands:\n", 1)[1].strip().splitlines()
        assert listed and not any(line.rstrip().endswith("...") for line in listed), out
        for line in listed:
            assert line.rstrip().endswith("."), line


@pytest.mark.parametrize("name", sorted(_commands(cli)))
def test_store_is_the_first_option_of_every_command(name: str) -> None:
    command = _commands(cli)[name]
    options = [p for p in command.params if isinstance(p, click.Option)]
    assert options[0].name == "store_url", [o.name for o in options]
    out = CliRunner().invoke(cli, [*name.split(), "--help"], terminal_width=80).output
    first = next(line for line in out.split("Options:\n", 1)[1].splitlines() if line.strip())
    assert first.strip().startswith("--store"), out


# -- 7. wording, and messages on stderr --------------------------------------------------------

def test_build_summary_reads_well(kg, tmp_path: Path) -> None:
    (tmp_path / "one.csv").write_text("subject,predicate,object\nJeanne Martin,met,Omar Haddad\n")
    done = kg("build", "one.csv", "--store", "memory:", "-q")
    assert re.fullmatch(r"Built in memory: 1 source \(0 documents\), 1 fact, \d+ triples "
                        r"in \d+\.\d s\n", done.stderr), done.stderr
    again = kg("build", "one.csv", "-q")
    assert again.stderr.startswith(f"Built {tmp_path / 'kg-store'}: 1 source (0 documents)")


def test_demo_prints_data_on_stdout_and_messages_on_stderr(kg, tmp_path: Path) -> None:
    done = kg("demo", "--store", "memory:", "-o", "demo.html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("$ kg query @meetings\n")
    assert "Built" not in done.stdout and "Wrote" not in done.stdout
    assert "Built in memory: 2 sources (1 document)" in done.stderr
    assert "Wrote the network view to demo.html" in done.stderr
    assert (tmp_path / "demo.html").is_file()
