"""The browser editor at ``/admin/``: its page, its configuration and the CMS's script, self-hosted.

The CMS (Sveltia CMS, npm ``@sveltia/cms``) is installed pinned into ``.cache/`` by ``make cms``
and copied into the site at build time: nothing loads from a CDN. ``/admin/`` is the one page
allowed to talk to the Git host (GitHub's API, and github.com for signing in); its policy allows
exactly that. Every other page keeps its own-origin-only policy.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from toolkit.content.kinds import ENTRY_KINDS
from toolkit.content.model import Vocabulary
from toolkit.publish.cms_config import cms_config, dump

# Pinned npm packages; 'make cms' installs the lines marked "npm" into .cache/sveltia-cms/<version>/.
NPM_PACKAGES = (
    "@sveltia/cms@0.221.1",  # npm
    # The CMS's fonts (its icons are a font), which its script would fetch from a CDN: the versions
    # its script names. The build serves them from /admin/fonts/ instead.
    "@fontsource-variable/source-sans-3@5.3.0",  # npm
    "@fontsource/noto-mono@5.3.0",  # npm
    "@fontsource-variable/material-symbols-outlined@5.3.7",  # npm
)
CMS_PACKAGE, CMS_VERSION = NPM_PACKAGES[0].rsplit("@", 1)
ADMIN_FOLDER = "admin"
_REPO = Path(__file__).resolve().parents[2]
# Where the CMS's script would import libraries for some features from a CDN (pasting formatted
# text, pictures' metadata, preview templates, maps): the address is built from the library's name.
_CDN_IMPORT = re.compile(r"let (\w+)=`https://unpkg\.com/\$\{(\w+)\}`,(\w+)=[\w$]+\[\2\]\?\.replace\(/\^\\D/,``\);"
                         r"return \3\?`\$\{\1\}@\$\{\3\}`:\1")
# Those imports: library and file, as the script names them.
_IMPORTED = re.compile(r"\(`([@\w./-]+)`,`([\w./-]+\.m?js)(?:\?module)?`\)")
# A font as the CMS's script names it on the CDN: name, ":vf" for a variable font, version, file.
_CDN_FONT = re.compile(r"https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(:vf)?@([0-9.]+)/([a-z0-9-]+\.woff2)")
# The interface languages served beside the script (English is built into it).
UI_LOCALES = ("de",)

# What the editor may reach besides this site: the Git host's API and its sign-in.
GIT_HOST = ("https://api.github.com", "https://github.com")
# - style-src 'unsafe-inline': the CMS's components add their styles as <style> elements at
#   run time. On this page only, which shows no text from outside the repository unescaped.
# - img-src data: blob:: pictures chosen for upload are shown before they are committed.
# - connect-src data:: the CMS reads some of its own icons through fetch() from data: URLs.
# - frame-src blob:: the preview pane is a frame the CMS writes itself, with the site's styles.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob:; font-src 'self' data:; "
          f"connect-src 'self' data: {' '.join(GIT_HOST)}; frame-src 'self' blob:; "
          "object-src 'none'; base-uri 'self'; form-action 'self' https://github.com")


class CmsMissing(Exception):
    """The CMS package is not installed; the message says how to install it."""


def modules_dir() -> Path:
    """Where ``make cms`` installs the packages (``KB_CMS_MODULES`` names another node_modules)."""
    override = os.environ.get("KB_CMS_MODULES")
    if override:
        return Path(override)
    return _REPO / ".cache" / "sveltia-cms" / CMS_VERSION / "node_modules"


def cms_dir() -> Path:
    return modules_dir() / CMS_PACKAGE


def admin_files(*, vocab: dict[str, Vocabulary], edit_base: str, site_url: str, site_dir: Path,
                auth_url: str = "") -> dict[str, bytes]:
    """Path below the site root -> content: the page, its configuration, the CMS and our two scripts.

    ``site_dir`` is the built site: the preview pane uses the stylesheets found there.
    """
    package = cms_dir()
    script = package / "dist" / "sveltia-cms.js"
    if not script.is_file():
        raise CmsMissing(f"The browser editor needs {CMS_PACKAGE} {CMS_VERSION} in {package}: run 'make cms' "
                         f"(npm installs it there, pinned).")
    config = cms_config(vocab=vocab, edit_base=edit_base, site_url=site_url, auth_url=auth_url)
    files = {
        f"{ADMIN_FOLDER}/index.html": admin_page().encode("utf-8"),
        f"{ADMIN_FOLDER}/config.yml": dump(config).encode("utf-8"),
        **self_hosted_script(script.read_text(encoding="utf-8"), modules_dir()),
        f"{ADMIN_FOLDER}/setup.js": (Path(__file__).parent.parent / "data" / "admin-setup.js").read_bytes(),
        f"{ADMIN_FOLDER}/preview.js": preview_script(preview_styles(site_dir), vocab).encode("utf-8"),
    }
    # Loaded by the CMS on demand, from beside its script (the preview templates need them).
    for chunk in sorted((package / "dist" / "chunks").glob("*.js")):
        files[f"{ADMIN_FOLDER}/chunks/{chunk.name}"] = chunk.read_bytes()
    for locale in UI_LOCALES:
        files[f"{ADMIN_FOLDER}/locales/{locale}.json"] = (package / "locales" / f"{locale}.json").read_bytes()
    return files


def self_hosted_script(script: str, modules: Path) -> dict[str, bytes]:
    """The CMS's script with its fonts taken from this site, and the font files themselves."""
    files: dict[str, bytes] = {}

    def local(match: re.Match[str]) -> str:
        name, variable, version, file = match.groups()
        package = modules / ("@fontsource-variable" if variable else "@fontsource") / name
        source = package / "files" / f"{name}-{file}"
        installed = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] \
            if (package / "package.json").is_file() else None
        if installed != version or not source.is_file():
            raise CmsMissing(f"The browser editor's script uses the font {name} {version}, but {package} holds "
                             f"{installed or 'nothing'}: pin that version in toolkit/publish/admin.py and run 'make cms'.")
        files[f"{ADMIN_FOLDER}/fonts/{source.name}"] = source.read_bytes()
        return f"fonts/{source.name}"  # resolved against the page: /admin/fonts/

    script = _CDN_FONT.sub(local, script)
    # Libraries it imports on demand come from /admin/modules/ instead, as installed beside it;
    # those not installed (converting HEIC pictures, PDF thumbnails) stay unavailable.
    script, found = _CDN_IMPORT.subn(lambda m: f"return new URL(`modules/${{{m.group(2)}}}`,document.baseURI).href",
                                     script)
    if found != 1:
        raise CmsMissing(f"{CMS_PACKAGE} {CMS_VERSION}: the script's imports from a CDN were not found where "
                         f"expected; check toolkit/publish/admin.py against this version.")
    for library, file in sorted(set(_IMPORTED.findall(script))):
        source = modules / library / file
        if source.is_file():
            files[f"{ADMIN_FOLDER}/modules/{library}/{file}"] = source.read_bytes()
    files[f"{ADMIN_FOLDER}/sveltia-cms.js"] = script.encode("utf-8")
    return files


