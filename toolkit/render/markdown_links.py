"""A Python-Markdown extension: links to other sites in editors' texts get ``rel`` and a class.

The knowledge base's own HTML marks external links in ``markup.external_link``; this gives links
written in Markdown the same treatment, so no page leaves a handle on the site to another one.
Listed in ``mkdocs.yml`` under ``markdown_extensions`` as ``toolkit.render.markdown_links``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTERNAL = ("http://", "https://", "//")


class _ExternalLinks(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            if not link.get("href", "").startswith(EXTERNAL):
                continue
            rel = set(link.get("rel", "").split()) | {"noopener", "noreferrer"}
            link.set("rel", " ".join(sorted(rel)))
            classes = link.get("class", "").split()
            link.set("class", " ".join([*classes, "kb-external"] if "kb-external" not in classes else classes))


class ExternalLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_ExternalLinks(md), "kb_external_links", 5)


def makeExtension(**kwargs: object) -> ExternalLinksExtension:
    return ExternalLinksExtension(**kwargs)
