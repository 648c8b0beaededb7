"""The open data as programs and data portals read it, on the built site in both languages: the
Frictionless data package validated by ``frictionless``, the DCAT-AP.de metadata parsed as RDF."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from frictionless import Package, validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from support.htmlscan import page_file, parse, resolve
from support.sites import REPO
from toolkit.content.kinds import KINDS
from toolkit.publish.datapackage import PACKAGE_FILE
from toolkit.publish.dcat import DCAT_FILE, LICENCE

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FOLDERS = {"de": "daten/", "en": "en/daten/"}
LANGUAGE = {"de": "http://publications.europa.eu/resource/authority/language/DEU",
            "en": "http://publications.europa.eu/resource/authority/language/ENG"}


def site_url() -> str:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def data_files(site: Path, lang: str, *, citations: bool = True) -> set[str]:
    """The data files of a language: everything in its data folder but the page and the metadata
    (without the media's BibTeX and RIS files, which are for reference managers, not tables)."""
    folder = site / FOLDERS[lang]
    return {p.name for p in folder.iterdir() if p.is_file() and p.name not in ("index.html", PACKAGE_FILE, DCAT_FILE)
            and (citations or p.suffix not in (".bib", ".ris"))}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_data_package_is_valid_and_describes_every_file(built_site: Path, lang: str) -> None:
    descriptor = built_site / FOLDERS[lang] / PACKAGE_FILE
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(descriptor))
    assert {r.path for r in package.resources} == data_files(built_site, lang, citations=False)
    assert [license["path"] for license in package.licenses] == ["https://creativecommons.org/licenses/by/4.0/"]
    for resource in package.resources:
        if (path := resource.path) and path.endswith(".csv"):
            with open(built_site / FOLDERS[lang] / path, newline="", encoding="utf-8") as table:
                assert resource.schema.field_names == next(csv.reader(table))
            assert all(f.description for f in resource.schema.fields), resource.path


def test_data_package_check_catches_a_wrong_value(built_site: Path, tmp_path: Path) -> None:
    # A review date that is no date: the field types in the package are what catches it.
    folder = shutil.copytree(built_site / "daten", tmp_path / "daten")
    table = folder / "werkzeuge.csv"
    with open(table, newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    rows[1][rows[0].index("geprueft")] = "gestern"
    with open(table, "w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\r\n").writerows(rows)
    report = validate(str(folder / PACKAGE_FILE))
    assert not report.valid
    assert "type-error" in {error[2] for error in report.flatten(["rowNumber", "fieldName", "type"])}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dcat_metadata_is_rdf_with_what_dcat_ap_de_requires(built_site: Path, lang: str) -> None:
    graph = Graph()
    graph.parse(built_site / FOLDERS[lang] / DCAT_FILE, format="json-ld")
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    catalogue = catalogues[0]
    for prop in (DCT.title, DCT.description, DCT.publisher, DCAT.dataset):
        assert graph.value(catalogue, prop) is not None, prop
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset)) and len(datasets) == len(KINDS)
    files: set[str] = set()
    for dataset in datasets:
        for prop in (DCT.title, DCT.description, DCT.publisher, DCAT.contactPoint, DCAT.theme, DCAT.distribution):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        title = graph.value(dataset, DCT.title)
        assert isinstance(title, Literal) and title.language == lang
        assert set(graph.objects(dataset, DCT.language)) == {URIRef(LANGUAGE[lang])}
        assert graph.value(graph.value(dataset, DCAT.contactPoint), VCARD.fn) is not None
        landing = str(graph.value(dataset, DCAT.landingPage))
        assert page_file(built_site, landing[len(site_url()):]).is_file(), landing
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert graph.value(distribution, DCT.license) == URIRef(LICENCE)
            assert graph.value(distribution, DCT["format"]) is not None
            address = str(graph.value(distribution, DCAT.downloadURL))
            assert graph.value(distribution, DCAT.accessURL) == URIRef(address)
            assert address.startswith(site_url() + FOLDERS[lang])
            files.add(address[len(site_url() + FOLDERS[lang]):])
    assert files == data_files(built_site, lang), "a distribution per file"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_open_data_page_links_the_package_and_the_dcat_metadata(built_site: Path, lang: str) -> None:
    url = FOLDERS[lang]
    targets = {resolve(built_site, url, link.attrs["href"]) for link in parse(page_file(built_site, url)).links()}
    for name in (PACKAGE_FILE, DCAT_FILE):
        assert (built_site / url / name, "") in targets, name