def admin_page() -> str:
    # German first: the editors are German-speaking; the CMS shows its own interface in the
    # language chosen in its settings (German unless changed).
    return f"""<!doctype html>
<html lang="de">
<head>
<meta http-equiv="Content-Security-Policy" content="{html.escape(POLICY)}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>Inhalte bearbeiten – Kleinstadtakademie</title>
<!-- The CMS reads config.yml beside this page. -->
<script src="setup.js"></script>
</head>
<body>
<noscript><p>Zum Bearbeiten im Browser wird JavaScript gebraucht. Ohne JavaScript bearbeiten Sie die
Quelldateien direkt im Repository (siehe CONTRIBUTING.md).</p></noscript>
<script src="sveltia-cms.js"></script>
<script src="preview.js"></script>
</body>
</html>
"""


def preview_styles(site_dir: Path) -> list[str]:
    """The site's stylesheets, as paths from the site root: the preview pane looks like the site."""
    theme = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.min.css"))
    own = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets").glob("*.css"))
    return theme + own


def preview_script(styles: list[str], vocab: dict[str, Vocabulary]) -> str:
    """The site's stylesheets in the preview pane, and entries shown there as their card."""
    cards = {kind.folder: list(kind.card_facets) for kind in ENTRY_KINDS if kind.card_facets}
    facets = {facet for names in cards.values() for facet in names}
    labels = {facet: {key: value.label["de"] for key, value in vocab[facet].values.items()}
              for facet in sorted(facets) if facet in vocab}
    settings = json.dumps({"cards": cards, "labels": labels}, ensure_ascii=False, sort_keys=True)
    lines = ["// Generated by the build (toolkit/publish/admin.py).",
             *(f'CMS.registerPreviewStyle("../{style}");' for style in styles),
             f"var KB_PREVIEW = {settings};"]
    template = (Path(__file__).parent.parent / "data" / "admin-preview.js").read_text(encoding="utf-8")
    return "\n".join(lines) + "\n" + template
