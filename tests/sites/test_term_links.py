"""Term links in prose (`[[slug]]`, `[[slug|text]]`) and auto-linking, in a real MkDocs build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support.linkcheck import check_links
from tests.support.sites import build_project, build_site

TERMS = {
    "pod": """title: Pod
category: containers
tldr: "The smallest unit [[kubernetes]] runs: one or more [[container|containers]] on a [[node]]."
explanation: |
  A pod shares its network with its containers.
  - it is scheduled onto a node
  - it gets one IP address

  ## Lifecycle

  Pods are created by a [[controller]] and never moved.

  ### Restarts

  A [[contaner]] restarts in place.
related: [node, service]
""",
    "node": """title: Node
category: containers
tldr: "A worker machine (a host) that runs pods for [[kubernetes]]."
related: [pod]
""",
    "container": """title: Container
category: containers
tldr: "A process with its own filesystem, run inside a [[pod]] on a node."
""",
    "kubernetes": """title: Kubernetes (K8S)
category: containers
aliases: [K8s]
tldr: "An orchestrator for containers: it places each pod on a node; self-service for developers."
""",
    "service": """title: Service
category: containers
tldr: "A stable address in front of a set of pods."
""",
    "iaas": """title: Infrastructure as a Service (IaaS)
category: cloud
tldr: "Rented machines: Infrastructure as a Service, not a platform."
""",
    "self-healing": """title: Self Healing
category: cloud
autolink: aliases
tldr: "Restarting what fails, as a self-healing cluster does."
""",
    "host": """title: Host
category: cloud
autolink: false
tldr: "A machine that hosts workloads; host a pod on it."
""",
}


def test_term_links_and_autolinks_in_a_built_site(tmp_path: Path) -> None:
    built = build_site(tmp_path / "p", terms=TERMS, strict=False)
    assert built.ok, built.error
    pod = built.page("terms/pod/")
    # [[slug]] shows the title; [[slug|text]] the text; both relative links to the term's page
    assert '<a class="gd-termlink" href="../kubernetes/">Kubernetes (K8S)</a>' in pod
    assert '<a class="gd-termlink" href="../container/">containers</a>' in pod
    # an unknown slug links to its Wanted terms entry, like other references not written yet
    assert re.search(
        r'<a class="gd-termlink gd-missing-term" href="../../wanted/#wanted-contaner"[^>]*>Contaner</a>', pod
    )
    assert 'id="wanted-contaner"' in built.page("wanted/")
    # the list right after a line, and headings nested under Explanation with anchors in the TOC
    assert re.search(r"<ul>\s*<li>it is scheduled onto a (<a [^>]*>)?node", pod)
    assert re.search(r'<h3 id="lifecycle"[^>]*>Lifecycle', pod)
    assert re.search(r'<h4 id="restarts"[^>]*>Restarts', pod)
    assert 'href="#lifecycle"' in pod and 'href="#restarts"' in pod
    # meta description: plain text, titles for [[slug]], no space left where a link was
    description = re.search(r'<meta name="description" content="([^"]*)"', pod)
    assert description and description[1] == (
        "The smallest unit Kubernetes (K8S) runs: one or more containers on a Node."
    ), description
    # auto-links: the abbreviation, the longest name, never inside self-service or the term's own name
    kubernetes = built.page("terms/kubernetes/")
    assert "self-service" in kubernetes and 'href="../service/"' not in kubernetes
    iaas = built.page("terms/iaas/")
    assert 'class="gd-autolink" href="../service/"' not in iaas
    healing = built.page("terms/self-healing/")
    assert 'gd-autolink" href="../self-healing/' not in healing
    container = built.page("terms/container/")
    assert 'class="gd-autolink" href="../node/"' in container
    node = built.page("terms/node/")
    # the related list's entry for Pod links it once, explicitly, never again beside that link
    related = re.search(r'<ul class="gd-related".*?</ul>', node, re.DOTALL)
    assert related and related[0].count('href="../pod/"') == 1, related
    assert 'href="../host/"' not in node  # autolink: false
    assert check_links(built.site_dir) == []
    # no term has a DEBT score: no About DEBT scoring page, nav entry, or DEBT wording in Learn pages
    assert not (built.site_dir / "debt" / "index.html").exists()
    assert "About DEBT scoring" not in pod
    assert "DEBT" not in built.page("learn/quiz/") and "DEBT map" not in built.page("learn/")
    # --strict: the unknown term link is a located warning with a did-you-mean
    strict = build_project(tmp_path / "p")
    assert not strict.ok
    located = [m for m in strict.warnings() if "[[contaner]]" in m]
    assert any(
        re.search(
            r"terms/pod\.yml:15:5: warning: explanation: .*no term 'contaner' yet \(did you mean 'container'\?\)", m
        )
        for m in located
    ), strict.warnings()


def test_term_links_in_the_api_and_the_learning_data(tmp_path: Path) -> None:
    built = build_site(tmp_path / "p", terms=TERMS, strict=False, embeds=True)
    assert built.ok, built.error
    api = json.loads((built.site_dir / "api" / "terms" / "pod.json").read_text(encoding="utf-8"))
    # the API's Markdown names the terms' pages; its plain text shows their titles
    assert api["tldr"] == (
        "The smallest unit [Kubernetes (K8S)](../../terms/kubernetes/) runs: one or more "
        "[containers](../../terms/container/) on a [Node](../../terms/node/)."
    )
    assert api["tldr_text"] == "The smallest unit Kubernetes (K8S) runs: one or more containers on a Node."
    assert api["term"]["tldr"].startswith("The smallest unit [[kubernetes]]")  # the term as authored
    # the learning data and the quiz show the linked terms' real titles, not a guess from the slug
    cards = json.loads((built.site_dir / "learn" / "data" / "cards.json").read_text(encoding="utf-8"))
    assert cards["terms"]["pod"]["tldr"] == api["tldr_text"]
    quiz = json.loads((built.site_dir / "learn" / "data" / "quiz" / "node.json").read_text(encoding="utf-8"))
    (tldr,) = [q for q in quiz["questions"] if q["source"] == "tldr"]
    assert "runs pods for Kubernetes (K8S)." in tldr["prompt"], tldr  # a guess would say "for Kubernetes."
    # a link to a term not written yet says so in the site's words
    page = built.page("terms/pod/")
    assert 'href="../../wanted/#wanted-contaner" rel="nofollow" title="(not written yet)"' in page
