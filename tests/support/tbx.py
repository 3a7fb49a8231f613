"""A TBX-Basic (TBX v3, DCA style) checker: the structure of the published core schema
(TBXcoreStructV03.rng) and the rules of the TBX-Basic DCA Schematron (TBX-Basic_DCA.sch), for the
parts glossdeck writes. No package on PyPI ships those schemas (they live in LTAC-Global's
repositories), so the rules are written out here, each from the schema it comes from."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
AUX_INFO = {"admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"}
NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
# TBX-Basic_DCA.sch: the allowed values of each type attribute, and where each may stand
TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "ref": {"crossReference"},
    "termNote": {
        "administrativeStatus",
        "partOfSpeech",
        "geographicalUsage",
        "grammaticalGender",
        "termLocation",
        "termType",
    },
    "transac": {"transactionType"},
    "transacNote": {"responsibility"},
    "xref": {"externalCrossReference", "xGraphic"},
}
PLACES = {
    ("descrip", "subjectField"): {"conceptEntry"},
    ("descrip", "definition"): {"conceptEntry", "langSec"},
    ("descrip", "context"): {"termSec"},
    ("ref", "crossReference"): {"conceptEntry", "termSec"},
    ("xref", "externalCrossReference"): {"conceptEntry", "langSec", "termSec"},
}
STATUSES = {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"}


def _name(element: ET.Element) -> str:
    namespace, _, local = element.tag[1:].partition("}")
    assert namespace == NS, f"element outside the TBX namespace: {element.tag}"
    return local


def _kids(element: ET.Element) -> list[str]:
    return [_name(c) for c in element]


def _aux_then(element: ET.Element, what: str) -> None:
    """entity.auxInfo (any number, any order) then one or more `what`."""
    names = _kids(element)
    first = names.index(what) if what in names else len(names)
    assert first < len(names), f"{_name(element)} has no {what}"
    assert set(names[:first]) <= AUX_INFO, names
    assert set(names[first:]) == {what}, f"{_name(element)}: only {what} after the first one: {names}"


def validate_tbx(data: bytes) -> list[ET.Element]:
    """Check the document; return its conceptEntry elements."""
    root = ET.fromstring(data)  # well-formed XML, or ParseError
    assert _name(root) == "tbx", root.tag
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert LANGUAGE.match(root.get(XML_LANG) or "")
    assert _kids(root) == ["tbxHeader", "text"]
    header, text = list(root)
    assert _kids(header)[0] == "fileDesc"
    file_desc = _kids(header[0])
    assert file_desc[-1] == "sourceDesc" and set(file_desc[:-1]) <= {"publicationStmt", "titleStmt"}, file_desc
    assert _kids(header[0][-1]) and set(_kids(header[0][-1])) == {"p"}
    assert _kids(text) in (["body"], ["body", "back"])
    entries = list(text[0])
    assert entries and {_name(e) for e in entries} == {"conceptEntry"}
    ids = [e.get("id") or "" for e in entries]
    assert all(NCNAME.match(i) for i in ids) and len(set(ids)) == len(ids), ids
    for element in root.iter():
        _name(element)  # every element in the namespace (DCA: no foreign elements)
    for entry in entries:
        _aux_then(entry, "langSec")
        for lang_sec in entry.iter(f"{{{NS}}}langSec"):
            assert LANGUAGE.match(lang_sec.get(XML_LANG) or "")
            _aux_then(lang_sec, "termSec")
            for term_sec in lang_sec:
                if _name(term_sec) != "termSec":
                    continue
                names = _kids(term_sec)
                assert names[0] == "term", names
                notes = [n for n in names[1:] if n not in AUX_INFO]
                assert set(notes) <= {"termNote", "termNoteGrp"}, names
                assert "".join(term_sec[0].itertext()).strip(), "an empty term"
        for parent in entry.iter():
            for child in parent:
                kind, where = _name(child), _name(parent)
                if kind in TYPES:
                    assert child.get("type") in TYPES[kind], (kind, child.get("type"))
                allowed = PLACES.get((kind, child.get("type") or ""))
                if allowed is not None:
                    assert where in allowed, f"{kind} type={child.get('type')} inside {where}"
                if kind == "termNote" and child.get("type") == "administrativeStatus":
                    assert child.text in STATUSES, child.text
                if kind == "termNote":
                    assert where in ("termSec", "termNoteGrp")
                if kind == "transacGrp":
                    assert _kids(child)[0] == "transac" and set(_kids(child)[1:]) <= {"date", "transacNote"}
                if kind == "date":
                    dt.date.fromisoformat(child.text or "")
                target = child.get("target")
                if target is not None:
                    assert re.match(r"https?://.+", target) or target in ids, f"dangling target {target}"
    return entries
