# cmdesk: `make run` starts the app, `make test` runs the whole test suite.
# Both do all the setup they need on a fresh Debian/Ubuntu machine (system packages included).

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
ARGS ?=

.PHONY: run test setup system-deps translations bench package appimage clean

run: setup
	$(PY) -m cmdesk $(ARGS)

test: setup
	bash scripts/run-tests.sh $(ARGS)

bench: setup
	$(PY) -m benchmarks $(ARGS)

package: setup
	bash packaging/build.sh

appimage: package
	bash packaging/appimage/build-appdir.sh

setup: system-deps $(STAMP) translations

system-deps:
	bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

translations: $(STAMP)
	$(PY) scripts/build_translations.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
