"""`glossdeck links` and the located messages about term links."""

from __future__ import annotations

from pathlib import Path

from tests.support.commands import run_cli


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")


def test_links_lists_each_auto_link_with_its_place_and_the_terms_linked_nowhere(tmp_path: Path) -> None:
    _write(
        tmp_path / "terms",
        {
            "pod": "title: Pod\ncategory: k8s\ntldr: A group of containers on a node.\n",
            "node": "title: Node\ncategory: k8s\ntldr: A machine.\nexplanation: |\n  It runs each pod.\n",
            "container": "title: Container\ncategory: k8s\nautolink: false\ntldr: A process.\n",
        },
    )
    done = run_cli("links", "terms", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Node (node): auto-linked 1 time" in out
    assert "  terms/pod.yml:3:34: tldr: 'node' in “A group of containers on a node.”" in out
    assert "  terms/node.yml:5:16: explanation: 'pod' in “It runs each pod.”" in out
    assert "Auto-linked nowhere (1):\n  Container (container) (autolink: false)" in out
    assert "Node (node)" in run_cli("validate", "--links", "terms", cwd=tmp_path).stdout


def test_a_term_link_read_by_yaml_as_a_list_says_to_quote_it(tmp_path: Path) -> None:
    _write(
        tmp_path / "terms",
        {
            "pod": "title: Pod\ncategory: k8s\ntldr: [[node]]\n",
            "node": "title: Node\ncategory: k8s\ntldr: [[pod]] runs here\n",
            "box": "title: Box\ncategory: k8s\ntldr: A box.\nmistakes:\n  - x\n  - [[pod|pods]]\n",
        },
    )
    done = run_cli("validate", "terms", cwd=tmp_path)
    assert done.returncode == 1
    assert "terms/pod.yml:3:7: tldr: YAML read this value as a list because it starts with '['" in done.stderr
    assert "quote the value or use a block scalar" in done.stderr
    assert "terms/node.yml:3:" in done.stderr and "[[slug]], quote the value or use a block scalar |" in done.stderr
    assert "terms/box.yml:6:5: mistakes[1]: YAML read this value as a list" in done.stderr


def test_unknown_term_links_are_located_warnings_with_a_did_you_mean(tmp_path: Path) -> None:
    _write(
        tmp_path / "terms",
        {
            "pod": "title: Pod\ncategory: k8s\ntldr: |\n  On a node.\n  See [[nod|the node]] and [[node]].\n",
            "node": "title: Node\ncategory: k8s\ntldr: A machine.\n",
        },
    )
    done = run_cli("validate", "--strict", "terms", cwd=tmp_path)
    assert done.returncode == 1
    assert (
        "terms/pod.yml:5:7: warning: tldr: term link [[nod|the node]]: no term 'nod' yet (did you mean 'node'?)"
        in done.stderr
    )
    assert done.stderr.count("warning:") == 1
