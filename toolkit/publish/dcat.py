"""The open data as a catalogue for data portals: DCAT-AP.de metadata in JSON-LD, one per language.

GovData and other CKAN portals harvest DCAT: a ``dcat:Catalog`` of ``dcat:Dataset`` records (tools,
model projects, glossary), each with its publisher, contact point, themes, languages and a
``dcat:Distribution`` per file. The licence is named by its URI in the DCAT-AP.de licence
vocabulary. The JSON-LD carries its context inline, so no reader needs to fetch one.

Deterministic: the only dates are the entries' own review dates.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from toolkit.content import urls
from toolkit.content.labels import label, section
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, KnowledgeBase
from toolkit.publish.export import DATA_FOLDER, DATASETS, GLOSSARY_DATASET, TITLES

DCAT_FILE = "dcat-ap.jsonld"
LICENCE = "http://dcat-ap.de/def/licenses/cc-by/4.0"
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_URI = {"de": EU + "language/DEU", "en": EU + "language/ENG"}
# Data themes of the EU vocabulary: regions and cities; government and public sector.
THEMES = [EU + "data-theme/REGI", EU + "data-theme/GOVE"]
FORMATS = {"csv": (EU + "file-type/CSV", "https://www.iana.org/assignments/media-types/text/csv"),
           "json": (EU + "file-type/JSON", "https://www.iana.org/assignments/media-types/application/json"),
           # Medien: the reference managers' formats, written once into the German data folder.
           "bib": (EU + "file-type/TXT", "https://www.iana.org/assignments/media-types/text/plain"),
           "ris": (EU + "file-type/TXT", "https://www.iana.org/assignments/media-types/text/plain")}
# Datasets that also come as citation files, and in which language's folder.
CITATIONS = {"medium": (DEFAULT_LANGUAGE, ("bib", "ris"))}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
WORDS = section("dcat")  # {lang: {key: text}}, from labels.py
# Where people reach the editors: the page that says how to send a suggestion or a correction.
CONTACT_PAGE = "mitmachen/"


def dcat_path(lang: str) -> str:
    return urls.prefix(lang) + DATA_FOLDER + "/" + DCAT_FILE


def dcat_catalogue(*, kb: KnowledgeBase, lang: str, site_url: str, site_name: str, holder: str) -> bytes:
    """The DCAT-AP.de catalogue of ``lang`` as JSON-LD (UTF-8)."""
    words = WORDS[lang]
    folder = site_url + urls.prefix(lang) + DATA_FOLDER + "/"
    publisher = {"@id": site_url + "#herausgeber", "@type": "foaf:Organization", "foaf:name": holder,
                 "foaf:homepage": {"@id": site_url}}
    contact = {"@type": "vcard:Organization", "vcard:fn": holder,
               "vcard:hasURL": {"@id": site_url + urls.prefix(lang) + CONTACT_PAGE}}
    attribution = f"{site_name}, {site_url}"
    datasets = []
    for kind, name in [*DATASETS.items(), ("begriff", GLOSSARY_DATASET)]:
        files = ["csv", "json"] if name in DATASETS.values() else ["json"]
        citing_lang, formats = CITATIONS.get(kind, ("", ()))
        if lang == citing_lang:
            files += formats
        dataset: dict[str, Any] = {
            "@id": folder + "#" + name,
            "@type": "dcat:Dataset",
            "dct:identifier": folder + "#" + name,
            "dct:title": {"@value": f"{site_name}: {TITLES[lang][name]}", "@language": lang},
            "dct:description": {"@value": label(lang, f"dataset_{kind}"), "@language": lang},
            "dct:publisher": {"@id": publisher["@id"]},
            "dcat:contactPoint": contact,
            "dcat:theme": [{"@id": t} for t in THEMES],
            "dct:language": {"@id": LANGUAGE_URI[lang]},
            "dcat:keyword": [{"@value": k, "@language": lang} for k in words["keywords"].split(", ")],
            "dcat:landingPage": {"@id": site_url + (urls.glossary_url(lang) if kind == "begriff"
                                                     else urls.catalogue_url(kind, lang))},
            "dct:license": {"@id": LICENCE},
            "dcat:distribution": [_distribution(folder, name, kind, lang, attribution) for kind in files],
        }
        reviewed = [e.data["geprueft"] for e in kb.collection(kind).values() if isinstance(e.data.get("geprueft"), date)]
        if reviewed:
            dataset["dct:modified"] = {"@value": max(reviewed).isoformat(), "@type": "xsd:date"}
        datasets.append(dataset)
    catalogue = {
        "@id": folder + DCAT_FILE,
        "@type": "dcat:Catalog",
        "dct:title": {"@value": f"{site_name}: {words['catalogue']}", "@language": lang},
        "dct:description": {"@value": words["catalogue"], "@language": lang},
        "dct:publisher": {"@id": publisher["@id"]},
        "foaf:homepage": {"@id": folder},
        "dct:language": [{"@id": LANGUAGE_URI[other]} for other in LANGUAGES],
        "dct:license": {"@id": LICENCE},
        "dcat:dataset": datasets,
    }
    document = {"@context": CONTEXT, "@graph": [catalogue, publisher]}
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _distribution(folder: str, name: str, kind: str, lang: str, attribution: str) -> dict[str, Any]:
    address = folder + f"{name}.{kind}"
    file_type, media_type = FORMATS[kind]
    return {
        "@id": address,
        "@type": "dcat:Distribution",
        "dct:title": {"@value": f"{name}.{kind}", "@language": lang},
        "dcat:accessURL": {"@id": address},
        "dcat:downloadURL": {"@id": address},
        "dct:format": {"@id": file_type},
        "dcat:mediaType": {"@id": media_type},
        "dct:license": {"@id": LICENCE},
        "dcatde:licenseAttributionByText": attribution,
    }
