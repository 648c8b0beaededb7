# The commands people and CI run. Everything installs into .venv from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
JAVA ?= /usr/bin/java
# The Nu Html Checker (npm's vnu-jar), pinned; it checks every built page in the tests.
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/$(VNU_VERSION)/node_modules/vnu-jar/build/dist/vnu.jar
# ProperDocs, the maintained fork of MkDocs 1.6: the tests build the site with it too.
PROPERDOCS_VERSION := 1.6.7
PROPERDOCS := .cache/properdocs/$(PROPERDOCS_VERSION)
# The browser editor at /admin/ (npm's @sveltia/cms and its fonts), pinned in toolkit/publish/admin.py;
# copied into the site by every build.
CMS_PACKAGES := $(shell sed -n 's/^ *"\(@[^"]*\)",  \# npm$$/\1/p' toolkit/publish/admin.py)
CMS_VERSION := $(patsubst @sveltia/cms@%,%,$(filter @sveltia/cms@%,$(CMS_PACKAGES)))
CMS_STAMP := .cache/sveltia-cms/$(CMS_VERSION)/.installed
export NO_MKDOCS_2_WARNING := 1
# Fixed build date: two builds of the same sources are byte-identical.
export SOURCE_DATE_EPOCH ?= 1767225600

.PHONY: help serve build check check-publication links schema messages lint test test-fast bench lock browser vnu properdocs cms clean

# The first target: 'make' alone lists the others.
help:  ## list the targets, each with what it does
	@sed -n -E 's/^([a-z][a-z-]*):.*## (.*)$$/\1|\2/p' $(firstword $(MAKEFILE_LIST)) | awk -F'|' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The preview's address, e.g. SERVE_ADDR=0.0.0.0:8080 to reach it from another device.
SERVE_ADDR ?= 127.0.0.1:8000

# Not strict: a preview shows the sources' problems in its pages and keeps serving; 'make build'
# and CI fail on them.
serve: $(STAMP) cms  ## preview at http://127.0.0.1:8000/wissensbasis/ (or SERVE_ADDR=host:port), reloading on every save
	$(BIN)/mkdocs serve --livereload --no-strict --dev-addr $(SERVE_ADDR)

build: $(STAMP) cms  ## the whole site into site/, failing on any warning
	rm -rf site
	$(BIN)/mkdocs build --strict --site-dir site

# On GitHub, problems show as annotations on the lines of the pull request.
check: $(STAMP)  ## check the sources only (fast)
	$(BIN)/python -m toolkit check $(if $(GITHUB_ACTIONS),--format github)

# Run by the publishing workflow before it deploys; pull requests run 'check', where these are warnings.
check-publication: $(STAMP)  ## like check, and every operator fact still empty in docs/betreiber.yml is an error
	$(BIN)/python -m toolkit check --publication $(if $(GITHUB_ACTIONS),--format github)

links: $(STAMP)  ## ask every external link in the sources whether it still answers (reports, never fails)
	$(BIN)/python -m toolkit links $(if $(GITHUB_ACTIONS),--format github)

schema: $(STAMP)  ## rewrite schema/ and vorlagen/ after a change to the content model or the vocabularies
	$(BIN)/python -m toolkit export schema schema
	$(BIN)/python -m toolkit export templates vorlagen

messages: $(STAMP)  ## rewrite the table of checker messages in CONTRIBUTING.md from tests/golden/check/
	$(BIN)/python scripts/message_table.py

# The rule set and the type checker's settings are in pyproject.toml ([tool.ruff], [tool.mypy]).
lint: $(STAMP)  ## lint the Python code (ruff) and check its types (mypy; strict on toolkit/, hooks/, scripts/, bench/)
	$(BIN)/ruff check .
	$(BIN)/mypy

# lint first: a finding fails the run before the slow tests start.
test: lint browser vnu properdocs cms  ## lint, then the whole test suite, browser tests included
	$(BIN)/python -m pytest

test-fast: lint vnu properdocs cms  ## lint, then the tests without a browser
	$(BIN)/python -m pytest -m "not browser"

# Not part of test: builds the benchmark corpus (bench/corpus.py: 2,000 tools, 500 projects, 300
# terms, 1,000 events, 1,000 media) and its quarter (a quarter of each) three times each, with the
# floor (bare Material), measures pages in Chromium and runs Lighthouse; writes BENCHMARKS.md.
bench: $(STAMP) browser cms  ## measure build time, memory and page weights against the budgets (bench/run.py)
	$(BIN)/python bench/run.py

browser: $(CHROMIUM)

# Debian's Chromium drives the browser tests; it comes from the system's package manager.
$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null

vnu: $(JAVA) $(VNU_JAR)

# Debian's Java runs the HTML checker; npm fetches the checker itself. Its install script, which
# would download a Java of its own, is not run.
$(JAVA):
	@echo "Installing Debian's default-jre-headless (and npm) for the HTML checker"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless npm >/dev/null

$(VNU_JAR):
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm install --prefix .cache/vnu/$(VNU_VERSION) --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
	  vnu-jar@$(VNU_VERSION)

cms: $(CMS_STAMP)

# Their install scripts are not run; the CMS's built script and the font files are all the site needs.
# The fonts' versions follow the CMS's, so the CMS's version names the folder.
$(CMS_STAMP):
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm install --prefix .cache/sveltia-cms/$(CMS_VERSION) --no-save --no-package-lock --ignore-scripts --no-audit \
	  --no-fund $(CMS_PACKAGES)
	touch $@

properdocs: $(PROPERDOCS)/.installed

# A venv of its own, as ProperDocs and MkDocs cannot share one: ProperDocs, then the project with
# the versions of requirements.lock; MkDocs, which the theme and plugins still require, is removed
# again, so the build can only have run on ProperDocs.
$(PROPERDOCS)/.installed: pyproject.toml requirements.lock
	rm -rf $(PROPERDOCS)
	$(PYTHON) -m venv $(PROPERDOCS)
	sed -n 's/^\([A-Za-z0-9_.-]*==[^ ]*\).*/\1/p' requirements.lock > $(PROPERDOCS)/constraints.txt
	$(PROPERDOCS)/bin/python -m pip install --quiet -c $(PROPERDOCS)/constraints.txt \
	  properdocs==$(PROPERDOCS_VERSION) -e .
	$(PROPERDOCS)/bin/python -m pip uninstall --quiet -y mkdocs mkdocs-get-deps
	touch $@

lock:  ## re-pin every dependency with hashes after a change to pyproject.toml
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test -o requirements.lock pyproject.toml

clean:  ## remove the built site and the test cache
	rm -rf site .pytest_cache
