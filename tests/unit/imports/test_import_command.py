"""`glossdeck import`: what each format writes, what it reports (with file and line), and that bad
input gives a located error and writes nothing."""

from __future__ import annotations

import csv as csv_module
import json
from pathlib import Path

import yaml

from tests.support.commands import run_cli
from tests.support.imports import copy_fixture, glossdeck, import_fixture


def _term(root: Path, slug: str) -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load((root / "terms" / f"{slug}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --- hugo ---------------------------------------------------------------------------------------


def test_hugo_maps_cncf_sections_to_blocks(tmp_path: Path) -> None:
    run = import_fixture("hugo", tmp_path)
    assert run.code == 0, run.err
    infra = _term(tmp_path, "immutable-infrastructure")  # TOML front matter
    assert infra["tldr"] == "Infrastructure that is replaced, never changed in place, once deployed."
    assert infra["misconception"] == {
        "belief": "Immutable means the servers never change.",
        "correction": "They change all the time, by replacement: a new version replaces the old one, "
        "it is never patched in place.",
    }
    assert infra["mistakes"][1] == "Keeping state on the machine's own disk."
    assert infra["quick_fix"] == "Bake every change into a new image and roll it out."
    assert infra["related"] == ["container", "cluster"]
    assert infra["sources"] == [
        {"url": "https://12factor.net/", "title": "The Twelve-Factor App"},
        {"url": "https://martinfowler.com/bliki/ImmutableServer.html"},
    ]
    assert infra["category"] == "property" and infra["tags"] == ["infrastructure", "devops"]
    assert "[[container|containers]]" in infra["explanation"] and "[[cluster]]" in infra["explanation"]
    cluster = _term(tmp_path, "cluster")
    assert cluster["why_it_matters"].startswith("Software that runs on a single computer")
    assert "### How it helps" in cluster["explanation"] and "#### Scaling out" in cluster["explanation"]
    assert "see [[immutable-infrastructure]]" in cluster["explanation"]  # a {{< ref >}} link
    assert str(cluster["added"]) == "2022-03-01" and str(cluster["edited"]) == "2023-11-20"
    container = _term(tmp_path, "container")
    # a list right after a paragraph line gets the blank line Markdown needs
    assert "needed something lighter:\n\n- one process per service," in container["why_it_matters"]
    assert container["tags"] == ["fundamental", "application"]  # the empty tag is dropped
    proxy = _term(tmp_path, "service-proxy")  # a page bundle: service-proxy/index.md, description as TL;DR
    assert proxy["tldr"] == "A proxy that intercepts traffic to and from a service and applies policies to it."
    assert proxy["explanation"] == (
        "A service proxy sits beside a [[container]] and sees all of its traffic.\n\n"  # <!--more--> splits, as in Hugo
        "Links to the page bundle itself, like this, are plain text."
    )


def test_hugo_reports_skips_defaults_and_links_with_lines(tmp_path: Path) -> None:
    run = import_fixture("hugo", tmp_path)
    err = run.err
    assert "content/en/service-mesh.md:3: skipped: status 'Draft' is not finished" in err
    assert "content/en/virtual-machine.md:4: skipped: draft (draft: true)" in err
    assert "content/en/_index.md: skipped: a section's list page" in err
    assert "content/en/_TEMPLATE.md: skipped: a template or partial" in err
    assert "content/en/cluster.md:10: link: link to '/nodes/' is not one of the imported terms" in err
    assert "content/en/immutable-infrastructure.md:29: link: related 'Chaos Engineering' is no imported term" in err
    assert "content/en/immutable-infrastructure.md:7: unmapped: front matter 'weight'" in err
    assert "content/en/container-image.md:10: unmapped: HTML tag <script> removed" in err
    assert "wrote 5 term file(s) to terms; skipped 4" in run.out
    assert not (tmp_path / "terms" / "service-mesh.yml").exists()


def test_hugo_accept_status_and_base_url(tmp_path: Path) -> None:
    run = import_fixture("hugo", tmp_path, "--accept-status", "draft", "--base-url", "https://glossary.example.org")
    assert run.code == 0, run.err
    assert (tmp_path / "terms" / "service-mesh.yml").exists()
    cluster = _term(tmp_path, "cluster")
    assert "[Nodes](https://glossary.example.org/nodes/)" in cluster["tldr"]


def test_hugo_hostile_text_is_kept_as_text_and_loads(tmp_path: Path) -> None:
    run = import_fixture("hugo", tmp_path)
    assert run.code == 0, run.err
    image = _term(tmp_path, "container-image-the-packaged-form-more")
    assert image["title"] == 'Container Image: "the" <packaged> form & more'
    assert "`[not a link](/container/)`" in image["tldr"]  # code spans are left alone
    assert "# [a link in code](/container/) stays as written" in image["explanation"]
    assert "<script>" not in image["tldr"] and "<b>" not in image["tldr"]


def test_broken_front_matter_is_a_located_error_and_nothing_is_written(tmp_path: Path) -> None:
    copy_fixture("hugo", tmp_path)
    (tmp_path / "content/en/broken.md").write_text("---\ntitle: Broken\ntags: [a, b\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "content/en/broken-toml.md").write_text('+++\ntitle = "X"\ncategory = \n+++\nBody.\n', encoding="utf-8")
    (tmp_path / "content/en/untitled.md").write_text("---\ncategory: concept\n---\nBody.\n", encoding="utf-8")
    run = glossdeck(tmp_path, "import", "hugo", "content/en", "--out", "terms")
    assert run.code == 1
    assert "content/en/broken.md:4:1: front matter: YAML syntax error" in run.err
    assert "content/en/broken-toml.md:3:" in run.err and "TOML syntax error" in run.err
    assert "content/en/untitled.md:1:1: title: the front matter has no title" in run.err
    assert "nothing imported" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "terms").exists()


# --- kubernetes ---------------------------------------------------------------------------------


def test_kubernetes_tooltips_summary_full_link_and_aka(tmp_path: Path) -> None:
    run = import_fixture("kubernetes", tmp_path)
    assert run.code == 0, run.err
    cluster = _term(tmp_path, "cluster")
    assert cluster["tldr"] == "A set of worker machines, called [[node|nodes]], that run containerized applications."
    assert "host the [[pod|Pods]]" in cluster["explanation"]
    # a tooltip to a term that was not imported links to the Kubernetes glossary
    assert (
        "[control plane](https://kubernetes.io/docs/reference/glossary/?all=true#term-control-plane)"
        in (cluster["explanation"])
    )
    assert cluster["category"] == "kubernetes" and cluster["tags"] == ["fundamental", "operation"]
    node = _term(tmp_path, "node")
    assert node["sources"] == [{"url": "https://kubernetes.io/docs/concepts/architecture/nodes/"}]
    cri_o = _term(tmp_path, "cri-o")
    assert cri_o["aliases"] == ["crio"] and cri_o["sources"] == [{"url": "https://cri-o.io/#what-is-cri-o"}]
    pod = _term(tmp_path, "pod")
    assert "[Pod lifecycle](https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/)" in pod["explanation"]
    eviction = _term(tmp_path, "eviction")  # no text before <!--more-->: short_description, its tooltips too
    assert eviction["tldr"] == "Stopping one or more [[pod|pods]] on a [[node]] to reclaim its resources."
    # a list right after a paragraph line gets its blank line; a tooltip without text shows the id
    assert eviction["explanation"].startswith(
        "Eviction is done by the [kubelet](https://kubernetes.io/docs/reference/glossary/?all=true#term-kubelet) when:\n\n"
        "* a [[node]] runs out"
    )
    assert "glossary/index.md:1: skipped: no 'id' in the front matter" in run.err
    assert "glossary/pod.md:20: unmapped: shortcode 'note' removed (content kept)" in run.err
    assert "glossary/cluster.md:1: default: no category: 'kubernetes'" in run.err


# --- docusaurus ---------------------------------------------------------------------------------


def test_docusaurus_terms_abbreviations_and_related(tmp_path: Path) -> None:
    run = import_fixture("docusaurus", tmp_path)
    assert run.code == 0, run.err
    api = _term(tmp_path, "api")
    assert api["aliases"] == ["Application Programming Interface"]
    assert api["category"] == "web"  # --category
    assert api["related"] == ["rest", "webhook"]
    assert api["explanation"] == "Most web APIs today follow [[rest]] conventions over [[http]]."
    assert _term(tmp_path, "http")["aliases"] == ["Hypertext Transfer Protocol", "HTTP/1.1"]
    assert "glossary/glossary.json:5: link: related 'GraphQL' is no imported term; left out" in run.err
    assert "glossary/glossary.json:17: unmapped: 'autoLink' has no place in a term" in run.err


def test_invalid_json_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "glossary.json").write_text('{\n  "terms": [\n    {"term": "A", "definition": "x",}\n  ]\n}\n')
    run = glossdeck(tmp_path, "import", "docusaurus", "glossary.json")
    assert run.code == 1
    assert "glossary.json:3:37: invalid JSON: Expecting property name enclosed in double quotes" in run.err
    (tmp_path / "glossary.json").write_text('{"terms": [{"term": "A"}, {"term": "B", "definition": "b"}]}')
    run = glossdeck(tmp_path, "import", "docusaurus", "glossary.json")
    assert run.code == 1 and "glossary.json:1:1: terms[0]: needs a non-empty text 'definition'" in run.err
    assert not (tmp_path / "terms").exists()


# --- abbreviations ------------------------------------------------------------------------------


def test_abbreviations_titles_definitions_and_spelled_out_aliases(tmp_path: Path) -> None:
    run = import_fixture("abbreviations", tmp_path)
    assert run.code == 0, run.err
    assert _term(tmp_path, "html") == {
        "title": "HTML",
        "aliases": ["Hyper Text Markup Language"],
        "category": "abbreviations",
        "tldr": "Hyper Text Markup Language",
    }
    assert _term(tmp_path, "json")["aliases"] == ["JavaScript Object Notation"]
    assert "aliases" not in _term(tmp_path, "w3c")
    assert _term(tmp_path, "yaml")["tldr"] == "YAML Ain't Markup Language"  # the last definition wins
    assert "abbreviations.md:6: skipped: 'YAML' is defined again on line 7" in run.err
    assert "abbreviations.md:8: skipped: 'TBD' has an empty definition" in run.err
    assert "abbreviations.md:9: unmapped: not an abbreviation line" in run.err


# --- csv ----------------------------------------------------------------------------------------


def test_csv_with_a_column_map_bom_and_multiline_cells(tmp_path: Path) -> None:
    run = import_fixture("csv", tmp_path)
    assert run.code == 0, run.err
    idempotency = _term(tmp_path, "idempotency")
    assert idempotency["title"] == "Idempotency"  # no BOM in the first column's name
    assert idempotency["explanation"].startswith("Safe [[retry|retries]] depend on it")
    assert idempotency["tags"] == ["reliability", "http"] and idempotency["related"] == ["retry"]
    assert _term(tmp_path, "retry")["related"] == ["idempotency", "exponential-backoff"]
    assert "glossary.csv:1: unmapped: column 8 'Owner' is not mapped" in run.err


def test_csv_wrong_columns_and_bad_rows_are_located_errors(tmp_path: Path) -> None:
    copy_fixture("csv", tmp_path)
    run = glossdeck(tmp_path, "import", "csv", "glossary.csv", "--map", "title=Name,tldr=Definiton")
    assert run.code == 1
    assert "glossary.csv:1:1: --map tldr=Definiton: no column 'Definiton' (did you mean 'Definition'?)" in run.err
    run = glossdeck(tmp_path, "import", "csv", "glossary.csv", "--map", "titel=Name")
    assert run.code == 1 and "no field 'titel' (did you mean 'title'?)" in run.err
    (tmp_path / "rows.csv").write_text("Name,Definition\nA,first\n,no title\nC,third,extra\n", encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "rows.csv", "--map", "title=Name,tldr=Definition")
    assert run.code == 1
    assert "rows.csv:3:1: title: the row has no title" in run.err
    assert "rows.csv:4:1: 3 cells but 2 columns in the header" in run.err
    assert not (tmp_path / "terms").exists()


def test_csv_maps_columns_named_like_fields_without_a_map(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("Term,Definition,category\nRetry,Sending again.,api\n", encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "t.csv")
    assert run.code == 0, run.err
    assert _term(tmp_path, "retry") == {"title": "Retry", "category": "api", "tldr": "Sending again."}
    assert "default: columns mapped by name: title=Term, tldr=Definition, category=category" in run.err


# --- writing ------------------------------------------------------------------------------------


def test_existing_files_are_never_replaced_without_force(tmp_path: Path) -> None:
    copy_fixture("docusaurus", tmp_path)
    (tmp_path / "terms").mkdir()
    mine = "title: REST\ncategory: web\ntldr: My own words.\n"
    (tmp_path / "terms" / "rest.yml").write_text(mine, encoding="utf-8")
    run = glossdeck(tmp_path, "import", "docusaurus", "glossary/glossary.json")
    assert run.code == 1
    assert "glossary/glossary.json:11:1: terms/rest.yml exists; not replacing it without --force" in run.err
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == ["rest.yml"]  # nothing else written
    assert (tmp_path / "terms" / "rest.yml").read_text(encoding="utf-8") == mine
    forced = glossdeck(tmp_path, "import", "docusaurus", "glossary/glossary.json", "--force")
    assert forced.code == 0, forced.err
    assert _term(tmp_path, "rest")["tldr"] == "An architectural style for designing networked applications."
    assert not list((tmp_path / "terms").glob(".*.tmp"))


def test_links_and_related_resolve_to_terms_already_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "retry.yml").write_text("title: Retry\ncategory: api\ntldr: Again.\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text(
        'title,tldr,related\nIdempotency,"Makes a [retry](/retry/) safe.",Retry\n', encoding="utf-8"
    )
    run = glossdeck(tmp_path, "import", "csv", "t.csv", "--category", "api")
    assert run.code == 0, run.err
    assert _term(tmp_path, "idempotency")["tldr"] == "Makes a [[retry]] safe."
    assert _term(tmp_path, "idempotency")["related"] == ["retry"]


def test_a_name_clash_with_an_existing_term_is_an_error_not_a_broken_glossary(tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "re-try.yml").write_text("title: Retry\ncategory: api\ntldr: Again.\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text("title,tldr\nRetry,Once more.\n", encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "t.csv")
    assert run.code == 1
    assert (
        "t.csv:2:1: conflicts with the glossary: title: title 'Retry' is also the title of terms/re-try.yml" in run.err
    )
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == ["re-try.yml"]


def test_dry_run_writes_nothing_and_json_report(tmp_path: Path) -> None:
    run = import_fixture("abbreviations", tmp_path, "--dry-run")
    assert run.code == 0 and "would write 5 term file(s)" in run.out
    assert not (tmp_path / "terms").exists()
    run = import_fixture("abbreviations", tmp_path, "--report", "json")
    report = json.loads(run.out)
    assert report["written"] == [f"terms/{s}.yml" for s in ("html", "css", "json", "w3c", "yaml")]
    assert {
        "file": "includes/abbreviations.md",
        "line": 8,
        "kind": "skipped",
        "message": "'TBD' has an empty definition",
    } in report["notes"]


def test_titles_without_a_slug_and_long_tldrs(tmp_path: Path) -> None:
    long = " ".join(f"Sentence number {i} says one more thing about it." for i in range(12))
    (tmp_path / "t.csv").write_text(f'title,tldr\n"!!!",x\nLong,"{long}"\n', encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "t.csv")
    assert run.code == 1 and "t.csv:2:1: title: title '!!!' has no letters or digits for a slug" in run.err
    (tmp_path / "t.csv").write_text(f'title,tldr\nLong,"{long}"\n', encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "t.csv")
    assert run.code == 0, run.err
    term = _term(tmp_path, "long")
    assert len(term["tldr"]) <= 400 and term["tldr"].endswith("about it.")
    assert term["explanation"].startswith("Sentence number")
    assert f"{term['tldr']} {term['explanation']}" == long
    assert "t.csv:2: changed: TL;DR cut to" in run.err


def test_the_command_runs_as_a_user_runs_it(tmp_path: Path) -> None:
    copy_fixture("kubernetes", tmp_path)
    result = run_cli(
        "import", "kubernetes", "content/en/docs/reference/glossary", "--out", "glossary/terms", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "glossary/terms/cluster.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/term.schema.json\n")
    assert "next: glossdeck validate glossary/terms" in result.stdout
    bad = run_cli("import", "yaml", "x", cwd=tmp_path)
    assert bad.returncode == 2 and "invalid choice: 'yaml'" in bad.stderr


def test_hostile_text_round_trips_into_valid_yaml(tmp_path: Path) -> None:
    title = "Ti: \"tle\" # not a comment --- {{x}} & <script>alert('t')</script> \\ \u2028 \x85 end"
    tldr = "Line one: yes\n---\n...\n- not: a list\n  # still text\n!!python/object:os.system\n&anchor *alias\n\x7f|"
    rows = [
        ["title", "tldr", "tags", "aliases", "sources"],
        [title, tldr, "a b;ÄÖ;;index", "Other: name", "ftp://x.org"],
    ]
    with open(tmp_path / "t.csv", "w", encoding="utf-8", newline="") as handle:
        csv_module.writer(handle).writerows(rows)
    run = glossdeck(tmp_path, "import", "csv", "t.csv", "--category", "Odd Category!")
    assert run.code == 0, run.err
    (written,) = (tmp_path / "terms").glob("*.yml")
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["title"] == " ".join(title.split())
    assert data["tldr"] == tldr.replace("- not: a list", "\n- not: a list")  # a list gets its blank line
    assert data["category"] == "odd-category" and data["tags"] == ["a-b", "äö"]  # slugs keep their script
    assert data["aliases"] == ["Other: name"] and "sources" not in data
    assert "t.csv:2: unmapped: tag 'index' is reserved by glossdeck; left out" in run.err
    assert "t.csv:2: unmapped: source 'ftp://x.org' is no http(s) address; left out" in run.err
    assert glossdeck(tmp_path, "validate", "--strict", "terms").code == 0


def test_an_out_folder_that_is_a_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    copy_fixture("abbreviations", tmp_path)
    (tmp_path / "terms").write_text("not a folder", encoding="utf-8")
    run = glossdeck(tmp_path, "import", "abbreviations", "includes/abbreviations.md", "--out", "terms")
    assert run.code == 1 and "cannot write" in run.err and "Traceback" not in run.err
    missing = glossdeck(tmp_path, "import", "hugo", "no/such/folder")
    assert missing.code == 1 and "no/such/folder:1:1: no such file or folder" in missing.err


def test_a_failed_write_removes_the_files_it_created(tmp_path: Path) -> None:
    copy_fixture("abbreviations", tmp_path)
    (tmp_path / "terms" / "json.yml").mkdir(parents=True)  # the third file cannot be written
    run = glossdeck(tmp_path, "import", "abbreviations", "includes/abbreviations.md", "--force")
    assert run.code == 1 and "terms/json.yml:1:1: cannot write: Is a directory" in run.err
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == ["json.yml"]  # html, css removed again


def test_csv_from_a_spreadsheet_with_semicolons_and_a_tsv(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text('title;tldr\n"Retry; again";"Once more, later."\n', encoding="utf-8")
    run = glossdeck(tmp_path, "import", "csv", "t.csv", "--category", "api")
    assert run.code == 0, run.err
    assert _term(tmp_path, "retry-again")["tldr"] == "Once more, later."
    (tmp_path / "t.tsv").write_text("title\ttldr\nBackoff\tWait longer, each time.\n", encoding="utf-8")
    assert glossdeck(tmp_path, "import", "csv", "t.tsv", "--category", "api").code == 0
    assert _term(tmp_path, "backoff")["tldr"] == "Wait longer, each time."
